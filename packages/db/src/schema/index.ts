export { etablissements } from "./etablissements.js";
export { utilisateurs, ROLES, type Role } from "./utilisateurs.js";
export { groupes, membres, NATURES_GROUPE, type NatureGroupe } from "./groupes.js";
export { liensParents } from "./liens-parents.js";
export { sessionsRevoquees } from "./sessions-revoquees.js";
export { sessionsEnt } from "./sessions-ent.js";
export { etatsConnexionUtilises } from "./etats-connexion-utilises.js";
export {
  devoirs,
  fichiersDevoir,
  NATURES_FICHIER_DEVOIR,
  type NatureFichierDevoir,
  type FamilleFichierDevoir,
} from "./devoirs.js";
export { derogations, MOTIF_DEROGATION_MAX } from "./derogations.js";
export { rendus, fichiersRendu, consultations, rappels, retours, journalAudit } from "./rendus.js";
export { televersementsEnAttente } from "./televersements.js";
export { engagements, type FichierEngage } from "./engagements.js";
