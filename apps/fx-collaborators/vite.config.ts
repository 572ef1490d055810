// Vite build of the collaborators app: React, served by Gatehouse at /fx-collaborators/ (the base of asset URLs).
// In development, /trpc and /events go to the API on port 4000 (5173 and 5174 are the other apps).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/fx-collaborators/",
  plugins: [react()],
  server: {
    port: 5175,
    proxy: { "/trpc": "http://127.0.0.1:4000", "/events": "http://127.0.0.1:4000" },
  },
  build: { outDir: "dist", sourcemap: true },
});
