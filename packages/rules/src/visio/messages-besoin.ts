import { ENTS_ECOLE, INTERLOCUTEURS, OBJETS_VISIO, ORGANISATEURS, PARTICIPANTS_MAX } from "./types.js";

const liste = (valeurs: readonly string[]) => valeurs.map((v) => `« ${v} »`).join(", ");

/** Champ → code stable et message français, partagés par `validerBesoinVisio` et `besoinVisioSchema`. */
export const ERREURS_BESOIN = {
  organisateur: {
    code: "organisateur-invalide",
    message: `L'organisateur doit être l'une des valeurs ${liste(ORGANISATEURS)}.`,
  },
  avec: {
    code: "avec-invalide",
    message: `« avec » doit être une liste non vide de valeurs parmi ${liste(INTERLOCUTEURS)}.`,
  },
  participants: {
    code: "participants-invalide",
    message:
      "Le nombre de participants doit être un nombre entier supérieur ou égal à 2 (organisateur compris).",
  },
  objet: { code: "objet-invalide", message: `L'objet doit être l'une des valeurs ${liste(OBJETS_VISIO)}.` },
  niveau: { code: "niveau-invalide", message: "Le niveau doit être « 1D » ou « 2D »." },
  ent: { code: "ent-invalide", message: `L'ENT doit être l'une des valeurs ${liste(ENTS_ECOLE)}.` },
  elevesIdentifies: {
    code: "eleves-identifies-invalide",
    message: "« elevesIdentifies » doit valoir true ou false.",
  },
  reservationPossible: {
    code: "reservation-possible-invalide",
    message: "« reservationPossible » doit valoir true ou false.",
  },
  webConferenceEntEnCours: {
    code: "web-conference-ent-en-cours-invalide",
    message: "« webConferenceEntEnCours » doit valoir true ou false.",
  },
} as const;

/** Erreur quand le nombre de participants est un entier valide mais dépasse `PARTICIPANTS_MAX`. */
export const ERREUR_PARTICIPANTS_TROP_NOMBREUX = {
  code: "participants-trop-nombreux",
  message: `Le nombre de participants ne peut pas dépasser ${PARTICIPANTS_MAX} (organisateur compris) : les documents du ministère ne donnent la capacité que de deux outils (10 et 50 personnes), et Trousse ne recommande aucun outil au-delà de ${PARTICIPANTS_MAX} personnes.`,
} as const;

/** Erreur quand l'entrée n'est même pas un objet. */
export const ERREUR_BESOIN_NON_OBJET = {
  champ: "",
  code: "besoin-invalide",
  message: "Le besoin doit être un objet (organisateur, avec, participants, objet, niveau, ent…).",
} as const;
