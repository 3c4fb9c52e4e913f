import { defineConfig } from "vite";

// Built into dist/: Django serves index.html for every page route and the hashed assets
// under /static/app/ (whitenoise). manifest.json lists every chunk, so the service worker
// can keep the whole app for offline passes.
export default defineConfig({
  base: "/static/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "app",
    manifest: "manifest.json",
    target: "es2020",
    sourcemap: false,
  },
});
