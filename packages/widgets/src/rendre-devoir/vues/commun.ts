import { html, type TemplateResult } from "lit";
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
