// @trousse/rules — point d'entrée public.

// Dates (heure de Paris, instants, formatage).
export { ErreurRegle } from "./dates/erreur-regle.js";
export { type InstantEntree, type ResultatInstant, analyserInstant, versDate } from "./dates/instant.js";
export { FUSEAU_PARIS, type HeureMurale, decalageMs, heureMurale } from "./dates/fuseau.js";
export {
  type CasHeureLocale,
  type ResultatHeureParis,
  analyserHeureParis,
  heureParisVersInstant,
  instantVersHeureParis,
} from "./dates/heure-paris.js";
export { formaterDateParis } from "./dates/formater-date.js";
export { INSECABLE, type Langue } from "./dates/langue.js";

// Devoirs : dates, statuts, rendus, conservation.
export {
  type CodeErreurDatesDevoir,
  type DatesDevoir,
  type DatesDevoirValides,
  type ErreurDatesDevoir,
  type ResultatDatesDevoir,
  datesDuDevoir,
  exigerDatesDevoir,
  finDesRendus,
  validerDatesDevoir,
} from "./devoirs/dates-devoir.js";
export { corrigeVisible } from "./devoirs/corrige-visible.js";
export {
  type CodeErreurDerogation,
  type Derogation,
  type DerogationValide,
  type ErreurDerogation,
  type ResultatDerogation,
  datesEffectives,
  delaiEnCours,
  validerDerogation,
} from "./devoirs/derogation.js";
export { libelleDelaiAccorde } from "./devoirs/libelle-delai.js";
export { type RenduDevoir, echeanceDuRendu, estEnRetard, renduConnu } from "./devoirs/rendu.js";
export { STATUTS_RENDU, type StatutRendu, statutRendu } from "./devoirs/statut-rendu.js";
export { STATUTS_SUIVI, type StatutSuivi, statutSuivi } from "./devoirs/statut-suivi.js";
export {
  type CodeRefusRendu,
  type RefusRendu,
  type ResultatPeutRemplacer,
  type ResultatPeutRendre,
  peutRemplacer,
  peutRendre,
} from "./devoirs/peut-rendre.js";
export {
  type CodeRefusEngagement,
  DELAI_GRACE_ENGAGEMENT_MS,
  type EmpreinteFichier,
  type Engagement,
  type RefusEngagement,
  type ResultatPonctualite,
  engagementSchema,
  heureALaSeconde,
  instantAJuger,
  libelleHorodatage,
  memesEmpreintes,
  ponctualiteEngagement,
} from "./devoirs/ponctualite-engagement.js";
export {
  type ChargeEcheances,
  type CreneauSuggere,
  type EcheanceExistante,
  type OptionsCharge,
  chargeEcheances,
} from "./devoirs/charge-echeances.js";
export { type TempsRestant, formaterTempsRestant, tempsRestant } from "./devoirs/temps-restant.js";
export {
  LIBELLES_STATUT_RENDU,
  LIBELLES_STATUT_SUIVI,
  type Libelle,
  libelleStatutRendu,
  libelleStatutSuivi,
} from "./devoirs/libelles.js";
export { type OptionsPurge, PURGE_PAR_DEFAUT, dateDePurge } from "./devoirs/date-de-purge.js";
export {
  type CodeRefusQuota,
  type RefusQuota,
  QUOTAS_PAR_DEFAUT,
  peutAjouterVersion,
  peutStocker,
} from "./devoirs/quotas.js";

// Visioconférence : choix d'un outil (contrat partagé avec l'API et le widget <trousse-choisir-visio>).
export * from "./visio/index.js";

// Doctrine DINUM : évaluation d'un outil du catalogue.
export * from "./doctrine/index.js";

// Fichiers rendus : type par le contenu, noms, contraintes, vérification.
export {
  FAMILLES_FICHIERS,
  type FamilleFichier,
  type NatureExecutable,
  type TypeDetecte,
  type TypeExecutable,
  type TypeFichier,
  listerFamilles,
  nomFamille,
  toutesFeminines,
} from "./fichiers/familles.js";
export { OCTETS_DETECTION, detecterTypeFichier } from "./fichiers/detecter-type.js";
export {
  LONGUEUR_MAX_NOM_OCTETS,
  type NomInvalide,
  type RaisonNomInvalide,
  type ResultatNomFichier,
  decoderNomFichier,
  nettoyerNomFichier,
  octetsUtf8,
  validerNomFichier,
} from "./fichiers/nom-fichier.js";
export { formaterTaille } from "./fichiers/taille.js";
export {
  TAILLE_APERCU_MAX,
  TYPES_APERCU,
  type TypeApercu,
  apercuPossible,
  typeApercu,
} from "./fichiers/apercu.js";
export {
  type CodeDocumentActif,
  type RaisonDocumentActif,
  type RefusDocumentActif,
  DECOMPRESSION_SUPPLEMENTAIRE_MAX,
  limiteDecompression,
  refusDocumentActif,
  risqueDesEntrees,
} from "./fichiers/contenu-actif.js";
export { AnalyseurPdf, type ConstatPdf, type FluxObjetsPdf } from "./fichiers/analyseur-pdf.js";
export { compterPagesPdf, OCTETS_PAGES_PDF } from "./fichiers/pages-pdf.js";
export { EXTENSIONS_PAR_TYPE, extensionCoherente, extensionDuNom } from "./fichiers/extensions.js";
export {
  CONTRAINTES_PAR_DEFAUT,
  type ContraintesFichiers,
  type ContraintesFichiersEntree,
  type ErreurContraintes,
  PLAFOND_NOMBRE_FICHIERS,
  PLAFOND_TAILLE_OCTETS,
  contraintesFichiersSchema,
  validerContraintesFichiers,
} from "./fichiers/contraintes.js";
export {
  type CodeErreurFichier,
  type ContraintesFichier,
  type ContraintesLot,
  type ErreurFichier,
  type ErreurLot,
  type FichierAVerifier,
  type FichierVerifie,
  type ResultatFichier,
  type ResultatLot,
  phraseAcceptes,
  verifierFichier,
  verifierLot,
} from "./fichiers/verifier-fichier.js";
