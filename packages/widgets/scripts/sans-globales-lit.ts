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
  const remplacer = (code: string, motif: RegExp, par: string, fichier: string): string => {
    if (!motif.test(code))
      throw new Error(`sans-globales-lit : motif ${motif} introuvable dans ${fichier} (Lit a changé ?)`);
    return code.replace(motif, par);
  };
  return {
    name: "trousse-sans-globales-lit",
    enforce: "pre",
    transform(code, id) {
      const fichier = id.replaceAll("\\", "/");
      if (/\/(lit-html|lit-element|@lit\/reactive-element)\/development\//.test(fichier))
        throw new Error(
          `sans-globales-lit : build de développement de Lit (${fichier}) : construisez avec NODE_ENV=production.`,
        );
      if (/\/lit-html\/lit-html\.js$/.test(fichier))
        return remplacer(
          code,
          /\(\s*\w+\.litHtmlVersions\s*\?\?=\s*\[\]\)\.push\([^)]*\)/,
          "void 0",
          fichier,
        );
      if (/\/lit-element\/lit-element\.js$/.test(fichier))
        return remplacer(
          code,
          /\(\s*\w+\.litElementVersions\s*\?\?=\s*\[\]\)\.push\([^)]*\)/,
          "void 0",
          fichier,
        );
      if (/\/@lit\/reactive-element\/reactive-element\.js$/.test(fichier)) {
        let resultat = remplacer(
          code,
          /\(\s*\w+\.reactiveElementVersions\s*\?\?=\s*\[\]\)\.push\([^)]*\)/,
          "void 0",
          fichier,
        );
        resultat = remplacer(resultat, /Symbol\.metadata\s*\?\?=\s*Symbol\("metadata"\)\s*,/, "", fichier);
        resultat = remplacer(resultat, /\w+\.litPropertyMetadata\s*\?\?=\s*new WeakMap\s*;/, ";", fichier);
        resultat = remplacer(resultat, /\blitPropertyMetadata\.get\(/g, "__trousseLitMetadata.get(", fichier);
        return `const __trousseLitMetadata=new WeakMap;export{__trousseLitMetadata};${resultat}`;
      }
      if (/\/@lit\/reactive-element\/decorators\/property\.js$/.test(fichier)) {
        const resultat = remplacer(code, /globalThis\.litPropertyMetadata/g, "__trousseLitMetadata", fichier);
        return `import{__trousseLitMetadata}from"../reactive-element.js";${resultat}`;
      }
      return undefined;
    },
  };
}
