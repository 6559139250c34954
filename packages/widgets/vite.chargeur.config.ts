// Script-tag loaders in dist/cdn, from the same source `src/trousse.ts`: `trousse.js` (ES module) and
// `trousse.classic.js` (classic script, IIFE — Rollup turns `import.meta.url` into the script's own
// address there). Each is self-contained (one request). Built after vite.cdn.config.ts.
import { defineConfig } from "vite";
import { minifierCdn } from "./scripts/minifier-cdn.js";
import { define } from "./vite.shared.js";

export default defineConfig({
  define,
  plugins: [minifierCdn()],
  publicDir: false,
  build: {
    outDir: "dist/cdn",
    emptyOutDir: false,
    target: "es2020",
    minify: false,
    sourcemap: true,
    lib: {
      entry: "src/trousse.ts",
      formats: ["es", "iife"],
      name: "TrousseChargeur",
      fileName: (format) => (format === "es" ? "trousse.js" : "trousse.classic.js"),
    },
  },
});
