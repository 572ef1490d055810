// Vite build of the Admin Center: React, served by Gatehouse at /admin-center/ (the base of every asset URL).
// In development, /trpc and /events go to the API on port 4000.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/admin-center/",
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/trpc": "http://127.0.0.1:4000", "/events": "http://127.0.0.1:4000" },
  },
  build: { outDir: "dist", sourcemap: true },
});
