import { html as gabarit, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * The one HTML template of the API: Hono's `html` tagged template (`hono/html`), named `gabarit` here so
 * that Prettier does not reformat our markup (it rewrites any template tagged `html`, whitespace
 * included). Every interpolated string is escaped (`& < > " '`), arrays are joined,
 * `undefined`/`false`/`null` print nothing, and a value that is already `Html` (another template) is kept
 * as is. `raw` marks trusted markup (our own constants, never a request's value).
 *
 * @example
 * gabarit`<p title="${'a"b'}">${"<b>"}</p>`.toString(); // '<p title="a&quot;b">&lt;b&gt;</p>'
 */
export { gabarit, raw };

/** An HTML fragment already escaped (the value of a `gabarit\`…\`` template). */
export type Html = HtmlEscapedString;

/**
 * The text of a fragment. Our pages never interpolate a promise, so the template is synchronous; a
 * promise here is a programming error.
 *
 * @example
 * enTexte(gabarit`<p>${"<b>"}</p>`); // "<p>&lt;b&gt;</p>"
 */
export function enTexte(fragment: Html | Promise<Html>): string {
  if (fragment instanceof Promise) throw new TypeError("Gabarit HTML asynchrone inattendu.");
  return fragment.toString();
}

/**
 * The one page skeleton of the API's HTML (home, sign-in, embed, configurator, demo host pages): French
 * by default, UTF-8, responsive viewport, our icon; `tete` holds the page's own `<head>` items
 * (stylesheet, scripts by `src` only — no page has an inline script).
 *
 * @example
 * enTexte(documentHtml({ titre: "Trousse", corps: gabarit`<main><h1>Trousse</h1></main>` }));
 */
export function documentHtml(p: {
  titre: string;
  lang?: "fr" | "en";
  tete?: Html | Promise<Html>;
  classe?: string;
  corps: Html | Promise<Html>;
}): Html | Promise<Html> {
  return gabarit`<!doctype html>
<html lang="${p.lang ?? "fr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.titre}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${p.tete}
</head>
<body${p.classe ? gabarit` class="${p.classe}"` : ""}>
${p.corps}
</body>
</html>`;
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;line-height:1.5;color:#161616;background:#fff}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin-top:2rem}
a{color:#000091}a:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
code{background:#f0f0f5;padding:0 .25rem;border-radius:3px}
ul{padding-left:1.25rem}li{margin:.25rem 0}
.bandeau-demo{margin:0;padding:.6rem 1rem;background:#fff4d6;color:#3d2a00;border-bottom:2px solid #b34000;font-weight:600;text-align:center}`;

/** CSP of the pages written here: no script at all; framed only by the API itself (this CSP replaces the global one). */
export const CSP_PAGES =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/**
 * A complete French HTML page (no script). The demo banner is added to every HTML answer by `bandeauDemo`.
 *
 * @example
 * pageHtml("Trousse", gabarit`<h1>Trousse</h1>`);
 */
export function pageHtml(titre: string, corps: Html | Promise<Html>): string {
  return enTexte(
    documentHtml({
      titre,
      tete: gabarit`<style>${raw(STYLE)}</style>`,
      corps: gabarit`<main id="contenu">
${corps}
</main>`,
    }),
  );
}
