// Vite build of Mission Control: React, served by Gatehouse at /mission-control/ (the base of every asset URL).
// In development, /trpc and /events go to the API on port 4000 (the Admin Center dev server uses 5173).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/mission-control/",
  plugins: [react()],
  server: {
    port: 5174,
    proxy: { "/trpc": "http://127.0.0.1:4000", "/events": "http://127.0.0.1:4000" },
  },
  build: { outDir: "dist", sourcemap: true },
});
