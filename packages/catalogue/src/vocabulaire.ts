/**
 * Les identifiants stables du catalogue (ASCII, kebab-case). Ce module ne dépend de rien :
 * il est partagé par les données, les schémas zod et les libellés.
 */

/** Niveaux d'enseignement : premier degré (écoles) et second degré (collèges, lycées). */
export const NIVEAUX = ["1D", "2D"] as const;

/** Catégories d'outils. */
export const CATEGORIES = [
  "visioconference",
  "audioconference",
  "partage-documents",
  "communication-personnels",
  "communication-eleves-familles",
  "remise-travaux",
  "vie-scolaire",
  "plateforme-pedagogique",
  "ent",
] as const;

/** Publics (les trois tableaux du document 000). */
export const PUBLICS = ["pilotage-formation", "enseignement", "eleves-familles"] as const;

/** Modes d'accès structurés (le texte exact du document accompagne toujours le mode). */
export const MODES_ACCES = [
  "eduline",
  "magistere",
  "ent-1d",
  "ent-2d",
  "url",
  "compte-apps-education",
  "url-generee-enseignant",
] as const;

/** Qui a réalisé les démarches RGPD (colonne « Démarches RGPD » du document 000). */
export const REALISATEURS_RGPD = ["administration", "etablissement", "cned"] as const;

/** Les ENT nommés par les documents : ODE et SN62. */
export const ENTS = ["ode", "sn62"] as const;

/** Les six critères de la doctrine DINUM cités par le document 001. */
export const CRITERES = [
  "reversibilite",
  "acces-donnees",
  "rgpd",
  "droit-francais-europeen",
  "accessibilite",
  "empreinte-carbone",
] as const;

/** Statut d'un critère de doctrine pour un outil. */
export const STATUTS_CRITERE = ["conforme", "non-conforme", "non-renseigne"] as const;

/** Origine d'un outil. */
export const ORIGINES = ["education-nationale", "entreprise-internationale"] as const;

/** Nature d'une note d'état (statut de service) tirée des documents. */
export const NATURES_NOTE = [
  "beta",
  "version-flash-indisponible",
  "indisponibilite-partielle",
  "generalisation-a-venir",
  "service-temporaire",
  "nouveau-service",
  "dysfonctionnements",
  "mise-en-garde",
  "fournisseur",
] as const;

/** Usages réservés ou recommandés par les documents. */
export const USAGES = [
  "usage-interne-personnels",
  "conseils-de-classe-a-distance",
  "solution-a-privilegier",
  "classe-virtuelle-associee",
  "reunions-en-ligne-agents",
  "vie-scolaire",
] as const;

/** Champs d'un outil dont la valeur peut être déduite par Trousse (et non lue dans un document). */
export const CHAMPS_DEDUITS = ["niveaux"] as const;

/** Faits généraux des documents, qui ne concernent pas un outil en particulier. */
export const FAITS_GENERAUX = [
  "cadre-fonctionnement-normal",
  "cadre-reunions-en-ligne",
  "acces-applications-nationales",
  "cyber-attaques",
  "vigilance-editeurs",
] as const;

/** Nature de la provenance d'un fait : tiré d'un document, ou classement éditorial de Trousse. */
export const NATURES_PROVENANCE = ["document", "editorial"] as const;
