import type { MiddlewareHandler } from "hono";

/** The banner shown at the top of every HTML page in demo mode. */
export const BANDEAU_DEMO =
  '<p class="bandeau-demo" role="status" data-trousse-demo style="margin:0;padding:.6rem 1rem;background:#fff4d6;color:#3d2a00;border-bottom:2px solid #b34000;font-weight:600;text-align:center">' +
  "Mode démonstration : comptes et données fictifs, à ne pas utiliser avec de vrais élèves.</p>";

/**
 * In demo mode, inserts the "Mode démonstration" banner right after `<body>` in every HTML answer —
 * the API's own pages and the sign-in pages alike.
 *
 * @example
 * if (config.demo) app.use("*", bandeauDemo());
 */
export function bandeauDemo(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    if (!type.startsWith("text/html") || !c.res.body || c.req.method === "HEAD") return;
    const html = await c.res.text();
    if (html.includes("data-trousse-demo")) {
      c.res = new Response(html, c.res);
      return;
    }
    const m = /<body[^>]*>/i.exec(html);
    const avec = m
      ? html.slice(0, m.index + m[0].length) + BANDEAU_DEMO + html.slice(m.index + m[0].length)
      : BANDEAU_DEMO + html;
    const entetes = new Headers(c.res.headers);
    entetes.delete("content-length");
    c.res = new Response(avec, { status: c.res.status, statusText: c.res.statusText, headers: entetes });
  };
}
