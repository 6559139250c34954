import { randomBytes } from "node:crypto";
import { BANDEAU_DEMO } from "../pages/bandeau-demo.js";
import { documentHtml, enTexte, gabarit, raw, type Html } from "../pages/html.js";

/** An HTML page of the sign-in, with the headers it must be served with. */
export interface PageHtml {
  html: string;
  entetes: Record<string, string>;
}

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
body{margin:0}
main{box-sizing:border-box;max-width:36rem;width:100%;margin:0 auto;padding:1rem}
h1{font-size:1.4rem}
button,.bouton{font:inherit;padding:.6rem 1rem;min-height:44px;border-radius:.4rem;border:1px solid #0a4a9e;background:#0a4a9e;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #e1000f;outline-offset:2px}
ul{padding-left:1.2rem}li{margin:.4rem 0}
code{word-break:break-all;background:rgba(127,127,127,.15);padding:.1rem .3rem}
.erreur{border-left:4px solid #e1000f;padding-left:.8rem}
.bandeau-demo{margin:0;padding:.6rem 1rem;background:#fff4d6;color:#3d2a00;border-bottom:2px solid #b34000;font-weight:600;text-align:center}
`;

/**
 * Builds a minimal, accessible French page. No inline script: the only script is `/auth/popup.js`
 * (`script-src 'self'`); the inline style carries a per-response nonce. `frameAncestors` lists who may
 * frame the page (the iframe embeds), the API itself always may.
 *
 * @example
 * const { html, entetes } = pageHtml({ titre: "Connexion", corps: gabarit`<p>…</p>`, frameAncestors: [] });
 */
export function pageHtml(p: {
  titre: string;
  corps: Html | Promise<Html>;
  script?: boolean;
  frameAncestors?: readonly string[];
  demo?: boolean;
}): PageHtml {
  const nonce = randomBytes(16).toString("base64");
  const ancetres = ["'self'", ...(p.frameAncestors ?? [])].join(" ");
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${ancetres}`,
  ].join("; ");
  const html = enTexte(
    documentHtml({
      titre: `${p.titre} — Trousse`,
      tete: gabarit`<meta name="referrer" content="no-referrer">
<style nonce="${nonce}">${raw(STYLE)}</style>
${p.script ? gabarit`<script src="/auth/popup.js" defer></script>` : ""}`,
      corps: gabarit`${p.demo ? raw(BANDEAU_DEMO) : ""}<main>
${p.corps}
</main>`,
    }),
  );
  return {
    html,
    entetes: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": csp,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
      // The popup must keep `window.opener` to post the session back to the widget.
      "cross-origin-opener-policy": "unsafe-none",
    },
  };
}
