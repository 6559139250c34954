import { type Langue } from "../dates/langue.js";
import { type StatutRendu } from "./statut-rendu.js";
import { type StatutSuivi } from "./statut-suivi.js";

/** Un libellé en français et en anglais. */
export interface Libelle {
  fr: string;
  en: string;
}

/** Les libellés des statuts élève. */
export const LIBELLES_STATUT_RENDU: Readonly<Record<StatutRendu, Libelle>> = {
  "a-venir": { fr: "À venir", en: "Upcoming" },
  "a-rendre": { fr: "À rendre", en: "To hand in" },
  rendu: { fr: "Rendu", en: "Handed in" },
  "rendu-en-retard": { fr: "Rendu en retard", en: "Handed in late" },
  ferme: { fr: "Fermé", en: "Closed" },
  "corrige-disponible": { fr: "Corrigé disponible", en: "Answer key available" },
};

/** Les libellés des statuts de suivi (enseignant). */
export const LIBELLES_STATUT_SUIVI: Readonly<Record<StatutSuivi, Libelle>> = {
  "non-ouvert": { fr: "Non ouvert", en: "Not opened" },
  vu: { fr: "Vu", en: "Seen" },
  rendu: { fr: "Rendu", en: "Handed in" },
  "rendu-en-retard": { fr: "Rendu en retard", en: "Handed in late" },
  "non-rendu": { fr: "Non rendu", en: "Not handed in" },
};

/**
 * Le libellé d'un statut élève.
 *
 * @example
 * libelleStatutRendu("rendu-en-retard");       // "Rendu en retard"
 * libelleStatutRendu("rendu-en-retard", "en"); // "Handed in late"
 */
export function libelleStatutRendu(statut: StatutRendu, langue: Langue = "fr"): string {
  return LIBELLES_STATUT_RENDU[statut][langue];
}

/**
 * Le libellé d'un statut de suivi.
 *
 * @example
 * libelleStatutSuivi("non-rendu");    // "Non rendu"
 * libelleStatutSuivi("vu", "en");     // "Seen"
 */
export function libelleStatutSuivi(statut: StatutSuivi, langue: Langue = "fr"): string {
  return LIBELLES_STATUT_SUIVI[statut][langue];
}
