import { Hono, type Context } from "hono";
import type { Logger } from "pino";
import { corpsErreur } from "../erreurs/erreur-api.js";
import { dossierWidgets } from "./dossier-widgets.js";
import { favicon } from "./favicon.js";
import { pageIntegrer } from "./page-integrer.js";
import { pageDemo } from "./pages-demo.js";
import { pageEmbed, WIDGETS_EMBED, type WidgetEmbed } from "./pages-embed.js";
import { SCRIPT_HAUTEUR, SCRIPT_HOTE, SCRIPT_INTEGRER } from "./scripts-embed.js";
import { servirWidgets } from "./servir-widgets.js";
import { STYLES_PAGES } from "./styles-pages.js";

export interface OptionsEmbed {
  demo: boolean;
  /** Origins allowed to frame the embed pages outside demo mode (the ENTs' `originesAutorisees` + the API). */
  origines: string[];
  /** The configured ENTs (id and name), offered by the configurator for sign-in. */
  ents?: readonly { id: string; nom: string }[];
  /** Folder of the widgets' CDN bundles (default: {@link dossierWidgets}). */
  dossier?: string;
  logger?: Pick<Logger, "error">;
}

/**
 * The CSP of our pages: scripts, styles and connections to this origin only — no 'unsafe-inline', no
 * 'unsafe-eval' (the widgets style themselves with constructed stylesheets). `frame-ancestors`: any page in
 * demo mode (try it anywhere), else only the configured ENT origins and the API itself.
 *
 * @example
 * cspPages(false, ["https://ent.exemple.fr"]); // "default-src 'self'; … frame-ancestors 'self' https://ent.exemple.fr"
 */
export function cspPages(demo: boolean, origines: string[]): string {
  const ancetres = demo ? "*" : ["'self'", ...origines].join(" ");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancetres}`,
  ].join("; ");
}

const introuvable = (c: Context) =>
  c.json(corpsErreur("introuvable", `Aucune ressource à l'adresse ${c.req.path}.`), 404);

/**
 * Embedding routes: `/favicon.ico` (and `.svg`), `/widgets/*` (the bundles), `/embed/choisir-visio`, `/embed/rendre-devoir` (iframe
 * pages), `/embed/{hauteur,hote,integrer}.js`, `/embed/pages.css`, the configurator `/integrer` and — in
 * demo mode only, 404 otherwise — `/demo/ode`, `/demo/sn62`, `/demo/site-ecole`. Pages answer with
 * `Cross-Origin-Opener-Policy: same-origin-allow-popups`: the ENT sign-in popup keeps its `opener`.
 *
 * @example
 * app.route("/", routesEmbed({ demo: config.demo, origines, logger }));
 */
export function routesEmbed(options: OptionsEmbed): Hono {
  const app = new Hono();
  const csp = cspPages(options.demo, options.origines);
  const page = (c: Context, html: string) =>
    c.html(html, 200, {
      "Content-Security-Policy": csp,
      "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
      "Cache-Control": "no-cache",
    });
  const fichier = (type: string, contenu: string) => (c: Context) =>
    c.body(contenu, 200, {
      "Content-Type": type,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
      "Cross-Origin-Resource-Policy": "cross-origin",
    });

  // A static file, served the way Hono's serveStatic is (a middleware): not an operation of the API.
  app.use("/favicon.ico", favicon);
  app.use("/favicon.svg", favicon);
  app.route("/widgets", servirWidgets(options.dossier ?? dossierWidgets(), options.logger));
  app.get("/embed/hauteur.js", fichier("text/javascript; charset=utf-8", SCRIPT_HAUTEUR));
  app.get("/embed/hote.js", fichier("text/javascript; charset=utf-8", SCRIPT_HOTE));
  app.get("/embed/integrer.js", fichier("text/javascript; charset=utf-8", SCRIPT_INTEGRER));
  app.get("/embed/pages.css", fichier("text/css; charset=utf-8", STYLES_PAGES));
  app.get("/embed/:widget", (c) => {
    const widget = c.req.param("widget");
    if (!(widget in WIDGETS_EMBED)) return introuvable(c);
    return page(c, pageEmbed(widget as WidgetEmbed, new URL(c.req.url).searchParams, options.demo));
  });
  app.get("/integrer", (c) =>
    page(c, pageIntegrer(options.demo, { ents: options.ents ?? [], origines: options.origines })),
  );
  app.get("/demo/:page", (c) => {
    const p = c.req.param("page");
    if (!options.demo || (p !== "ode" && p !== "sn62" && p !== "site-ecole")) return introuvable(c);
    return page(c, pageDemo(p));
  });
  return app;
}
