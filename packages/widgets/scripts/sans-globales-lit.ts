import MagicString from "magic-string";
import type { Plugin } from "vite";

/**
 * Vite plugin for the CDN bundles: Lit writes a few globals of its own (`litHtmlVersions`,
 * `litElementVersions`, `reactiveElementVersions`, `litPropertyMetadata`, `Symbol.metadata`). The
 * script-tag bundles promise ONE global (`window.Trousse`), so those writes are rewritten: the version
 * lists are dropped and the property metadata map becomes module-local. Used only where Lit is bundled
 * (never on the npm build, where Lit stays the host's dependency). Fails the build if Lit's code changed
 * shape, so the promise cannot silently break on a Lit upgrade.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [sansGlobalesLit()] });
 * ```
 */
export function sansGlobalesLit(): Plugin {
  /** Overwrites every match of `motif` in the original code (each rewrite keeps an exact sourcemap). */
  const remplacer = (ms: MagicString, motif: RegExp, par: string, fichier: string): void => {
    const occurrences = [
      ...ms.original.matchAll(
        new RegExp(motif.source, motif.flags.includes("g") ? motif.flags : `${motif.flags}g`),
      ),
    ];
    const retenues = motif.flags.includes("g") ? occurrences : occurrences.slice(0, 1);
    if (retenues.length === 0)
      throw new Error(`sans-globales-lit : motif ${motif} introuvable dans ${fichier} (Lit a changé ?)`);
    for (const m of retenues) ms.overwrite(m.index, m.index + m[0].length, par);
  };
  const resultat = (ms: MagicString, id: string) => ({
    code: ms.toString(),
    map: ms.generateMap({ hires: true, source: id, includeContent: true }),
  });
  return {
    name: "trousse-sans-globales-lit",
    enforce: "pre",
    transform(code, id) {
      const fichier = id.replaceAll("\\", "/");
      if (/\/(lit-html|lit-element|@lit\/reactive-element)\/development\//.test(fichier))
        throw new Error(
          `sans-globales-lit : build de développement de Lit (${fichier}) : construisez avec NODE_ENV=production.`,
        );
      const ms = new MagicString(code);
      if (/\/lit-html\/lit-html\.js$/.test(fichier)) {
        remplacer(ms, /\(\s*\w+\.litHtmlVersions\s*\?\?=\s*\[\]\)\.push\([^)]*\)/, "void 0", fichier);
        return resultat(ms, id);
      }
      if (/\/lit-element\/lit-element\.js$/.test(fichier)) {
        remplacer(ms, /\(\s*\w+\.litElementVersions\s*\?\?=\s*\[\]\)\.push\([^)]*\)/, "void 0", fichier);
        return resultat(ms, id);
      }
      if (/\/@lit\/reactive-element\/reactive-element\.js$/.test(fichier)) {
        remplacer(ms, /\(\s*\w+\.reactiveElementVersions\s*\?\?=\s*\[\]\)\.push\([^)]*\)/, "void 0", fichier);
        remplacer(ms, /Symbol\.metadata\s*\?\?=\s*Symbol\("metadata"\)\s*,/, "", fichier);
        remplacer(ms, /\w+\.litPropertyMetadata\s*\?\?=\s*new WeakMap\s*;/, ";", fichier);
        remplacer(ms, /\blitPropertyMetadata\.get\(/g, "__trousseLitMetadata.get(", fichier);
        ms.prepend("const __trousseLitMetadata=new WeakMap;export{__trousseLitMetadata};");
        return resultat(ms, id);
      }
      if (/\/@lit\/reactive-element\/decorators\/property\.js$/.test(fichier)) {
        remplacer(ms, /globalThis\.litPropertyMetadata/g, "__trousseLitMetadata", fichier);
        ms.prepend('import{__trousseLitMetadata}from"../reactive-element.js";');
        return resultat(ms, id);
      }
      return undefined;
    },
  };
}
