/**
 * Escapes text for HTML.
 *
 * @example
 * echapper("<b>"); // "&lt;b&gt;"
 */
export function echapper(texte: string): string {
  return texte.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;line-height:1.5;color:#161616;background:#fff}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin-top:2rem}
a{color:#000091}a:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
code{background:#f0f0f5;padding:0 .25rem;border-radius:3px}
ul{padding-left:1.25rem}li{margin:.25rem 0}
.bandeau-demo{margin:0;padding:.6rem 1rem;background:#fff4d6;color:#3d2a00;border-bottom:2px solid #b34000;font-weight:600;text-align:center}`;

/** CSP of the pages written here: no script at all. */
export const CSP_PAGES =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

/**
 * A complete French HTML page (no script). The demo banner is added to every HTML answer by `bandeauDemo`.
 *
 * @example
 * pageHtml("Trousse", "<h1>Trousse</h1>");
 */
export function pageHtml(titre: string, corps: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${echapper(titre)}</title>
<style>${STYLE}</style>
</head>
<body>
<main id="contenu">
${corps}
</main>
</body>
</html>`;
}
