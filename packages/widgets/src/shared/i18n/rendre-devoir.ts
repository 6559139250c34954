import { creerCatalogue } from "./catalogue.js";
import { frRendreDevoir, type MessagesRendreDevoir } from "./fr-rendre-devoir.js";

export type { MessagesRendreDevoir };

/**
 * The UI texts of `<trousse-rendre-devoir>`, through the widgets' one i18n mechanism
 * ({@link creerCatalogue}): French bundled, English (`lang="en"`) a chunk loaded on demand.
 *
 * @example
 * ```ts
 * await textesRendreDevoir.charger("en");
 * textesRendreDevoir.messages("en").titre; // "Hand in homework"
 * ```
 */
export const textesRendreDevoir = creerCatalogue<MessagesRendreDevoir>(frRendreDevoir, () =>
  import("./en-rendre-devoir.js").then((m) => m.enRendreDevoir),
);
