import type { BesoinVisio } from "@trousse/rules";
import { BESOINS, type Preselection } from "./preselection.js";

/** The steps of the form, in order. `besoins` groups the three yes/no needs. */
export const ETAPES = ["organisateur", "avec", "participants", "objet", "niveau", "ent", "besoins"] as const;
export type Etape = (typeof ETAPES)[number];

/** Why a step cannot be left yet (stable codes; the UI shows the matching message). */
export type ErreurEtape = "choix-requis" | "choix-multiple-requis" | "participants-invalide";

/** The answers being filled in: the participants stay the raw text typed until they are valid. */
export interface Reponses extends Omit<Preselection, "participants"> {
  participants?: string;
}

/**
 * The steps still to ask, given the preset answers (a preset step is skipped).
 *
 * @example
 * ```ts
 * etapesAPoser({ ent: "ode", niveau: "2D", organisateur: "enseignant" });
 * // ["avec", "participants", "objet", "besoins"]
 * ```
 */
export function etapesAPoser(preselection: Preselection): Etape[] {
  return ETAPES.filter((etape) => {
    if (etape === "besoins") return BESOINS.some((b) => preselection[b] === undefined);
    return preselection[etape] === undefined;
  });
}

/**
 * Reads a typed participant count: a whole number ≥ 2, else `undefined`.
 *
 * @example
 * ```ts
 * lireParticipants("12"); // 12
 * lireParticipants("1,5"); // undefined
 * ```
 */
export function lireParticipants(texte: string | undefined): number | undefined {
  if (texte === undefined || !/^\s*\d+\s*$/.test(texte)) return undefined;
  const n = Number(texte);
  return Number.isSafeInteger(n) && n >= 2 ? n : undefined;
}

/**
 * Checks one step's answer; `null` when the user may go on.
 *
 * @example
 * ```ts
 * erreurEtape("avec", { avec: [] });              // "choix-multiple-requis"
 * erreurEtape("participants", { participants: "12" }); // null
 * ```
 */
export function erreurEtape(etape: Etape, reponses: Reponses): ErreurEtape | null {
  switch (etape) {
    case "avec":
      return reponses.avec && reponses.avec.length > 0 ? null : "choix-multiple-requis";
    case "participants":
      return lireParticipants(reponses.participants) === undefined ? "participants-invalide" : null;
    case "besoins":
      return null;
    default:
      return reponses[etape] === undefined ? "choix-requis" : null;
  }
}

/**
 * Builds the complete need from the preset answers and the form's answers (preset ones win, unticked
 * needs are `false`). Returns `undefined` while an answer is missing or invalid.
 *
 * @example
 * ```ts
 * construireBesoin({ ent: "ode", niveau: "2D" }, {
 *   organisateur: "enseignant", avec: ["eleves"], participants: "25", objet: "cours", elevesIdentifies: true,
 * });
 * // { organisateur: "enseignant", avec: ["eleves"], participants: 25, objet: "cours", niveau: "2D", ent: "ode",
 * //   elevesIdentifies: true, reservationPossible: false, webConferenceEntEnCours: false }
 * ```
 */
export function construireBesoin(preselection: Preselection, reponses: Reponses): BesoinVisio | undefined {
  const participants = preselection.participants ?? lireParticipants(reponses.participants);
  const organisateur = preselection.organisateur ?? reponses.organisateur;
  const avec = preselection.avec ?? reponses.avec;
  const objet = preselection.objet ?? reponses.objet;
  const niveau = preselection.niveau ?? reponses.niveau;
  const ent = preselection.ent ?? reponses.ent;
  if (!organisateur || !avec || avec.length === 0 || participants === undefined || !objet || !niveau || !ent)
    return undefined;
  return {
    organisateur,
    avec: [...avec],
    participants,
    objet,
    niveau,
    ent,
    elevesIdentifies: preselection.elevesIdentifies ?? reponses.elevesIdentifies ?? false,
    reservationPossible: preselection.reservationPossible ?? reponses.reservationPossible ?? false,
    webConferenceEntEnCours:
      preselection.webConferenceEntEnCours ?? reponses.webConferenceEntEnCours ?? false,
  };
}
