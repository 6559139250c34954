import { instantVersHeureParis } from "@trousse/rules";
import { html, nothing, type ReactiveController, type TemplateResult } from "lit";
import type { ApiControleur } from "../controleurs/api.js";
import type { HoteRendreDevoir } from "../controleurs/hote.js";
import type { ChargeEcheances } from "../types-api.js";

/**
 * The due-hour load shown under the due date of the teacher's assignment form: how many hand-ins of the
 * school are already due within the hour (`GET /v1/etablissement/charge-echeances`, the rules decide), and
 * up to three quieter slots, each a button that puts it in the due-date field. Self-contained (its own
 * controller and view) so that the form only gains two lines. A failed lookup shows nothing: the load is
 * advice, never a reason not to save.
 *
 * @example
 * ```ts
 * readonly charge = new ChargeEcheanceControleur(hote, api);
 * html`<input id="f-echeance" @change=${(e) => charge.verifier(e.target.value, devoirId)} />
 *      ${vueChargeEcheance(t, charge, "f-echeance")}`;
 * ```
 */
export class ChargeEcheanceControleur implements ReactiveController {
  charge: ChargeEcheances | undefined;
  private demande = 0;

  constructor(
    private readonly hote: HoteRendreDevoir,
    private readonly api: ApiControleur,
  ) {
    hote.addController(this);
  }

  hostConnected(): void {}

  /** Looks the load up for a due date typed in the form (Paris wall time `AAAA-MM-JJTHH:MM`). */
  async verifier(valeur: string, devoirId?: string): Promise<void> {
    const numero = ++this.demande;
    if (!valeur) {
      this.charge = undefined;
      this.hote.requestUpdate();
      return;
    }
    const r = await this.api.client.chargeEcheances(valeur, devoirId).catch(() => undefined);
    if (numero !== this.demande) return; // a newer date was typed meanwhile
    this.charge = r;
    this.hote.requestUpdate();
  }

  oublier(): void {
    this.charge = undefined;
  }
}

/** The load and the suggested slots; a suggestion's button fills the due-date field `idChamp`. */
export function vueChargeEcheance(
  t: HoteRendreDevoir["t"],
  c: ChargeEcheanceControleur,
  idChamp: string,
): TemplateResult | typeof nothing {
  const charge = c.charge;
  if (!charge) return nothing;
  const choisir = (e: Event, iso: string) => {
    const racine = (e.currentTarget as HTMLElement).getRootNode() as ParentNode;
    const champ = racine.querySelector<HTMLInputElement>(`#${idChamp}`);
    if (!champ) return;
    champ.value = instantVersHeureParis(new Date(iso));
    champ.dispatchEvent(new Event("change", { bubbles: true }));
    champ.focus();
  };
  return html`<div class="charge-echeance" role="status">
    <p>${charge.message}</p>
    ${
      charge.suggestions.length
        ? html`<p>
            ${t.creneauxCalmes}
            ${charge.suggestions.map(
              (s) =>
                html`<button
                  type="button"
                  part="bouton"
                  class="secondaire"
                  @click=${(e: Event) => choisir(e, s.echeance)}
                >
                  ${t.choisirCreneau(s.echeanceAffichee, s.rendus)}
                </button>`,
            )}
          </p>`
        : nothing
    }
  </div>`;
}
