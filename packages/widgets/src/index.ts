/**
 * `@trousse/widgets` for npm users: importing the package defines the elements
 * (`import "@trousse/widgets";`), or import one element only (`import "@trousse/widgets/choisir-visio";`).
 */
export {
  NOM_CHOISIR_VISIO,
  TrousseChoisirVisio,
  type DetailOutilChoisi,
  type DetailRecommandation,
} from "./choisir-visio/define.js";
export { NOM_RENDRE_DEVOIR, TrousseRendreDevoir, type DetailConnexion } from "./rendre-devoir/define.js";
export { creerClientApi, ErreurApiTrousse, type ClientApi } from "./rendre-devoir/client-api.js";
export { lireMessageConnexion, type SessionTrousse } from "./rendre-devoir/session.js";
export {
  chargerCatalogue,
  catalogueDepuisReponse,
  urlOutils,
  viderCacheCatalogue,
} from "./shared/catalogue-distant.js";
export type { CatalogueCharge, OrigineCatalogue, OptionsChargement } from "./shared/catalogue-distant.js";
export { definirElement, type RegistreElements } from "./shared/definir-element.js";
export { emettre } from "./shared/evenement.js";
export { langueDeElement, langueDepuis, type Langue } from "./shared/i18n/langue.js";
export { chargerMessages, messages, type Messages } from "./shared/i18n/messages.js";
export { themeStyles } from "./shared/theme.js";
export { obtenirTrousse, type EntreeRegistre, type TrousseGlobal } from "./shared/trousse-global.js";
export { urlSure } from "./shared/url-sure.js";
export { VERSION } from "./shared/version.js";
