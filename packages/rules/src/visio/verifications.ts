// Ce qu'est un besoin valide, champ par champ, sans les messages (partagé par `validerBesoinVisio`, qui
// explique en français, et par `recommanderVisio`, qui refuse un besoin invalide).
import { NIVEAUX } from "@trousse/catalogue";
import {
  type BesoinVisio,
  ENTS_ECOLE,
  INTERLOCUTEURS,
  OBJETS_VISIO,
  ORGANISATEURS,
  PARTICIPANTS_MAX,
} from "./types.js";

const dans =
  <T extends string>(valeurs: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === "string" && (valeurs as readonly string[]).includes(v);

/** Le test de chaque champ ; `participants` est un entier ≥ 2 (la borne est vérifiée à part). */
export const VERIFICATIONS: { [K in keyof BesoinVisio]: (v: unknown) => boolean } = {
  organisateur: dans(ORGANISATEURS),
  avec: (v) => Array.isArray(v) && v.length > 0 && v.every(dans(INTERLOCUTEURS)),
  participants: (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 2,
  objet: dans(OBJETS_VISIO),
  niveau: dans(NIVEAUX),
  ent: dans(ENTS_ECOLE),
  elevesIdentifies: (v) => typeof v === "boolean",
  reservationPossible: (v) => typeof v === "boolean",
  webConferenceEntEnCours: (v) => typeof v === "boolean",
};

/**
 * Les champs invalides d'un besoin (vide : le besoin est valide), bornes comprises.
 *
 * @example
 * champsInvalides({ ...besoin, participants: 501 }); // ["participants"]
 */
export function champsInvalides(input: unknown): string[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [""];
  const e = input as Record<string, unknown>;
  return Object.entries(VERIFICATIONS)
    .filter(
      ([champ, ok]) => !ok(e[champ]) || (champ === "participants" && (e[champ] as number) > PARTICIPANTS_MAX),
    )
    .map(([champ]) => champ);
}
