import { html, type TemplateResult } from "lit";
import { decouperLiens } from "../../shared/texte-avec-liens.js";
import type { ApiControleur } from "../controleurs/api.js";
import type { HoteRendreDevoir } from "../controleurs/hote.js";

/** What every view of `<trousse-rendre-devoir>` reads: the element (texts, language) and the API controller. */
export interface ContexteVue {
  hote: HoteRendreDevoir;
  api: ApiControleur;
}

/**
 * A button that downloads a protected file (Bearer token: a plain link cannot carry it).
 *
 * @example
 * ```ts
 * html`${boutonFichier(c, fichier.url, fichier.nom)}`;
 * ```
 */
export function boutonFichier(c: ContexteVue, url: string, nom: string): TemplateResult {
  return html`<button
    type="button"
    part="bouton"
    class="lien"
    @click=${() => void c.api.telechargerFichier(url, nom)}
  >
    ${c.hote.t.telecharger(nom)}
  </button>`;
}

/**
 * A teacher's text with its `http(s)` addresses as links (new window, `rel="noopener noreferrer"`, said
 * to screen readers); everything else stays text (Lit escapes it).
 *
 * @example
 * ```ts
 * html`<p>${texteAvecLiens(devoir.consignes, t.nouvelleFenetre)}</p>`;
 * ```
 */
export function texteAvecLiens(texte: string, nouvelleFenetre: string): (TemplateResult | string)[] {
  return decouperLiens(texte).map((m) =>
    "lien" in m
      ? html`<a href=${m.lien} target="_blank" rel="noopener noreferrer"
          >${m.lien}<span class="visuellement-cache"> ${nouvelleFenetre}</span></a
        >`
      : m.texte,
  );
}
