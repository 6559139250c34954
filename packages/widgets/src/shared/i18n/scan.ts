import { creerCatalogue } from "./catalogue.js";
import { frScan, type MessagesScan } from "./fr-scan.js";

export type { MessagesScan };

/**
 * The texts of « Photographier ma copie » (`<trousse-scan-copie>`), through the widgets' one i18n mechanism
 * ({@link creerCatalogue}): French in the mode's chunk, English a chunk loaded on demand.
 *
 * @example
 * ```ts
 * await textesScan.charger("en");
 * textesScan.messages("en").titre; // "Photograph my work"
 * ```
 */
export const textesScan = creerCatalogue<MessagesScan>(frScan, () =>
  import("./en-scan.js").then((m) => m.enScan),
);
