// Le contrat du choix d'un outil de visioconférence (fixé : l'API et le widget le consomment).
import type { Niveau, SourceRef } from "@trousse/catalogue";

export type { Niveau };

/** Qui organise la visioconférence. */
export const ORGANISATEURS = [
  "enseignant",
  "personnel-direction",
  "personnel-administratif",
  "inspection-formation",
] as const;
export type Organisateur = (typeof ORGANISATEURS)[number];

/** Avec qui. */
export const INTERLOCUTEURS = ["eleves", "familles", "personnels-internes", "partenaires-externes"] as const;
export type Interlocuteur = (typeof INTERLOCUTEURS)[number];

/** Pour quoi faire. `audioconference` : l'audio suffit ; tous les autres objets demandent la vidéo. */
export const OBJETS_VISIO = [
  "cours",
  "reunion",
  "conseil-de-classe",
  "formation",
  "audioconference",
] as const;
export type ObjetVisio = (typeof OBJETS_VISIO)[number];

/** L'ENT de l'école ou de l'établissement. */
export const ENTS_ECOLE = ["ode", "sn62", "autre", "aucun"] as const;
export type EntEcole = (typeof ENTS_ECOLE)[number];

/** Le besoin exprimé par l'organisateur. */
export interface BesoinVisio {
  organisateur: Organisateur;
  /** Au moins un interlocuteur. */
  avec: Interlocuteur[];
  /** Entier >= 2, organisateur compris. */
  participants: number;
  objet: ObjetVisio;
  niveau: Niveau;
  ent: EntEcole;
  /** Les élèves doivent être identifiés (pas de « chahut numérique »). */
  elevesIdentifies: boolean;
  /** Il est possible de réserver à l'avance. */
  reservationPossible: boolean;
  /** Une autre web-conférence de l'ENT est déjà en cours dans l'école ou l'établissement. */
  webConferenceEntEnCours: boolean;
}

/** Une raison de recommander : une phrase qui cite un fait du catalogue, avec sa source. */
export interface Raison {
  code: string;
  texte: string;
  source: SourceRef;
}

export interface Recommandation {
  /** 1 = le meilleur choix. */
  rang: number;
  outilId: string;
  nom: string;
  url?: string;
  score: number;
  raisons: Raison[];
  /** Les limites de l'outil (texte exact des documents). */
  limites: string[];
  /** Le mode d'accès (texte exact des documents). */
  acces: string;
  /** Qui a réalisé les démarches RGPD, en une phrase. */
  rgpd: string;
}

/** Codes stables des règles d'exclusion (`pas-audio-seulement` et `hors-categorie` sont réservés). */
export const CODES_REGLE_EXCLUSION = [
  "participants-max-depasse",
  "reservation-requise",
  "session-simultanee-occupee",
  "audio-seulement",
  "pas-audio-seulement",
  "eleves-non-identifies",
  "ent-requis",
  "niveau-non-couvert",
  "public-non-couvert",
  "usage-interne-personnels",
  "entreprise-internationale",
  "hors-categorie",
] as const;
export type CodeRegleExclusion = (typeof CODES_REGLE_EXCLUSION)[number];

export interface Exclusion {
  outilId: string;
  nom: string;
  regle: CodeRegleExclusion;
  /** Phrase en français qui cite le fait et sa source. */
  raison: string;
  source?: SourceRef;
}

export interface ResultatVisio {
  besoin: BesoinVisio;
  /** Classées, rang 1 = le meilleur ; égalités départagées par id. */
  recommandations: Recommandation[];
  /** Chaque outil de visio/audio du catalogue non recommandé, avec sa règle. */
  exclusions: Exclusion[];
}

/** Une erreur de validation du besoin : champ, code stable, message en français. */
export interface ErreurBesoinVisio {
  champ: string;
  code: string;
  message: string;
}

export type ResultatValidationBesoin =
  { ok: true; besoin: BesoinVisio } | { ok: false; erreurs: ErreurBesoinVisio[] };
