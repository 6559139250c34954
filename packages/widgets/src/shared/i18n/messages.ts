import { creerCatalogue } from "./catalogue.js";
import { fr } from "./fr.js";
import type { Messages } from "./forme-messages.js";
import type { Langue } from "./langue.js";

export type { Libelles, Messages } from "./forme-messages.js";

const catalogue = creerCatalogue<Messages>(fr, () => import("./en.js").then((m) => m.en));

/**
 * The UI texts of `<trousse-choisir-visio>` in a language, if loaded; French (always bundled) otherwise.
 * English is loaded on demand by {@link chargerMessages} so French pages never download it.
 *
 * @example
 * ```ts
 * messages("fr").commun.suivant; // "Suivant"
 * await chargerMessages("en");
 * messages("en").commun.suivant; // "Next"
 * ```
 */
export function messages(langue: Langue = "fr"): Messages {
  return catalogue.messages(langue);
}

/**
 * Loads the UI texts of a language (English is a separate file, fetched once).
 *
 * @example
 * ```ts
 * const en = await chargerMessages("en");
 * en.choisirVisio.titre; // "Choose a video-conferencing tool"
 * ```
 */
export function chargerMessages(langue: Langue): Promise<Messages> {
  return catalogue.charger(langue);
}
