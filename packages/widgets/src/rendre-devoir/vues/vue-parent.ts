import { formaterDateParis } from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import type { EnfantStatuts } from "../types-api.js";
import type { ContexteVue } from "./commun.js";
import { phraseDelai } from "./delai.js";

/**
 * The parent's side of `<trousse-rendre-devoir>`: each child's assignments and statuses, read-only (no
 * button acts on anything).
 *
 * @example
 * ```ts
 * html`${vueParent({ hote, api }, enfants)}`;
 * ```
 */
export function vueParent(c: ContexteVue, enfants: readonly EnfantStatuts[]): TemplateResult {
  const t = c.hote.t;
  const langue = c.hote.langueUi;
  return html`<section aria-labelledby="titre-enfants">
    <h3 id="titre-enfants" tabindex="-1">${t.enfants}</h3>
    <p class="aide">${t.lectureSeule}</p>
    ${enfants.map(
      (e) =>
        html`<section class="enfant" aria-labelledby="enfant-${e.eleve.id}">
          <h4 id="enfant-${e.eleve.id}">${e.eleve.nomAffiche}</h4>
          ${
            e.devoirs.length === 0
              ? html`<p>${t.aucunDevoir}</p>`
              : html`<ul class="devoirs">
                  ${e.devoirs.map(
                    (d) =>
                      html`<li class="carte">
                        <span class="titre-devoir">${d.titre}</span>
                        <span class="statut" data-statut=${d.statut ?? ""}>${d.libelle}</span>
                        <span>${t.echeance} : ${formaterDateParis(d.echeance, langue)}</span>
                        ${((phrase) => (phrase ? html`<span class="delai">${phrase}</span>` : nothing))(
                          phraseDelai(d, d.delaiAccorde, langue),
                        )}
                      </li>`,
                  )}
                </ul>`
          }
        </section>`,
    )}
  </section>`;
}
