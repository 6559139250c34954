/**
 * What `<trousse-choisir-visio>` needs only once it shows results: the bundled catalogue, the rules
 * (`recommanderVisio`) and the results view. The element imports this module with `import()` while the
 * user fills the form (first interaction or idle time), so that its first render stays small; in the CDN
 * bundle it is a chunk of its own (`chunks/resultats-….js`), loaded from the widget's folder.
 */
import type { SourceRef } from "@trousse/catalogue";
import type { BesoinVisio, Recommandation, ResultatVisio } from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import type { Messages } from "../shared/i18n/messages.js";
import { urlSure } from "../shared/url-sure.js";
import { BESOINS } from "./preselection.js";

export { catalogue as catalogueEmbarque } from "@trousse/catalogue";
export { recommanderVisio } from "@trousse/rules";

/** What the results view reads from the element, and the actions it calls back. */
export interface VueResultats {
  m: Messages;
  resultat: ResultatVisio;
  /** The tool picked with « Choisir cet outil », if any. */
  choisi: string | undefined;
  /** False when every answer came from attributes: there is no form to go back to. */
  modifiable: boolean;
  choisir: (r: Recommandation) => void;
  modifier: () => void;
}

function renderSource(m: Messages, source: SourceRef | undefined): TemplateResult | typeof nothing {
  if (!source) return nothing;
  return html` <span class="source"
    >(${m.choisirVisio.source} : <span lang="fr">${source.section}</span>)</span
  >`;
}

function renderRecommandation(v: VueResultats, r: Recommandation): TemplateResult {
  const m = v.m.choisirVisio;
  const url = urlSure(r.url);
  const idTitre = `outil-${r.outilId}`;
  return html`<li class="recommandation" part="recommandation">
    <article aria-labelledby=${idTitre}>
      <h4 id=${idTitre}>
        <span class="rang" part="rang">${m.rang(r.rang)}</span> <span lang="fr">${r.nom}</span>
      </h4>
      ${
        r.raisons.length > 0
          ? html`<p><strong>${m.raisons}</strong></p>
              <ul>
                ${r.raisons.map((raison) => html`<li><span lang="fr">${raison.texte}</span>${renderSource(v.m, raison.source)}</li>`)}
              </ul>`
          : nothing
      }
      <dl>
        ${
          r.limites.length > 0
            ? html`<dt>${m.limites}</dt>
                <dd lang="fr">
                  <ul>
                    ${r.limites.map((l) => html`<li>${l}</li>`)}
                  </ul>
                </dd>`
            : nothing
        }
        <dt>${m.acces}</dt>
        <dd lang="fr">${r.acces}</dd>
        <dt>${m.rgpd}</dt>
        <dd lang="fr">${r.rgpd}</dd>
        ${
          r.deductions?.length
            ? html`<dt>${m.deduit}</dt>
                <dd lang="fr">${r.deductions.join(" ")}</dd>`
            : nothing
        }
        <dt>${m.prochaineEtape}</dt>
        <dd lang="fr">${r.prochaineEtape.texte}</dd>
      </dl>
      <div class="actions">
        ${
          url
            ? html`<a
                class="lien"
                part="lien"
                href=${url}
                target="_blank"
                rel="noopener noreferrer"
                @click=${() => v.choisir(r)}
                >${m.ouvrir(r.nom)}<span class="visuellement-cache"
                  >&nbsp;${v.m.commun.nouvelleFenetre}</span
                ></a
              >`
            : nothing
        }
        <button
          type="button"
          class="secondaire"
          part="bouton bouton-secondaire"
          aria-pressed=${v.choisi === r.outilId ? "true" : "false"}
          aria-describedby=${idTitre}
          @click=${() => v.choisir(r)}
        >
          ${m.choisir}
        </button>
      </div>
      ${
        v.choisi === r.outilId
          ? html`<p class="confirmation" part="confirmation">
              <strong>${m.choisiSuite(r.nom)}</strong> <span lang="fr">${r.prochaineEtape.texte}</span>
            </p>`
          : nothing
      }
    </article>
  </li>`;
}

function renderRecapitulatif(m: Messages["choisirVisio"], besoin: BesoinVisio): TemplateResult {
  const q = m.questions;
  const besoins = BESOINS.filter((b) => besoin[b]).map((b) => m.besoins[b]);
  return html`<details part="recapitulatif">
    <summary>${m.vosReponses}</summary>
    <dl class="recapitulatif">
      <dt>${q.organisateur}</dt>
      <dd>${m.organisateurs[besoin.organisateur]}</dd>
      <dt>${q.avec}</dt>
      <dd>${besoin.avec.map((a) => m.interlocuteurs[a]).join(", ")}</dd>
      <dt>${q.participants}</dt>
      <dd>${besoin.participants}</dd>
      <dt>${q.objet}</dt>
      <dd>${m.objets[besoin.objet]}</dd>
      <dt>${q.niveau}</dt>
      <dd>${m.niveaux[besoin.niveau]}</dd>
      <dt>${q.ent}</dt>
      <dd>${m.ents[besoin.ent]}</dd>
      <dt>${q.besoins}</dt>
      <dd>${besoins.length > 0 ? besoins.join(" ; ") : "—"}</dd>
    </dl>
  </details>`;
}

/**
 * The results: recommended tools with their facts, the folded list of ruled-out tools, a summary of the
 * answers and, when there was a form, « Modifier mes réponses ».
 *
 * @example
 * ```ts
 * renderResultats({ m: messages("fr"), resultat, choisi: undefined, modifiable: true, choisir, modifier });
 * ```
 */
export function renderResultats(v: VueResultats): TemplateResult {
  const m = v.m.choisirVisio;
  const { recommandations, exclusions } = v.resultat;
  return html`<div part="resultats">
    <h3 id="titre-resultats" tabindex="-1">${m.resultats}</h3>
    <p>${m.resume(recommandations.length, exclusions.length)}</p>
    ${recommandations.length === 0 ? html`<p>${m.aucuneRecommandation}</p>` : nothing}
    <ol class="recommandations">
      ${recommandations.map((r) => renderRecommandation(v, r))}
    </ol>
    ${
      exclusions.length > 0
        ? html`<details part="exclusions">
            <summary>${m.ecartes(exclusions.length)}</summary>
            <ul>
              ${exclusions.map(
                (e) =>
                  html`<li data-regle=${e.regle}>
                    <strong lang="fr">${e.nom}</strong> —
                    <span lang="fr">${e.raison}</span>${renderSource(v.m, e.source)}${
                      e.deduction
                        ? html` <span>${m.deduit} : <span lang="fr">${e.deduction}</span></span>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>
          </details>`
        : nothing
    }
    ${renderRecapitulatif(m, v.resultat.besoin)}
    ${
      v.modifiable
        ? html`<div class="actions">
            <button type="button" class="secondaire" part="bouton bouton-secondaire" @click=${v.modifier}>
              ${m.modifier}
            </button>
          </div>`
        : nothing
    }
  </div>`;
}
