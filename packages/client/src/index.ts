/**
 * `@trousse/client`: a typed client of the Trousse API. The types (`paths`, `components`, `operations`)
 * are generated from the API's OpenAPI document (`@trousse/client/openapi.json`) by openapi-typescript.
 */
export { creerClientTrousse, type ClientTrousse, type OptionsClientTrousse } from "./client.js";
export { ErreurTrousse, exiger, type DetailErreur } from "./erreur.js";
export type { CheminAvec, CorpsErreur, CorpsJson, Methode, Operation, ReponseJson, Schema } from "./types.js";
export type { components, operations, paths } from "./genere/api.js";
