import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { Hono } from "hono";
import type { Logger } from "pino";
import { corpsErreur } from "../erreurs/erreur-api.js";
import { widgetsConstruits } from "./dossier-widgets.js";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/** Versioned files (`v0.1.0/…`) and hashed chunks never change: cached for a year. */
const estImmuable = (chemin: string): boolean =>
  /^v\d+\.\d+\.\d+[^/]*\//.test(chemin) || chemin.startsWith("chunks/");

/**
 * Serves the widgets' CDN bundles at `/widgets/*` to any page (CORS `*`, `Cross-Origin-Resource-Policy:
 * cross-origin`: they are public, no credentials): long `immutable` cache for versioned files and hashed
 * chunks, `no-cache` (revalidated by ETag-free Last-Modified-free short cache) for the unversioned loader and
 * entries. When the bundles were not built: a French 503 and one log line.
 *
 * @example
 * app.route("/widgets", servirWidgets(dossierWidgets(), logger));
 */
export function servirWidgets(dossier: string, logger?: Pick<Logger, "error">): Hono {
  const app = new Hono();
  let signale = false;
  app.options("/*", (c) =>
    c.body(null, 204, { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD" }),
  );
  app.get("/*", async (c) => {
    // Decoded once, from the raw URL (Hono's `c.req.path` is already partly decoded).
    const brut = new URL(c.req.url).pathname.replace(/^.*?\/widgets\//, "");
    let decode: string;
    try {
      decode = decodeURIComponent(brut);
    } catch {
      return c.json(
        corpsErreur(
          "adresse-invalide",
          "L'adresse demandée contient un encodage « % » invalide : vérifiez le lien.",
        ),
        400,
        { "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin" },
      );
    }
    const relatif = normalize(decode);
    const type = TYPES[extname(relatif)];
    const commun = {
      "Access-Control-Allow-Origin": "*",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "X-Content-Type-Options": "nosniff",
    };
    if (!widgetsConstruits(dossier)) {
      if (!signale)
        logger?.error({ dossier }, "widgets non construits : lancez la construction de @trousse/widgets");
      signale = true;
      return c.text(
        "Widgets indisponibles : ils n'ont pas été construits sur ce serveur (npx -y pnpm@12.20.0 turbo run build --filter=@trousse/widgets).",
        503,
        { ...commun, "Retry-After": "60", "Cache-Control": "no-store" },
      );
    }
    if (!type || relatif.startsWith("..") || relatif.split(sep).includes(".."))
      return c.text("Fichier introuvable.", 404, commun);
    let contenu: Buffer;
    try {
      contenu = await readFile(join(dossier, relatif));
    } catch {
      return c.text("Fichier introuvable.", 404, commun);
    }
    return c.body(new Uint8Array(contenu), 200, {
      ...commun,
      "Content-Type": type,
      "Cache-Control": estImmuable(relatif)
        ? "public, max-age=31536000, immutable"
        : "public, max-age=300, must-revalidate",
    });
  });
  return app;
}
