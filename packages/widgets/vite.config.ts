// npm build: ES modules in dist/lib (one file per source module, tree-shakable), Lit and our packages
// stay dependencies. Types come from `tsc -p tsconfig.types.json`. CDN bundles: vite.cdn.config.ts.
import { defineConfig } from "vite";
import { define } from "./vite.shared.js";

export default defineConfig({
  define,
  build: {
    outDir: "dist/lib",
    emptyOutDir: true,
    target: "es2022",
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: "src/index.ts",
        "choisir-visio": "src/choisir-visio/define.ts",
        "rendre-devoir": "src/rendre-devoir/define.ts",
      },
      formats: ["es"],
    },
    rollupOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^@trousse\//, /^tus-js-client(\/|$)/],
      output: { preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
    },
  },
});
