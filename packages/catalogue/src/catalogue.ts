import type { Catalogue, Outil } from "./schema.js";
import { documents, sources } from "./sources.js";
import { faits } from "./faits.js";
import { outilsVisio } from "./donnees/visio.js";
import { outilsCommunication } from "./donnees/communication.js";
import { outilsTravaux } from "./donnees/travaux.js";
import { outilsContinuite } from "./donnees/continuite.js";
import { outilsInternationaux } from "./donnees/internationaux.js";

/** Version des données (suit la version du paquet). */
export const VERSION_CATALOGUE = "0.1.0";

/** Tous les outils, dans un ordre stable (documents d'abord, puis outils éditoriaux). */
export const outils: Outil[] = [
  ...outilsVisio,
  ...outilsCommunication,
  ...outilsTravaux,
  ...outilsContinuite,
  ...outilsInternationaux,
];

/** Le catalogue complet : documents sources, sections citées, faits généraux, outils. */
export const catalogue: Catalogue = {
  version: VERSION_CATALOGUE,
  licence: "EUPL-1.2 (données issues de documents publics du ministère de l'Éducation nationale)",
  documents,
  sources,
  faits,
  outils,
};

/**
 * Retrouve un outil par son identifiant stable.
 *
 * @example
 * getOutil("renavisio")?.contraintes.participantsMax?.valeur; // 10
 */
export function getOutil(id: string, dans: readonly Outil[] = outils): Outil | undefined {
  return dans.find((o) => o.id === id);
}
