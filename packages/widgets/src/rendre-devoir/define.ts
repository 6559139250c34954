/** Defines `<trousse-rendre-devoir>` (once: loading this module twice is harmless). */
import { definirElement } from "../shared/definir-element.js";
import { NOM_RENDRE_DEVOIR, TrousseRendreDevoir } from "./rendre-devoir.js";

definirElement(NOM_RENDRE_DEVOIR, TrousseRendreDevoir);

export { NOM_RENDRE_DEVOIR, TrousseRendreDevoir };
export type { DetailConnexion } from "./rendre-devoir.js";
