import { readFileSync } from "node:fs";
import type { Rollup } from "vite";

/** The package version, injected into the bundles as `__TROUSSE_VERSION__`. */
export const version: string = (
  JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Build-time constants shared by every Vite/Vitest config of the package. */
export const define = { __TROUSSE_VERSION__: JSON.stringify(version) };

/**
 * Rollup's `onwarn` for the bundles that include zod: zod's own source comments *talk about*
 * `@__PURE__` (in prose, explaining its tree-shaking), and Rollup reads the word as a misplaced
 * annotation (`INVALID_ANNOTATION`), then drops the comment — nothing to fix on our side, and nothing
 * lost: the comment is not an annotation. Only that warning, only from zod, is silenced; every other one
 * still reaches the build output.
 *
 * @example
 * export default defineConfig({ build: { rollupOptions: { onwarn: sansAvertissementAnnotationZod } } });
 */
export const sansAvertissementAnnotationZod: Rollup.WarningHandlerWithDefault = (avertissement, suivant) => {
  if (avertissement.code === "INVALID_ANNOTATION" && /[\\/]zod[\\/]/.test(avertissement.id ?? "")) return;
  suivant(avertissement);
};
