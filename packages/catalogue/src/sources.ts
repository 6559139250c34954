import type { DocumentSource, SourceRef } from "./schema.js";

const D000 = "000_f6abf3186c543793.txt";
const D001 = "001_bc1e88d46a71f26c.txt";

const PILOTAGE = "Outils au service du pilotage, de l'accompagnement et de la formation des équipes";
const ENSEIGNEMENT = "Outils au service de l'enseignement";
const ADMINISTRATIVE = "Des solutions pour la continuité administrative";

/** Titre exact du document 000. */
export const TITRE_000 = "Les outils numériques au service du travail à distance";
/** Titre exact du document 001. */
export const TITRE_001 = "Utilisation des outils numériques pendant la période de confinement";

/** Les deux documents du ministère dont viennent tous les faits (titres exacts). */
export const documents: DocumentSource[] = [
  { fichier: D000, titre: TITRE_000 },
  { fichier: D001, titre: TITRE_001 },
];

/**
 * Les sections citées (titre de tableau ou intertitre, « › » sépare les niveaux de titre ; le titre du
 * document pour sa présentation, avant le premier intertitre).
 * Les faits du catalogue y renvoient par `id`.
 */
export const sources: SourceRef[] = [
  { id: "000-presentation", document: D000, section: TITRE_000 },
  { id: "000-pilotage-visio", document: D000, section: `${PILOTAGE} › Outils de visioconférence` },
  { id: "000-pilotage-communication", document: D000, section: `${PILOTAGE} › Outils de communication` },
  { id: "000-enseignement-visio", document: D000, section: `${ENSEIGNEMENT} › Outils de visioconférence` },
  {
    id: "000-enseignement-communication",
    document: D000,
    section: `${ENSEIGNEMENT} › Outils de communication avec les élèves et les familles`,
  },
  {
    id: "000-travaux",
    document: D000,
    section: "Outils permettant l'envoi et le retour des travaux des élèves",
  },
  { id: "001-presentation", document: D001, section: TITRE_001 },
  {
    id: "001-continuite-pedagogique",
    document: D001,
    section: "Des outils pour assurer la continuité pédagogique",
  },
  {
    id: "001-continuite-administrative",
    document: D001,
    section: `${ADMINISTRATIVE} › Plusieurs outils pour se réunir et collaborer`,
  },
  { id: "001-continuite-administrative-acces", document: D001, section: ADMINISTRATIVE },
  {
    id: "001-vigilance",
    document: D001,
    section: "Renforcer la vigilance dans l'utilisation des outils numériques",
  },
];

/**
 * Retrouve une section citée par son identifiant.
 *
 * @example
 * getSource("000-enseignement-visio")?.section; // "Outils au service de l'enseignement › Outils de visioconférence"
 */
export function getSource(id: string): SourceRef | undefined {
  return sources.find((s) => s.id === id);
}
