import { instantVersHeureParis } from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import type { Devoir, LigneSuivi, Suivi } from "../types-api.js";
import type { ContexteVue } from "../vues/commun.js";
import { phraseDelai } from "../vues/delai.js";
import type { ChampDelai, DelaiControleur } from "./delai-controleur.js";

/**
 * In a pupil's line of the follow-up: « Délai accordé jusqu'au … » (and its reason, for the teacher) when
 * they have one, and the button that opens the form to grant, change or withdraw it.
 *
 * @example
 * ```ts
 * html`<td>${celluleDelai(c, enseignant.delai, ligne, enseignant.devoirSuivi)}</td>`;
 * ```
 */
export function celluleDelai(
  c: ContexteVue,
  delai: DelaiControleur,
  l: LigneSuivi,
  devoir: Devoir | undefined,
): TemplateResult {
  const t = c.hote.t;
  const phrase = phraseDelai(devoir?.dates, l.delaiAccorde, c.hote.langueUi);
  const ouvert = delai.ouvert?.ligne.eleve.id === l.eleve.id;
  const action = l.delaiAccorde ? t.modifierDelai : t.accorderDelai;
  return html`${
      phrase
        ? html`<br /><span class="delai">${phrase}</span>${
              l.delaiAccorde?.motif ? html` <small>(${t.motif} : ${l.delaiAccorde.motif})</small>` : nothing
            }`
        : nothing
    } <br /><button
      type="button"
      part="bouton"
      class="lien"
      data-delai=${l.eleve.id}
      aria-expanded=${ouvert ? "true" : "false"}
      aria-controls="formulaire-delai"
      @click=${() => void delai.ouvrir(l)}
    >
      ${action}<span class="visuellement-cache"> : ${l.eleve.nomAffiche}</span>
    </button>`;
}

/**
 * The extension form of the pupil chosen in the follow-up (due date and/or cut-off in Paris time, a reason),
 * each field with the rules' message when refused; and the last result, on screen.
 *
 * @example
 * ```ts
 * html`${vueDelai(c, enseignant.delai, suivi, enseignant.devoirSuivi)}`;
 * ```
 */
export function vueDelai(
  c: ContexteVue,
  delai: DelaiControleur,
  s: Suivi,
  devoir: Devoir | undefined,
): TemplateResult | typeof nothing {
  const t = c.hote.t;
  const confirmation =
    delai.confirmation?.devoirId === s.devoir.id
      ? html`<p class="confirmation" part="confirmation" data-confirmation="delai">
          ${delai.confirmation.texte}
        </p>`
      : nothing;
  const o = delai.ouvert;
  if (!o || o.devoirId !== s.devoir.id) return confirmation;
  const l = s.eleves.find((e) => e.eleve.id === o.ligne.eleve.id) ?? o.ligne;
  const v = valeurs(l, devoir);
  const e = delai.erreurs;
  const champ = (nom: Exclude<ChampDelai, "">, libelle: string, type: "datetime-local" | "text") =>
    html`<p class="champ">
      <label for="delai-${nom}"
        >${libelle}${type === "datetime-local" ? html` <small>(${t.heureParis})</small>` : nothing}</label
      >
      <input
        id="delai-${nom}"
        name=${nom}
        type=${type}
        .value=${v[nom]}
        maxlength=${type === "text" ? "200" : nothing}
        aria-invalid=${e[nom] ? "true" : "false"}
        aria-describedby=${e[nom] ? `delai-${nom}-erreur` : "aide-delai"}
      />
      ${e[nom] ? html`<span id="delai-${nom}-erreur" class="erreur erreur-champ">${e[nom]}</span>` : nothing}
    </p>`;
  return html`<form
    id="formulaire-delai"
    class="formulaire delai-formulaire"
    aria-labelledby="titre-delai"
    novalidate
    @submit=${(ev: SubmitEvent) => void delai.enregistrer(ev)}
  >
    <h4 id="titre-delai" tabindex="-1">${t.titreDelai(l.eleve.nomAffiche)}</h4>
    <p id="aide-delai" class="aide">${t.aideDelai}</p>
    ${e[""] ? html`<p id="delai-erreur" class="erreur erreur-champ" tabindex="-1">${e[""]}</p>` : nothing}
    ${champ("echeance", t.echeanceAccordee, "datetime-local")}
    ${champ("dateLimite", t.dateLimiteAccordee, "datetime-local")} ${champ("motif", t.motifDelai, "text")}
    <p class="actions">
      <button type="submit" part="bouton bouton-principal" class="principal" ?disabled=${c.api.enCours}>
        ${t.enregistrerDelai}
      </button>
      ${
        l.delaiAccorde
          ? html`<button
              type="button"
              part="bouton"
              class="secondaire"
              ?disabled=${c.api.enCours}
              @click=${() => void delai.retirer()}
            >
              ${t.retirerDelai}
            </button>`
          : nothing
      }
      <button type="button" part="bouton" class="secondaire" @click=${() => void delai.fermer()}>
        ${t.annuler}
      </button>
    </p>
  </form>`;
}

/**
 * The form's starting values: the pupil's effective dates when they have an extension (in Paris time),
 * only those that give more than the assignment (what the rules accept again unchanged).
 */
function valeurs(l: LigneSuivi, devoir: Devoir | undefined): Record<Exclude<ChampDelai, "">, string> {
  const d = l.delaiAccorde;
  const paris = (iso: string) => instantVersHeureParis(new Date(iso));
  const echeanceDevoir = devoir ? Date.parse(devoir.dates.echeance) : Number.NaN;
  const finDevoir = devoir ? Date.parse(devoir.dates.dateLimite ?? devoir.dates.echeance) : Number.NaN;
  return {
    echeance: d && !(Date.parse(d.echeance) <= echeanceDevoir) ? paris(d.echeance) : "",
    dateLimite: d?.dateLimite && !(Date.parse(d.dateLimite) <= finDevoir) ? paris(d.dateLimite) : "",
    motif: d?.motif ?? "",
  };
}
