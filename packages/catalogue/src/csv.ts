import type { Outil } from "./schema.js";
import { CRITERES } from "./vocabulaire.js";

export interface OptionsCsv {
  /** Séparateur de colonnes ; `;` par défaut (celui qu'attend Excel en français). */
  separateur?: ";" | ",";
  /** Ajoute l'indicateur d'ordre des octets UTF-8 (BOM) en tête ; `true` par défaut, pour Excel. */
  bom?: boolean;
}

/** Séparateur des valeurs multiples à l'intérieur d'une cellule. */
export const SEPARATEUR_VALEURS = " | ";

/** Les colonnes du CSV, dans l'ordre, avec la façon d'extraire chaque cellule. */
const COLONNES: [string, (o: Outil) => string | number | boolean | undefined | string[]][] = [
  ["id", (o) => o.id],
  ["nom", (o) => o.nom],
  ["autres_noms", (o) => o.autresNoms],
  ["origine", (o) => o.origine],
  ["categories", (o) => o.categories],
  ["publics", (o) => o.publics],
  ["niveaux", (o) => o.niveaux],
  ["url", (o) => o.url],
  ["modes_acces", (o) => [...new Set(o.fiches.flatMap((f) => f.acces?.modes ?? []))]],
  ["acces", (o) => uniques(o.fiches.map((f) => f.acces?.texte))],
  ["avantages", (o) => uniques(o.fiches.flatMap((f) => f.avantages))],
  ["limites", (o) => uniques(o.fiches.flatMap((f) => f.limites))],
  ["rgpd", (o) => uniques(o.fiches.map((f) => f.rgpd?.texte))],
  ["participants_max", (o) => o.contraintes.participantsMax?.valeur],
  [
    "sessions_simultanees_par_etablissement",
    (o) => o.contraintes.sessionsSimultaneesParEtablissement?.valeur,
  ],
  ["reservation_obligatoire", (o) => Boolean(o.contraintes.reservationObligatoire)],
  ["eleves_identifies", (o) => o.contraintes.elevesIdentifies?.niveaux],
  ["audio_seulement", (o) => Boolean(o.contraintes.audioSeulement)],
  ["ent_requis", (o) => o.contraintes.entRequis?.ents],
  ["notes", (o) => o.notes.map((n) => n.texte)],
  ["usages", (o) => o.usages.map((u) => u.texte)],
  ...CRITERES.map(
    (c) =>
      [`doctrine_${c.replace(/-/g, "_")}`, (o: Outil) => o.doctrine[c].statut] as [
        string,
        (o: Outil) => string,
      ],
  ),
  ["provenance", (o) => o.provenance.nature],
  ["sources", (o) => uniques(sourcesDe(o))],
];

function uniques(valeurs: (string | undefined)[]): string[] {
  return [...new Set(valeurs.filter((v): v is string => Boolean(v)))];
}

function sourcesDe(o: Outil): string[] {
  return [
    ...o.fiches.map((f) => f.source),
    ...Object.values(o.contraintes).map((c) => c?.source),
    ...o.notes.map((n) => n.source),
    ...o.usages.map((u) => u.source),
    ...o.provenance.sources,
  ].filter((s): s is string => Boolean(s));
}

function cellule(valeur: string | number | boolean | undefined | string[], separateur: string): string {
  const texte =
    valeur === undefined
      ? ""
      : typeof valeur === "boolean"
        ? valeur
          ? "oui"
          : "non"
        : Array.isArray(valeur)
          ? valeur.join(SEPARATEUR_VALEURS)
          : String(valeur);
  return /["\r\n]/.test(texte) || texte.includes(separateur) ? `"${texte.replace(/"/g, '""')}"` : texte;
}

/** Les noms de colonnes du CSV, dans l'ordre. */
export const COLONNES_CSV: readonly string[] = COLONNES.map(([nom]) => nom);

/**
 * Convertit des outils en CSV (RFC 4180) : une ligne par outil, colonnes aplaties, valeurs multiples
 * séparées par « | » dans la cellule, fins de ligne CRLF. Par défaut : séparateur `;` et BOM UTF-8
 * (Excel en français ouvre le fichier directement, accents compris).
 *
 * @example
 * const csv = outilsEnCsv(filtrerOutils(outils, { categorie: "visioconference" }));
 * csv.split("\r\n")[0]; // "\uFEFFid;nom;autres_noms;…"
 */
export function outilsEnCsv(liste: readonly Outil[], options: OptionsCsv = {}): string {
  const sep = options.separateur ?? ";";
  const lignes = [
    COLONNES_CSV.join(sep),
    ...liste.map((o) => COLONNES.map(([, f]) => cellule(f(o), sep)).join(sep)),
  ];
  return (options.bom === false ? "" : "\uFEFF") + lignes.join("\r\n") + "\r\n";
}
