import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import { figer, envoyerFige, type ReponseFigee } from "../http-cache.js";
import { enTexte, gabarit } from "../pages/html.js";

const dossierSwagger = (): string =>
  dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

// Served from our own origin, no CDN: the reference works offline. `validatorUrl: "none"` keeps Swagger UI
// from calling its public validator.
const INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#reference",
    deepLinking: true,
    validatorUrl: "none",
    tryItOutEnabled: true,
    persistAuthorization: false,
  });
});
`;

// Replaces the global CSP: hence its own frame-ancestors (the reference is framed by the API itself only).
const CSP_DOCS =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/**
 * `/docs`: the interactive reference of the API (Swagger UI from the `swagger-ui-dist` package, served
 * locally: no network needed) reading `/v1/openapi.json`.
 *
 * @example
 * app.route("/docs", routesDocs({ titre: "API Trousse" }));
 */
export function routesDocs(options: { titre: string }) {
  const fichiers = new Map<string, ReponseFigee>();
  const fichier = (nom: string, type: string): ReponseFigee => {
    let r = fichiers.get(nom);
    if (!r) {
      r = figer(readFileSync(join(dossierSwagger(), nom), "utf8"), type);
      fichiers.set(nom, r);
    }
    return r;
  };
  const init = figer(INIT, "text/javascript; charset=utf-8");
  const page = enTexte(gabarit`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.titre} — référence</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<noscript><p>La référence interactive demande JavaScript ; le document brut est à <a href="/v1/openapi.json">/v1/openapi.json</a>.</p></noscript>
<div id="reference"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`);
  return new Hono()
    .get("/", (c) => c.html(page, 200, { "Content-Security-Policy": CSP_DOCS, "Cache-Control": "no-cache" }))
    .get("/swagger-ui.css", (c) => envoyerFige(c, fichier("swagger-ui.css", "text/css; charset=utf-8")))
    .get("/swagger-ui-bundle.js", (c) =>
      envoyerFige(c, fichier("swagger-ui-bundle.js", "text/javascript; charset=utf-8")),
    )
    .get("/init.js", (c) => envoyerFige(c, init));
}
