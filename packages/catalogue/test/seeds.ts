// Aide de test (jamais publiée) : lit les documents sources copiés dans le paquet (sources/).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Dossier des documents sources, dans le dépôt : <paquet>/sources/. */
export const DOSSIER_SEEDS = fileURLToPath(new URL("../sources/", import.meta.url));

/** Les notes d'équipe, quand elles sont à côté du dépôt (CI) : <dépôt>/../shared/seeds/. */
export const DOSSIER_SEEDS_EQUIPE = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));

/**
 * Lit un document source ; échoue clairement si le fichier manque.
 *
 * @example
 * lireSeed("000_f6abf3186c543793.txt").includes("RENAVISIO"); // true
 */
export function lireSeed(fichier: string): string {
  const chemin = DOSSIER_SEEDS + fichier;
  if (!existsSync(chemin)) throw new Error(`Document source introuvable : ${chemin}`);
  return readFileSync(chemin, "utf8");
}
