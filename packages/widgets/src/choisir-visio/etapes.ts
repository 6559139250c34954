import { PARTICIPANTS_MAX, type BesoinVisio } from "@trousse/rules";
import { BESOINS, type CleBesoin, type Preselection } from "./preselection.js";

/**
 * The steps of the form, in order. `besoins` groups the yes/no needs: pupil identification (asked only
 * when pupils take part), the reservation (a real yes/no, required) and a web conference already running.
 */
export const ETAPES = ["organisateur", "avec", "participants", "objet", "niveau", "ent", "besoins"] as const;
export type Etape = (typeof ETAPES)[number];

/** Why a step cannot be left yet (stable codes; the UI shows the matching message). */
export type ErreurEtape =
  "choix-requis" | "choix-multiple-requis" | "participants-invalide" | "participants-trop-nombreux";

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
 * The needs the `besoins` step asks, given the answers so far: pupil identification only when pupils
 * take part; a preset need is not asked again.
 *
 * @example
 * ```ts
 * besoinsAPoser({}, { avec: ["personnels-internes"] }); // ["reservationPossible", "webConferenceEntEnCours"]
 * ```
 */
export function besoinsAPoser(preselection: Preselection, reponses: Reponses): CleBesoin[] {
  const avec = preselection.avec ?? reponses.avec ?? [];
  return BESOINS.filter(
    (b) => preselection[b] === undefined && (b !== "elevesIdentifies" || avec.includes("eleves")),
  );
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
 * erreurEtape("besoins", {});                          // "choix-requis" (réservation : oui ou non ?)
 * ```
 */
export function erreurEtape(
  etape: Etape,
  reponses: Reponses,
  preselection: Preselection = {},
): ErreurEtape | null {
  switch (etape) {
    case "avec":
      return reponses.avec && reponses.avec.length > 0 ? null : "choix-multiple-requis";
    case "participants": {
      const n = lireParticipants(reponses.participants);
      return n === undefined
        ? "participants-invalide"
        : n > PARTICIPANTS_MAX
          ? "participants-trop-nombreux"
          : null;
    }
    case "besoins":
      // The reservation is a real yes/no: it must be answered (the other needs are ticked or not).
      return preselection.reservationPossible === undefined && reponses.reservationPossible === undefined
        ? "choix-requis"
        : null;
    default:
      return reponses[etape] === undefined ? "choix-requis" : null;
  }
}

/**
 * Builds the complete need from the preset answers and the form's answers (preset ones win, unticked
 * needs are `false`, pupil identification is `false` without pupils). Returns `undefined` while an answer
 * is missing or invalid — the reservation included: it is never taken as « no » by default.
 *
 * @example
 * ```ts
 * construireBesoin({ ent: "ode", niveau: "2D" }, {
 *   organisateur: "enseignant", avec: ["eleves"], participants: "25", objet: "cours", elevesIdentifies: true,
 *   reservationPossible: false,
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
  const reservationPossible = preselection.reservationPossible ?? reponses.reservationPossible;
  if (
    !organisateur ||
    !avec ||
    avec.length === 0 ||
    participants === undefined ||
    participants > PARTICIPANTS_MAX ||
    !objet ||
    !niveau ||
    !ent ||
    reservationPossible === undefined
  )
    return undefined;
  return {
    organisateur,
    avec: [...avec],
    participants,
    objet,
    niveau,
    ent,
    elevesIdentifies:
      avec.includes("eleves") && (preselection.elevesIdentifies ?? reponses.elevesIdentifies ?? false),
    reservationPossible,
    webConferenceEntEnCours:
      preselection.webConferenceEntEnCours ?? reponses.webConferenceEntEnCours ?? false,
  };
}
