// Script-tag bundles in dist/cdn, step 1: one file per widget (the loader imports it only when the
// element is on the page), Lit and the catalogue bundled, minified. Library mode: no Vite preload helper
// in the output. Step 2, vite.chargeur.config.ts: the loaders; then scripts/manifeste-cdn.mjs writes the
// SRI hashes and the versioned copies.
import { defineConfig } from "vite";
import { catalogueVisio } from "./scripts/catalogue-visio.js";
import { minifierCdn } from "./scripts/minifier-cdn.js";
import { minifierCssLit } from "./scripts/minifier-css.js";
import { sansGlobalesLit } from "./scripts/sans-globales-lit.js";
import { define, sansAvertissementAnnotationZod } from "./vite.shared.js";

export default defineConfig({
  define,
  plugins: [sansGlobalesLit(), catalogueVisio(), minifierCssLit(), minifierCdn()],
  publicDir: false,
  build: {
    outDir: "dist/cdn",
    emptyOutDir: true,
    target: "es2022",
    // Vite's own minifier keeps whitespace in library ES output: minifierCdn() does it instead.
    minify: false,
    sourcemap: true,
    manifest: true,
    lib: {
      entry: { "choisir-visio": "src/choisir-visio/define.ts" },
      formats: ["es"],
      fileName: (_format, nom) => `${nom}.js`,
    },
    rollupOptions: {
      onwarn: sansAvertissementAnnotationZod,
      // The widget (Lit, element, form) stays in `choisir-visio.js`, where `definirElement` runs: the
      // results chunk imports what it shares from that file, instead of Rollup moving it all into a
      // `chunks/define-….js` behind a one-line entry (a second copy of the entry would then define nothing).
      preserveEntrySignatures: "allow-extension",
      output: { chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
