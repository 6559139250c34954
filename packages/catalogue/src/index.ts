/**
 * @trousse/catalogue — les outils numériques du ministère pour le travail à distance,
 * en données typées, validées et sourcées. Module pur : aucune API Node, aucune entrée-sortie.
 */
export { catalogue, outils, getOutil, VERSION_CATALOGUE } from "./catalogue.js";
export { sources, documents, getSource, TITRE_000, TITRE_001 } from "./sources.js";
export { faits } from "./faits.js";
export {
  outilSchema,
  catalogueSchema,
  sourceRefSchema,
  ficheSchema,
  contraintesSchema,
  noteSchema,
  usageSchema,
  critereEvalueSchema,
  doctrineSchema,
  provenanceSchema,
  deductionSchema,
  faitGeneralSchema,
  niveauSchema,
  categorieSchema,
  publicSchema,
  modeAccesSchema,
  entSchema,
  critereDoctrineSchema,
  statutCritereSchema,
} from "./schema.js";
export type {
  Catalogue,
  Outil,
  SourceRef,
  DocumentSource,
  Fiche,
  Contraintes,
  Note,
  NatureNote,
  Usage,
  CodeUsage,
  CritereEvalue,
  Doctrine,
  Provenance,
  Deduction,
  FaitGeneral,
  Niveau,
  Categorie,
  Public,
  ModeAcces,
  RealisateurRgpd,
  Ent,
  CritereDoctrine,
  StatutCritere,
  Origine,
} from "./schema.js";
export {
  NIVEAUX,
  CATEGORIES,
  PUBLICS,
  MODES_ACCES,
  REALISATEURS_RGPD,
  ENTS,
  CRITERES,
  STATUTS_CRITERE,
  ORIGINES,
  CHAMPS_DEDUITS,
  FAITS_GENERAUX,
} from "./vocabulaire.js";
export {
  LIBELLES_CATEGORIES,
  LIBELLES_PUBLICS,
  LIBELLES_NIVEAUX,
  LIBELLES_MODES_ACCES,
  LIBELLES_ENTS,
  LIBELLES_CRITERES,
  LIBELLES_STATUTS,
  TEXTES_RGPD,
} from "./libelles.js";
export { CRITERES_DOCTRINE, PHRASE_DOCTRINE } from "./doctrine.js";
export { NON_RENSEIGNE, NIVEAUX_DEDUITS } from "./donnees/construire.js";
export {
  filtrerOutils,
  utilisableAvecEnt,
  ENTS_FILTRE,
  type FiltreOutils,
  type EntFiltre,
} from "./filtrer.js";
export { outilsEnCsv, COLONNES_CSV, SEPARATEUR_VALEURS, type OptionsCsv } from "./csv.js";
export { normaliser } from "./texte.js";
export { validerCatalogue, type ErreurCatalogue } from "./valider-catalogue.js";
