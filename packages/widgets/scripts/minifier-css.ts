import MagicString from "magic-string";
import type { Plugin } from "vite";

/**
 * Minifies a CSS text: comments and indentation removed, no space around `{ } ; , >` nor after `:`
 * (never before it: `a :hover` and `a:hover` differ), no `;` before `}`.
 *
 * @example
 * ```ts
 * minifierCss(":host {\n  color: red;\n}"); // ":host{color:red}"
 * ```
 */
export function minifierCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}

/**
 * Vite plugin: minifies the static `css` tagged templates of our own style modules (`theme.ts`,
 * `*.styles.ts`), which hold no `${}` interpolation.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [minifierCssLit()] });
 * ```
 */
export function minifierCssLit(): Plugin {
  return {
    name: "trousse-minifier-css-lit",
    enforce: "pre",
    transform(code, id) {
      if (!/\/src\/.*(?:\.styles|\/theme)\.ts$/.test(id.replaceAll("\\", "/"))) return undefined;
      // Each template is overwritten in place, so the sourcemap stays exact (Vite warned without one).
      const ms = new MagicString(code);
      for (const m of code.matchAll(/css`([^`$]*)`/g))
        ms.overwrite(m.index, m.index + m[0].length, `css\`${minifierCss(m[1] ?? "")}\``);
      return { code: ms.toString(), map: ms.generateMap({ hires: true, source: id, includeContent: true }) };
    },
  };
}
