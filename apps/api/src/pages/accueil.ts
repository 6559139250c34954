import { Hono } from "hono";
import { outils, VERSION_CATALOGUE } from "@trousse/catalogue";
import { CSP_PAGES, gabarit, pageHtml } from "./html.js";

/**
 * The home page `/`: what Trousse is, and links to the documentation, the OpenAPI document, the open data
 * and — in demo mode — the demo sign-in.
 *
 * @example
 * app.route("/", routesAccueil({ demo: true, ents: [{ id: "ode-paris", nom: "ENT Paris" }] }));
 */
export function routesAccueil(options: { demo: boolean; ents: { id: string; nom: string }[] }) {
  const demo = options.demo
    ? gabarit`<h2>Démonstration</h2>
<p>Ce serveur tourne en <strong>mode démonstration</strong> : des élèves, enseignants, un parent et une
cheffe d'établissement fictifs ont été créés.</p>
<ul><li><a href="/auth/demo">Se connecter avec un compte de démonstration</a></li>
<li><a href="/demo/ode">Page d'ENT d'aspect ODE</a> (widgets en iframe)</li>
<li><a href="/demo/sn62">Page d'ENT d'aspect SN62</a> (balise script)</li>
<li><a href="/demo/site-ecole">Site public d'un collège</a> (balise script)</li></ul>`
    : "";
  const ents = options.ents.length
    ? gabarit`<h2>ENT configurés</h2><ul>${options.ents.map(
        (e) =>
          gabarit`<li>${e.nom} — <a href="/auth/connexion?ent=${encodeURIComponent(e.id)}">se connecter</a></li>`,
      )}</ul>`
    : "";
  const page = pageHtml(
    "Trousse — la boîte à outils numérique de l'Éducation nationale",
    gabarit`<h1>Trousse</h1>
<p>Trousse apporte la boîte à outils numérique de l'Éducation nationale dans les pages des ENT
(espaces numériques de travail) : le catalogue des outils pour le travail à distance, avec leurs atouts,
leurs limites et les démarches RGPD tirés des documents du ministère, un assistant pour choisir un outil de
visioconférence, et la remise des devoirs : l'élève rend son travail depuis son téléphone (envois qui
reprennent après une coupure, accusé de réception imprimable), l'enseignant suit qui a rendu, télécharge les
copies et envoie ses retours ; les parents consultent.</p>
<p>Logiciel libre (EUPL-1.2). Catalogue version ${VERSION_CATALOGUE} : ${outils.length} outils.</p>
<h2>Pour les développeurs</h2>
<ul>
<li><a href="/integrer">Intégrer les widgets</a> (configurateur, extraits script ou iframe)</li>
<li><a href="/docs">Référence interactive de l'API</a></li>
<li><a href="/v1/openapi.json">Document OpenAPI 3.1</a> (<code>/v1/openapi.json</code>)</li>
<li><a href="/v1/outils">Les outils en JSON</a> (<code>GET /v1/outils</code>)</li>
<li><a href="/v1/outils.csv">Les outils en CSV</a> (<code>GET /v1/outils.csv</code>)</li>
</ul>
<h2>Pour l'exploitant</h2>
<ul><li><a href="/health">/health</a> : le processus répond</li><li><a href="/ready">/ready</a> : la base de données répond</li></ul>
${ents}${demo}`,
  );
  return new Hono().get("/", (c) =>
    c.html(page, 200, { "Content-Security-Policy": CSP_PAGES, "Cache-Control": "no-cache" }),
  );
}
