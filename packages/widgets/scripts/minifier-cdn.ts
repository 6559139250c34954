import { transformWithEsbuild, type Plugin } from "vite";

/**
 * Vite plugin for the CDN bundles (built in library mode, which adds no preload helper but leaves ES
 * output unminified): minifies each chunk with esbuild, then drops the indentation left inside template
 * literals — after minification the only raw line breaks are in Lit's `html`/`css` templates, where
 * `"\n      "` and `"\n"` render the same (HTML and CSS treat any whitespace run alike; no `<pre>`).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [minifierCdn()] });
 * ```
 */
export function minifierCdn(): Plugin {
  return {
    name: "trousse-minifier-cdn",
    apply: "build",
    enforce: "post",
    renderChunk: {
      order: "post",
      async handler(code, chunk, sortie) {
        const resultat = await transformWithEsbuild(code, chunk.fileName, {
          minify: true,
          ...(sortie.format === "es" ? { format: "esm" as const } : {}),
          target: "es2022",
          legalComments: "none",
          sourcemap: true,
        });
        return { code: resultat.code.replace(/\n[ \t]+/g, "\n").replace(/\n{2,}/g, "\n"), map: resultat.map };
      },
    },
  };
}
