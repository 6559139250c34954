import { obtenirTrousse } from "./trousse-global.js";
import { VERSION } from "./version.js";

/** The part of `CustomElementRegistry` we use (lets tests pass their own registry). */
export interface RegistreElements {
  get(nom: string): CustomElementConstructor | undefined;
  define(nom: string, constructeur: CustomElementConstructor): void;
}

/**
 * Defines a custom element once. Loading a bundle twice (or two versions of it) is harmless: the second
 * call finds the name taken, defines nothing, throws nothing and counts the attempt in `window.Trousse`.
 * Returns `true` when this call defined the element.
 *
 * @example
 * ```ts
 * definirElement("trousse-choisir-visio", TrousseChoisirVisio); // true
 * definirElement("trousse-choisir-visio", TrousseChoisirVisio); // false, no error
 * ```
 */
export function definirElement(
  nom: string,
  constructeur: CustomElementConstructor,
  registre: RegistreElements | undefined = globalThis.customElements,
  cibleGlobale: object = globalThis,
): boolean {
  const trousse = obtenirTrousse(cibleGlobale);
  const entree = trousse.elements[nom];
  if (entree) entree.tentatives += 1;
  if (!registre || registre.get(nom)) return false;
  registre.define(nom, constructeur);
  if (!entree) trousse.elements[nom] = { version: VERSION, tentatives: 1 };
  return true;
}
