import { formaterDateParis } from "@trousse/rules";
import { html, type TemplateResult } from "lit";
import { langueDeElement } from "../shared/i18n/langue.js";
import type { TrousseRendreDevoir } from "./rendre-devoir.js";

/**
 * The parent's side of `<trousse-rendre-devoir>`: each child's assignments and statuses, read-only (no
 * button acts on anything).
 *
 * @example
 * ```ts
 * vueParent(element); // a Lit template
 * ```
 */
export function vueParent(el: TrousseRendreDevoir): TemplateResult {
  const t = el.t;
  const langue = langueDeElement(el);
  return html`<section aria-labelledby="titre-enfants">
    <h3 id="titre-enfants">${t.enfants}</h3>
    <p class="aide">${t.lectureSeule}</p>
    ${(el.enfants ?? []).map(
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
                      </li>`,
                  )}
                </ul>`
          }
        </section>`,
    )}
  </section>`;
}
