import type { MiddlewareHandler } from "hono";

/** The banner shown at the top of every HTML page in demo mode (no `style=`: strict CSPs block it). */
export const BANDEAU_DEMO =
  '<p class="bandeau-demo" role="status" data-trousse-demo>' +
  "Mode démonstration : comptes et données fictifs, à ne pas utiliser avec de vrais élèves.</p>";

/** Its look: a full-width block above the page (a flex `body` must not make it a column). */
export const STYLE_BANDEAU_DEMO =
  ".bandeau-demo{display:block;box-sizing:border-box;width:100%;flex:1 0 100%;margin:0;padding:.6rem 1rem;" +
  "background:#fff4d6;color:#3d2a00;border-bottom:2px solid #b34000;font-weight:600;text-align:center}";

/**
 * The `<style>` element carrying {@link STYLE_BANDEAU_DEMO} under the page's own CSP: with the page's style
 * nonce when its `style-src` has one; none when the CSP has no `style-src`/`default-src` restriction or
 * allows `'unsafe-inline'`; `null` when inline styles are refused outright (then the page styles
 * `.bandeau-demo` itself, from its stylesheet).
 *
 * @example
 * styleBandeau("style-src 'nonce-abc'"); // '<style nonce="abc">.bandeau-demo{…}</style>'
 */
export function styleBandeau(csp: string | null): string | null {
  const directives = new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!.toLowerCase(), d.slice(1)] as const),
  );
  const sources = directives.get("style-src") ?? directives.get("default-src");
  if (!sources) return `<style>${STYLE_BANDEAU_DEMO}</style>`;
  const nonce = sources.map((s) => /^'nonce-([^']+)'$/.exec(s)?.[1]).find(Boolean);
  if (nonce) return `<style nonce="${nonce}">${STYLE_BANDEAU_DEMO}</style>`;
  if (sources.includes("'unsafe-inline'")) return `<style>${STYLE_BANDEAU_DEMO}</style>`;
  return null;
}

/**
 * In demo mode, inserts the "Mode démonstration" banner right after `<body>` in every HTML answer —
 * the API's own pages and the sign-in pages alike — once (a page that has its own, marked
 * `data-trousse-demo`, keeps it alone), styled within the page's CSP ({@link styleBandeau}).
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
    const bandeau = (styleBandeau(c.res.headers.get("content-security-policy")) ?? "") + BANDEAU_DEMO;
    const avec = m
      ? html.slice(0, m.index + m[0].length) + bandeau + html.slice(m.index + m[0].length)
      : bandeau + html;
    const entetes = new Headers(c.res.headers);
    entetes.delete("content-length");
    c.res = new Response(avec, { status: c.res.status, statusText: c.res.statusText, headers: entetes });
  };
}
