/** The UI languages of the widgets. The documents' facts always stay in French. */
export type Langue = "fr" | "en";

/**
 * Picks the UI language from a `lang` value: English for `en`, `en-GB`…, French otherwise (default).
 *
 * @example
 * ```ts
 * langueDepuis("en-GB"); // "en"
 * langueDepuis(null);    // "fr"
 * ```
 */
export function langueDepuis(valeur: string | null | undefined): Langue {
  return typeof valeur === "string" && /^en(-|$)/i.test(valeur.trim()) ? "en" : "fr";
}

/**
 * The UI language of an element: its own `lang` attribute, else the closest ancestor's, else French.
 *
 * @example
 * ```ts
 * langueDeElement(document.querySelector("trousse-choisir-visio")!); // "fr"
 * ```
 */
export function langueDeElement(element: Element): Langue {
  return langueDepuis(element.closest("[lang]")?.getAttribute("lang"));
}
