import type { ReactiveController } from "lit";
import { ErreurApiTrousse, type DetailErreur } from "../client-api.js";
import type { ApiControleur } from "../controleurs/api.js";
import { focaliserApresRendu, type HoteRendreDevoir } from "../controleurs/hote.js";
import type { LigneSuivi, Suivi } from "../types-api.js";
import { phraseDelai } from "../vues/delai.js";

/** The fields of the extension form, and `""` for a problem of the whole request. */
export type ChampDelai = "echeance" | "dateLimite" | "motif" | "";

/** What the follow-up controller gives this one: the follow-up shown, and how to replace it. */
export interface SuiviOuvert {
  readonly suivi: Suivi | undefined;
  /** The assignment followed (its dates make the sentence « Délai accordé jusqu'au … »). */
  readonly devoirSuivi:
    { dates: { ouverture: string; echeance: string; dateLimite: string | null } } | undefined;
  remplacerSuivi(suivi: Suivi): void;
}

/**
 * The teacher's extension (dérogation) for one pupil, from the follow-up (rendering: `vue-delai.ts`): open
 * the form on a pupil's line, grant or change their due date and/or cut-off (`PUT …/derogations/{eleveId}`),
 * or withdraw it (`DELETE`). The rules' refusals come back per field (`details` of the 400) and are shown
 * under each field; a success is said on screen (not only to screen readers) and the follow-up is read again.
 * Part of the teacher's chunk.
 *
 * @example
 * ```ts
 * const delai = new DelaiControleur(element, api, enseignant);
 * await delai.ouvrir(ligne);
 * ```
 */
export class DelaiControleur implements ReactiveController {
  /** The pupil whose form is open (undefined: none), and the assignment it is about. */
  ouvert: { devoirId: string; ligne: LigneSuivi } | undefined;
  /** The rules' messages, per field, of the last refusal. */
  erreurs: Partial<Record<ChampDelai, string>> = {};
  /** The last result, shown on screen in the follow-up. */
  confirmation: { devoirId: string; texte: string } | undefined;

  constructor(
    private readonly hote: HoteRendreDevoir,
    private readonly api: ApiControleur,
    private readonly suivi: SuiviOuvert,
  ) {
    hote.addController(this);
  }

  hostConnected(): void {}

  private maj(): void {
    this.hote.requestUpdate();
  }

  /** Closes the form and forgets the last result (a follow-up opened anew starts clean). */
  oublier(): void {
    this.ouvert = undefined;
    this.erreurs = {};
    this.confirmation = undefined;
  }

  /** Opens the form for this pupil; the focus goes to its title. */
  async ouvrir(ligne: LigneSuivi): Promise<void> {
    const devoirId = this.suivi.suivi?.devoir.id;
    if (!devoirId) return;
    this.ouvert = { devoirId, ligne };
    this.erreurs = {};
    this.confirmation = undefined;
    this.maj();
    await focaliserApresRendu(this.hote, "#titre-delai");
  }

  /** Closes the form; the focus goes back to the pupil's button. */
  async fermer(): Promise<void> {
    const eleveId = this.ouvert?.ligne.eleve.id;
    this.ouvert = undefined;
    this.erreurs = {};
    this.maj();
    if (eleveId) await focaliserApresRendu(this.hote, `[data-delai="${eleveId}"]`);
  }

  /** Grants or replaces the extension from the form's values (Paris wall time, as the inputs give it). */
  async enregistrer(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const o = this.ouvert;
    if (!o) return;
    const f = new FormData(e.target as HTMLFormElement);
    const lire = (nom: string) => String(f.get(nom) ?? "").trim() || null;
    const corps = { echeance: lire("echeance"), dateLimite: lire("dateLimite"), motif: lire("motif") };
    const r = await this.api.agir(async () => {
      try {
        const { derogation } = await this.api.client.accorderDelai(o.devoirId, o.ligne.eleve.id, corps);
        return { derogation, refus: undefined };
      } catch (erreur) {
        // The rules' refusals (400 with one detail per field) go under their fields, not to the alert.
        if (erreur instanceof ErreurApiTrousse && erreur.status === 400 && erreur.details.length > 0)
          return { derogation: undefined, refus: erreur.details };
        throw erreur;
      }
    });
    if (!r) return;
    if (!r.derogation) return this.refuser(r.refus ?? []);
    const phrase =
      phraseDelai(this.suivi.devoirSuivi?.dates, r.derogation.delaiAccorde, this.hote.langueUi) ?? "";
    await this.relire(o.devoirId, this.hote.t.delaiEnregistre(o.ligne.eleve.nomAffiche, phrase));
  }

  /** Withdraws the pupil's extension. */
  async retirer(): Promise<void> {
    const o = this.ouvert;
    if (!o) return;
    const ok = await this.api.agir(() => this.api.client.retirerDelai(o.devoirId, o.ligne.eleve.id));
    if (!ok) return;
    await this.relire(o.devoirId, this.hote.t.delaiRetire(o.ligne.eleve.nomAffiche));
  }

  private async refuser(details: readonly DetailErreur[]): Promise<void> {
    const erreurs: Partial<Record<ChampDelai, string>> = {};
    for (const d of details) {
      const champ: ChampDelai =
        d.champ === "echeance" || d.champ === "dateLimite" || d.champ === "motif" ? d.champ : "";
      erreurs[champ] = erreurs[champ] ? `${erreurs[champ]} ${d.message}` : d.message;
    }
    this.erreurs = erreurs;
    this.api.annoncer(this.hote.t.erreursDelai);
    this.maj();
    const premier = (["echeance", "dateLimite", "motif"] as const).find((c) => erreurs[c]);
    await focaliserApresRendu(this.hote, premier ? `#delai-${premier}` : "#delai-erreur");
  }

  /** Reads the follow-up again, closes the form and says the result on screen and to screen readers. */
  private async relire(devoirId: string, texte: string): Promise<void> {
    const eleveId = this.ouvert?.ligne.eleve.id;
    const s = await this.api.client.suivi(devoirId).catch(() => undefined);
    if (s) this.suivi.remplacerSuivi(s);
    this.ouvert = undefined;
    this.erreurs = {};
    this.confirmation = { devoirId, texte };
    this.api.annoncer(texte);
    this.maj();
    if (eleveId) await focaliserApresRendu(this.hote, `[data-delai="${eleveId}"]`);
  }
}
