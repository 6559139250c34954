import type { OpenAPIHono } from "@hono/zod-openapi";

/**
 * `operationId` déduit de la méthode et du chemin : `get /v1/outils/{id}/doctrine` → `getV1OutilsIdDoctrine`.
 *
 * @example
 * idOperation("get", "/v1/outils.csv"); // "getV1OutilsCsv"
 */
export function idOperation(methode: string, chemin: string): string {
  const mots = chemin
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((m) => m[0]!.toUpperCase() + m.slice(1));
  return methode.toLowerCase() + mots.join("");
}

/**
 * Donne à chaque opération déjà inscrite au registre OpenAPI de l'app et sans `operationId` un identifiant
 * stable déduit de sa méthode et de son chemin (voir {@link idOperation}) : les clients générés ont des noms
 * de fonctions, et le document reste valide (identifiants uniques). À appeler après le montage des routes.
 *
 * @example
 * nommerOperations(app); // get /health → "getHealth"
 */
export function nommerOperations(app: OpenAPIHono): void {
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type === "route" && !d.route.operationId) {
      d.route.operationId = idOperation(d.route.method, d.route.path);
    }
  }
}

/**
 * Gives `security: []` to every operation that declares no security: it is public (catalogue,
 * recommendations, health, sign-in pages), and saying so lets linters and generated clients know it, rather
 * than leaving them to guess. The signed-in routes declare `jetonSession` themselves. Call after mounting.
 *
 * @example
 * declarerPubliques(app); // get /v1/outils → security: []
 */
export function declarerPubliques(app: OpenAPIHono): void {
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type === "route" && d.route.security === undefined) d.route.security = [];
  }
}
