/** Libellés français des identifiants du catalogue (pour l'affichage, le CSV et les API). */
import type {
  Categorie,
  CritereDoctrine,
  Ent,
  ModeAcces,
  Niveau,
  Public,
  RealisateurRgpd,
  StatutCritere,
} from "./schema.js";

export const LIBELLES_CATEGORIES: Record<Categorie, string> = {
  visioconference: "Visioconférence",
  audioconference: "Audioconférence",
  "partage-documents": "Partage de documents",
  "communication-personnels": "Communication entre personnels",
  "communication-eleves-familles": "Communication avec les élèves et les familles",
  "remise-travaux": "Envoi et retour des travaux des élèves",
  "vie-scolaire": "Vie scolaire",
  "plateforme-pedagogique": "Plateforme pédagogique",
  ent: "Espace numérique de travail (ENT)",
};

export const LIBELLES_PUBLICS: Record<Public, string> = {
  "pilotage-formation": "Pilotage, accompagnement et formation des équipes",
  enseignement: "Enseignement",
  "eleves-familles": "Élèves et familles",
};

export const LIBELLES_NIVEAUX: Record<Niveau, string> = {
  "1D": "Premier degré (écoles)",
  "2D": "Second degré (collèges et lycées)",
};

export const LIBELLES_MODES_ACCES: Record<ModeAcces, string> = {
  eduline: "EduLine",
  magistere: "M@gistère",
  "ent-1d": "ENT du premier degré",
  "ent-2d": "ENT du second degré",
  url: "Adresse web (URL)",
  "compte-apps-education": "Compte d'authentification Apps Education",
  "url-generee-enseignant": "URL générée par l'enseignant",
};

export const LIBELLES_ENTS: Record<Ent, string> = { ode: "ENT ODE", sn62: "ENT SN62" };

export const LIBELLES_CRITERES: Record<CritereDoctrine, string> = {
  reversibilite: "Réversibilité",
  "acces-donnees": "Accès aux données",
  rgpd: "Protection des données personnelles et conformité stricte au RGPD",
  "droit-francais-europeen":
    "Respect strict de la réglementation française et européenne, sans extraterritorialité",
  accessibilite: "Accessibilité aux personnes en situation de handicap",
  "empreinte-carbone": "Réduction de l'empreinte carbone",
};

export const LIBELLES_STATUTS: Record<StatutCritere, string> = {
  conforme: "Conforme",
  "non-conforme": "Non conforme",
  "non-renseigne": "Non renseigné",
};

/** Texte exact de la colonne « Démarches RGPD » du document 000. */
export const TEXTES_RGPD: Record<RealisateurRgpd, string> = {
  administration: "Réalisées par l'administration",
  etablissement: "Réalisées par l'établissement",
  cned: "Réalisées par le CNED",
};
