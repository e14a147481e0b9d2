import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webDir = dirname(fileURLToPath(import.meta.url));

// Separate entries so the public survey page stays tiny: it ships no React, no Mantine.
export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: resolve(webDir, "dist"),
    emptyOutDir: true,
    // ECharts is one lazy chunk of ~530 kB, loaded only by the analytics page.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        app: resolve(webDir, "index.html"),
        survey: resolve(webDir, "survey.html"),
        wall: resolve(webDir, "wall.html"),
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" },
  },
});
