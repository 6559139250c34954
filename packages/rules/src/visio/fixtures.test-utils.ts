// Besoins de référence des tests du choix de visioconférence.
import type { BesoinVisio } from "./types.js";

/** Un cours en visioconférence avec une classe de 2D identifiée, dans une école ODE. */
export const coursIdentifie2D: BesoinVisio = {
  organisateur: "enseignant",
  avec: ["eleves"],
  participants: 25,
  objet: "cours",
  niveau: "2D",
  ent: "ode",
  elevesIdentifies: true,
  reservationPossible: true,
  webConferenceEntEnCours: false,
};

/** Une réunion interne de 6 personnels, réservation possible. */
export const reunionInterne: BesoinVisio = {
  organisateur: "personnel-administratif",
  avec: ["personnels-internes"],
  participants: 6,
  objet: "reunion",
  niveau: "2D",
  ent: "ode",
  elevesIdentifies: false,
  reservationPossible: true,
  webConferenceEntEnCours: false,
};
