// Is dist/cdn newer than everything it is built from? Lets the browser tests' global setup skip the
// rebuild when `turbo` has just built the package (a rebuild empties dist/cdn, and other tasks — the
// API's tests, its demo server — read it at the same time).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Paths, relative to the package, whose content goes into the CDN bundles. */
const ENTREES = [
  "src",
  "scripts",
  "package.json",
  "vite.shared.ts",
  "vite.cdn.config.ts",
  "vite.rendre-devoir.config.ts",
  "vite.chargeur.config.ts",
  "../catalogue/dist",
  "../rules/dist",
];

function plusRecent(chemin: string): number {
  if (!existsSync(chemin)) return 0;
  const info = statSync(chemin);
  if (!info.isDirectory()) return /\.test\.ts$/.test(chemin) ? 0 : info.mtimeMs;
  let max = 0;
  for (const nom of readdirSync(chemin)) max = Math.max(max, plusRecent(join(chemin, nom)));
  return max;
}

/**
 * True when `dist/cdn/manifest.json` (written last by the build) exists and is newer than every source
 * of the bundles; test files are not sources.
 *
 * @example
 * if (!cdnAJour(racineDuPaquet)) construireLesBundles();
 */
export function cdnAJour(racine: string): boolean {
  const manifeste = join(racine, "dist", "cdn", "manifest.json");
  if (!existsSync(manifeste)) return false;
  const construit = statSync(manifeste).mtimeMs;
  return ENTREES.every((entree) => plusRecent(join(racine, entree)) <= construit);
}
