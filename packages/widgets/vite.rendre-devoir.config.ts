// Script-tag bundle of <trousse-rendre-devoir> in dist/cdn, built after vite.cdn.config.ts and apart from
// it, so that neither widget shares a chunk with the other (each budget counts its own Lit). tus-js-client
// and the English texts are dynamic imports: separate chunks, downloaded only when needed.
import { defineConfig } from "vite";
import { minifierCdn } from "./scripts/minifier-cdn.js";
import { minifierCssLit } from "./scripts/minifier-css.js";
import { sansGlobalesLit } from "./scripts/sans-globales-lit.js";
import { define, sansAvertissementAnnotationZod } from "./vite.shared.js";

export default defineConfig({
  define,
  plugins: [sansGlobalesLit(), minifierCssLit(), minifierCdn()],
  publicDir: false,
  build: {
    outDir: "dist/cdn",
    emptyOutDir: false,
    target: "es2022",
    minify: false,
    sourcemap: true,
    manifest: ".vite/manifest-rendre-devoir.json",
    lib: {
      entry: { "rendre-devoir": "src/rendre-devoir/define.ts" },
      formats: ["es"],
      fileName: (_format, nom) => `${nom}.js`,
    },
    rollupOptions: {
      onwarn: sansAvertissementAnnotationZod,
      // As for <trousse-choisir-visio>: Lit, the element and its controllers stay in `rendre-devoir.js`,
      // where `definirElement` runs, and the lazy chunks import what they share from it — instead of a
      // one-line entry re-exporting a `chunks/define-….js`, a second request after it before the first
      // render (loader → entry → chunk).
      preserveEntrySignatures: "allow-extension",
      output: { chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
