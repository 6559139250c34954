// Choix d'un outil de visioconférence : point d'entrée du dossier.
export * from "./types.js";
export { validerBesoinVisio } from "./valider-besoin.js";
export { besoinVisioSchema } from "./besoin-schema.js";
export { ERREURS_BESOIN, ERREUR_PARTICIPANTS_TROP_NOMBREUX } from "./messages-besoin.js";
export { prochaineEtape } from "./prochaine-etape.js";
export { recommanderVisio, ACCES_NON_RENSEIGNE } from "./recommander.js";
export { ORDRE_REGLES_EXCLUSION } from "./exclusions.js";
export { POIDS_RAISONS, type CodeRaison } from "./raisons.js";
export {
  LIBELLES_ORGANISATEURS,
  LIBELLES_INTERLOCUTEURS,
  LIBELLES_OBJETS_VISIO,
  LIBELLES_ENTS_ECOLE,
  LIBELLES_REGLES_EXCLUSION,
  LIBELLES_RAISONS,
} from "./libelles.js";
export { exclusion } from "./exclusions.js";
export { scorer } from "./raisons.js";
