// Le contrat du choix d'un outil de visioconférence (fixé : l'API et le widget le consomment).
import type { Niveau, SourceRef } from "@trousse/catalogue";

export type { Niveau };

/**
 * Nombre maximal de participants accepté (organisateur compris). Les documents ne donnent de capacité que
 * pour RENAVISIO (10 personnes) et Web-Conférence ODE (50 participants) ; au-delà de 500 personnes, Trousse
 * refuse le besoin (code `participants-trop-nombreux`) plutôt que de recommander un outil dont aucun
 * document ne dit qu'il accueille un tel public.
 */
export const PARTICIPANTS_MAX = 500;

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
  /** Entier de 2 à `PARTICIPANTS_MAX` (500), organisateur compris. */
  participants: number;
  objet: ObjetVisio;
  niveau: Niveau;
  ent: EntEcole;
  /**
   * Les élèves doivent être identifiés (pas de « chahut numérique »). Sans effet quand aucun élève ne
   * participe (`avec` sans `eleves`) : la question ne se pose pas.
   */
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
  /** Ce qu'il faut faire ensuite : le mode d'accès en mots simples, l'adresse quand un document la donne. */
  prochaineEtape: ProchaineEtape;
  /** Ce que Trousse déduit pour cet outil sans que les documents le disent (raisonnements, jamais cités). */
  deductions?: string[];
}

/** La prochaine étape d'un outil recommandé, tirée des documents. */
export interface ProchaineEtape {
  /** Une ou deux phrases en français simple. */
  texte: string;
  /** L'adresse de l'outil, seulement quand un document la donne. */
  url?: string;
  /** La section d'où vient le mode d'accès (ou l'adresse). */
  source?: SourceRef;
}

/**
 * Codes stables des règles d'exclusion (`pas-audio-seulement` et `hors-categorie` sont réservés).
 * `aucune-raison-documentee` s'applique en dernier : un outil qu'aucun fait des documents ne justifie
 * pour ce besoin n'est jamais recommandé.
 */
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
  "aucune-raison-documentee",
] as const;
export type CodeRegleExclusion = (typeof CODES_REGLE_EXCLUSION)[number];

export interface Exclusion {
  outilId: string;
  nom: string;
  regle: CodeRegleExclusion;
  /** Phrase en français qui cite le fait et sa source. */
  raison: string;
  source?: SourceRef;
  /** Quand la règle s'appuie aussi sur une déduction de Trousse : son raisonnement (jamais une citation). */
  deduction?: string;
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
