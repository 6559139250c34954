import { formaterTaille } from "@trousse/rules";
import { html, nothing, type TemplateResult } from "lit";
import type { Langue } from "../../shared/i18n/langue.js";
import type { AccuseReception, MonRendu } from "../types-api.js";
import type { ContexteVue } from "./commun.js";
import { phraseDelai, type DatesPourDelai } from "./delai.js";

/** What a receipt shows, for the version just handed in as for any earlier one. */
export interface Recu {
  version: number;
  /** Server time of the hand-in (ISO 8601, UTC): the commitment's when the files were those promised. */
  renduLe: string;
  /** When the files of a committed hand-in were received (then `renduLe` is the commitment's time). */
  recuLe?: string | null;
  enRetard: boolean;
  declarationCochee: boolean;
  eleve: string;
  titreDevoir: string;
  fichiers: readonly { nom: string; taille: number; sha256: string }[];
  /** The server's sentence, when the receipt was just answered. */
  message?: string;
  /**
   * The extension (dérogation) this version was accepted under, as « Délai accordé jusqu'au … » in the
   * widget's language ({@link phraseDelai}); null without one.
   */
  delai: string | null;
}

/** The assignment a receipt is about: its title, and the dates its extension's sentence reads. */
export type DevoirDuRecu = DatesPourDelai & { titre: string };

/** The receipt of a hand-in just answered by `POST /v1/devoirs/{id}/rendre`. */
export const recuDepuisAccuse = (a: AccuseReception, devoir: DevoirDuRecu, langue: Langue): Recu => ({
  version: a.version,
  renduLe: a.renduLe,
  recuLe: a.recuLe,
  enRetard: a.enRetard,
  declarationCochee: a.declarationCochee,
  eleve: a.eleve.nomAffiche,
  titreDevoir: devoir.titre,
  fichiers: a.fichiers,
  message: a.message,
  delai: phraseDelai(devoir, a.delaiAccorde, langue),
});

/** The receipt of one version listed by `GET /v1/devoirs/{id}/mon-rendu`. */
export const recuDepuisVersion = (
  v: MonRendu["versions"][number],
  eleve: string,
  devoir: DevoirDuRecu,
  langue: Langue,
): Recu => ({
  version: v.version,
  renduLe: v.renduLe,
  recuLe: v.recuLe,
  enRetard: v.enRetard,
  declarationCochee: v.declarationCochee,
  eleve,
  titreDevoir: devoir.titre,
  fichiers: v.fichiers,
  delai: phraseDelai(devoir, v.delaiAccorde, langue),
});

/**
 * An instant in Paris time to the second, e.g. « mardi 1 décembre 2026 à 21:03:07 ».
 *
 * @example
 * ```ts
 * aLaSeconde("2026-12-01T20:03:07.412Z", "fr"); // "mardi 1 décembre 2026 à 21:03:07"
 * ```
 */
export function aLaSeconde(iso: string, langue: Langue): string {
  return new Intl.DateTimeFormat(langue === "en" ? "en-GB" : "fr-FR", {
    timeZone: "Europe/Paris",
    dateStyle: "full",
    timeStyle: "medium",
  }).format(new Date(iso));
}

/**
 * The printable receipt (accusé de réception): pupil, assignment, server time to the second, on time or
 * late, version, each file with its size and SHA-256 fingerprint, and « Imprimer l'accusé ».
 *
 * @example
 * ```ts
 * html`${vueAccuse(c, recuDepuisAccuse(accuse, devoir.titre), () => eleve.fermerAccuse())}`;
 * ```
 */
export function vueAccuse(c: ContexteVue, r: Recu, fermer?: () => void): TemplateResult {
  const t = c.hote.t;
  const langue = c.hote.langueUi;
  return html`<section part="accuse" class="accuse" aria-labelledby="titre-accuse">
    <h3 id="titre-accuse" tabindex="-1">${t.accuse} — ${t.version} ${r.version}</h3>
    ${r.message ? html`<p class="message">${r.message}</p>` : nothing}
    ${
      // The server's French sentence already says it in French; otherwise (English, an earlier version) here.
      r.delai && !r.message?.includes(r.delai) ? html`<p class="delai">${r.delai}</p>` : nothing
    }
    <dl>
      <dt>${t.eleve}</dt>
      <dd>${r.eleve}</dd>
      <dt>${t.titreDevoir}</dt>
      <dd>${r.titreDevoir}</dd>
      <dt>${r.recuLe ? t.engageLe : t.renduLe}</dt>
      <dd>
        <time datetime=${r.renduLe}>${aLaSeconde(r.renduLe, langue)}</time>
        <small>(${t.heureServeur})</small> — ${t.ponctualite(r.enRetard)}
      </dd>
      ${
        r.recuLe
          ? html`<dt>${t.recuLe}</dt>
              <dd><time datetime=${r.recuLe}>${aLaSeconde(r.recuLe, langue)}</time></dd>`
          : nothing
      }
      <dt>${t.version}</dt>
      <dd>${r.version}</dd>
      ${
        r.declarationCochee
          ? html`<dt>${t.declaration}</dt>
              <dd>${t.declarationFaite}</dd>`
          : nothing
      }
    </dl>
    <h4>${t.fichiers}</h4>
    <ul>
      ${r.fichiers.map(
        (f) =>
          html`<li>
            ${f.nom} (${formaterTaille(f.taille, langue)})<br /><small
              >${t.empreinte} : <code>${f.sha256}</code></small
            >
          </li>`,
      )}
    </ul>
    <p class="actions non-imprime">
      <button type="button" part="bouton" class="secondaire" @click=${() => globalThis.print()}>
        ${t.imprimer}
      </button>
      ${
        fermer
          ? html`<button type="button" part="bouton" class="secondaire" @click=${fermer}>
              ${t.fermerAccuse}
            </button>`
          : nothing
      }
    </p>
  </section>`;
}
