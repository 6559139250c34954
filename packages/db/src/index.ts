export {
  createDb,
  DOSSIER_MIGRATIONS,
  type CreateDbOptions,
  type DbHandle,
  type Schema,
  type TrousseDb,
} from "./client.js";
export {
  creerBaseDeTest,
  creerBaseVide,
  preparerModelePglite,
  VARIABLE_MODELE_PGLITE,
  type BaseVide,
} from "./base-de-test.js";
export { principal as commandeTrousseDb } from "./cli.js";
export { utiliserEtatConnexion } from "./etats-connexion.js";
export { ErreurDb, estBaseIndisponible, type CodeErreurDb } from "./erreurs.js";
export {
  enregistrerIdentite,
  trouverUtilisateur,
  trouverParLogin,
  listerUtilisateurs,
  groupesDe,
  enfantsDe,
  revoquerSession,
  sessionRevoquee,
  etatSession,
  purgerSessionsRevoquees,
  lierSessionEnt,
  terminerSessionsEnt,
  purgerSessionsEnt,
  type LienSessionEnt,
  type CritereSessionsEnt,
  type IdentiteEnt,
  type UtilisateurConnecte,
  type UtilisateurListe,
  type GroupeMembre,
} from "./identites.js";
export * from "./schema/index.js";
export {
  reserverTeleversement,
  octetsUtilises,
  televersementsEnAttenteDe,
  libererTeleversements,
  adopterTeleversements,
  televersementsConsommes,
  oublierTeleversementsAbsents,
  type DemandeReservation,
  type ResultatReservation,
} from "./televersements.js";
