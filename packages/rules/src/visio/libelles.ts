// Libellés français des valeurs du besoin et des règles (formulaires, API, messages).
import type { CodeRaison } from "./raisons.js";
import type { CodeRegleExclusion, EntEcole, Interlocuteur, ObjetVisio, Organisateur } from "./types.js";

export const LIBELLES_ORGANISATEURS: Record<Organisateur, string> = {
  enseignant: "Enseignant",
  "personnel-direction": "Personnel de direction",
  "personnel-administratif": "Personnel administratif",
  "inspection-formation": "Inspection ou formation",
};

export const LIBELLES_INTERLOCUTEURS: Record<Interlocuteur, string> = {
  eleves: "Élèves",
  familles: "Familles",
  "personnels-internes": "Personnels de l'Éducation nationale",
  "partenaires-externes": "Partenaires externes",
};

export const LIBELLES_OBJETS_VISIO: Record<ObjetVisio, string> = {
  cours: "Cours",
  reunion: "Réunion",
  "conseil-de-classe": "Conseil de classe",
  formation: "Formation",
  audioconference: "Audioconférence (l'audio suffit)",
};

export const LIBELLES_ENTS_ECOLE: Record<EntEcole, string> = {
  ode: "ENT ODE",
  sn62: "ENT SN62",
  autre: "Un autre ENT",
  aucun: "Aucun ENT",
};

export const LIBELLES_REGLES_EXCLUSION: Record<CodeRegleExclusion, string> = {
  "participants-max-depasse": "Trop de participants",
  "reservation-requise": "Réservation obligatoire",
  "session-simultanee-occupee": "Session simultanée déjà occupée",
  "audio-seulement": "Audio seulement",
  "pas-audio-seulement": "Pas seulement audio",
  "eleves-non-identifies": "Élèves non identifiés",
  "ent-requis": "ENT requis",
  "niveau-non-couvert": "Niveau non couvert",
  "public-non-couvert": "Public non couvert",
  "usage-interne-personnels": "Réservé à un usage interne entre personnels",
  "entreprise-internationale": "Outil d'une entreprise internationale",
  "hors-categorie": "Hors catégorie",
  "aucune-raison-documentee": "Aucune raison dans les documents",
};

export const LIBELLES_RAISONS: Record<CodeRaison, string> = {
  "conseil-de-classe-direction": "Conseils de classe à distance",
  "solution-a-privilegier": "La solution à privilégier",
  audioconference: "Audioconférence",
  "audio-dedie": "Service dédié à l'audio",
  "eleves-identifies": "Élèves identifiés",
  "reunions-en-ligne-agents": "Réunions en ligne des agents",
  "usage-interne-personnels": "Usage interne entre personnels",
  "public-vise": "Public visé par les documents",
  "acces-ent": "Accès par l'ENT",
  "outil-national": "Outil national",
  "hebergement-academique": "Hébergement académique",
};
