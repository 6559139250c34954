/** Une ligne du manifeste d'une archive de rendus. */
export interface LigneManifeste {
  eleve: string;
  classe: string;
  statut: string;
  renduLe: string;
  version: number | "";
  fichier: string;
  chemin: string;
  taille: number | "";
  sha256: string;
}

const COLONNES: (keyof LigneManifeste)[] = [
  "eleve",
  "classe",
  "statut",
  "renduLe",
  "version",
  "fichier",
  "chemin",
  "taille",
  "sha256",
];
const ENTETES = [
  "élève",
  "classe",
  "statut",
  "rendu le",
  "version",
  "fichier",
  "chemin dans l'archive",
  "taille (octets)",
  "sha256",
];

/**
 * Échappe une valeur CSV (RFC 4180) et neutralise les formules (valeur commençant par = + - @ ou tabulation),
 * pour qu'un tableur n'exécute rien d'un nom de fichier choisi par un élève.
 *
 * @example
 * celluleCsv('=SOMME(A1)'); // → "'=SOMME(A1)"
 * celluleCsv('a;b'); // → '"a;b"'
 */
export function celluleCsv(valeur: string | number): string {
  let texte = String(valeur);
  if (/^[=+\-@\t\r]/.test(texte)) texte = `'${texte}`;
  return /[";,\r\n]/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
}

/**
 * Construit le manifeste CSV (UTF-8 avec BOM pour les tableurs, séparateur `;`, fins de ligne CRLF)
 * d'une archive de rendus : une ligne par fichier, avec son sha256.
 *
 * @example
 * manifesteCsv([{ eleve: "Léa Dupont", classe: "3A", statut: "rendu", renduLe: "…", version: 1,
 *   fichier: "devoir.pdf", chemin: "Léa Dupont/devoir.pdf", taille: 1234, sha256: "ab…" }]);
 */
export function manifesteCsv(lignes: LigneManifeste[]): string {
  const texte = [
    ENTETES.map(celluleCsv).join(";"),
    ...lignes.map((l) => COLONNES.map((c) => celluleCsv(l[c])).join(";")),
  ];
  return `\uFEFF${texte.join("\r\n")}\r\n`;
}
