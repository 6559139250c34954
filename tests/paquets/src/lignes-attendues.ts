import { readFileSync } from "node:fs";

/**
 * Les numéros (à partir de 1) des lignes qui suivent un commentaire numéroté `// 1. …` dans un fichier de
 * mauvais usages : ce sont les lignes où tsc doit signaler une erreur.
 *
 * @example
 * lignesAttendues("fixtures/types/rules.faux.ts"); // [8, 10, 12, 14]
 */
export function lignesAttendues(fichier: string): number[] {
  const lignes = readFileSync(fichier, "utf8").split("\n");
  return lignes.flatMap((l, i) => (/^\/\/ \d+\./.test(l) ? [i + 2] : []));
}

/**
 * Les numéros des lignes d'un fichier où tsc signale une erreur, lus dans sa sortie (`fichier.ts(5,7): error TS…`).
 *
 * @example
 * lignesEnErreur("rules.faux.ts(5,7): error TS2322: …", "rules.faux.ts"); // [5]
 */
export function lignesEnErreur(sortieTsc: string, nomFichier: string): number[] {
  const motif = new RegExp(
    `${nomFichier.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\((\\d+),\\d+\\): error TS\\d+`,
    "g",
  );
  return [...new Set([...sortieTsc.matchAll(motif)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}
