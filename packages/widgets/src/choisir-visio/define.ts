/** Defines `<trousse-choisir-visio>` (once: loading this module twice is harmless). */
import { definirElement } from "../shared/definir-element.js";
import { NOM_CHOISIR_VISIO, TrousseChoisirVisio } from "./choisir-visio.js";

definirElement(NOM_CHOISIR_VISIO, TrousseChoisirVisio);

export { NOM_CHOISIR_VISIO, TrousseChoisirVisio };
export type { DetailOutilChoisi, DetailRecommandation } from "./choisir-visio.js";
