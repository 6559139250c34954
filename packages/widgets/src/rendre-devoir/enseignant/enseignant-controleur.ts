import { ChargeEcheanceControleur } from "./charge-echeance.js";
import type { ReactiveController } from "lit";
import { emettre } from "../../shared/evenement.js";
import type { ApiControleur } from "../controleurs/api.js";
import { focaliserApresRendu, type HoteRendreDevoir } from "../controleurs/hote.js";
import { lireFormulaire, saisieDepuisFormulaire } from "../formulaire-devoir.js";
import { televerser } from "../televerser.js";
import type { Devoir, Groupe, LigneSuivi, ResumeDevoir, Suivi } from "../types-api.js";
import { palierAnnonce } from "../palier-annonce.js";
import { jetonDe } from "../controleurs/coffre-session.js";
import { ApercusControleur } from "./apercus.js";
import { DelaiControleur } from "./delai-controleur.js";

/**
 * The teacher's state and API work in `<trousse-rendre-devoir>` (rendering: `vue-enseignant.ts`): the
 * assignments set, the form to create or edit one, and the follow-up of one assignment, with subject and
 * answer-key uploads, a reminder and feedback. Downloaded with its view after a teacher signs in.
 *
 * @example
 * ```ts
 * const enseignant = new EnseignantControleur(element, api);
 * await enseignant.charger(null);
 * ```
 */
export class EnseignantControleur implements ReactiveController {
  devoirs: ResumeDevoir[] = [];
  groupes: Groupe[] = [];
  /** `null`: a new assignment; a Devoir: editing it; undefined: no form. */
  edition: Devoir | null | undefined;
  suivi: Suivi | undefined;
  /** The assignment followed, for its subject and answer-key files. */
  devoirSuivi: Devoir | undefined;
  /** True while the list is being loaded. */
  chargement = false;
  /** The last confirmation, shown on screen in the follow-up (« Rappel envoyé… », « Retour envoyé… »). */
  confirmation = "";
  /** One pupil's extension, from the follow-up (`delai-controleur.ts`, `vue-delai.ts`). */
  readonly delai: DelaiControleur;
  /** Thumbnails of the handed-in images in the follow-up (`apercus.ts`). */
  readonly apercus: ApercusControleur;
  /** The due-hour load under the form's due date (its own small controller). */
  readonly charge: ChargeEcheanceControleur;

  constructor(
    private readonly hote: HoteRendreDevoir,
    private readonly api: ApiControleur,
  ) {
    hote.addController(this);
    this.delai = new DelaiControleur(hote, api, this);
    this.apercus = new ApercusControleur(hote, api);
    this.charge = new ChargeEcheanceControleur(hote, api);
  }

  /** The follow-up read again (after an extension changed). */
  remplacerSuivi(suivi: Suivi): void {
    this.suivi = suivi;
    this.maj();
  }

  hostConnected(): void {}

  private maj(): void {
    this.hote.requestUpdate();
  }

  reinitialiser(): void {
    this.devoirs = [];
    this.devoirSuivi = undefined;
    this.edition = undefined;
    this.suivi = undefined;
    this.apercus.vider();
  }

  async charger(devoirId: string | null): Promise<void> {
    this.chargement = true;
    this.maj();
    const [liste, groupes] = await Promise.all([
      this.api.agir(() => this.api.client.devoirs()),
      this.api.client.groupes().catch(() => undefined),
    ]);
    this.chargement = false;
    this.devoirs = liste?.devoirs ?? [];
    this.groupes = groupes?.groupes ?? [];
    this.maj();
    if (devoirId) await this.ouvrirSuivi(devoirId);
  }

  private focaliser(selecteur: string): Promise<void> {
    return focaliserApresRendu(this.hote, selecteur);
  }

  async nouveau(): Promise<void> {
    this.edition = null;
    this.suivi = undefined;
    this.maj();
    await this.focaliser("#titre-formulaire");
  }

  async modifier(id: string): Promise<void> {
    const r = await this.api.agir(() => this.api.client.devoir(id));
    if (!r) return;
    this.edition = r.devoir;
    this.suivi = undefined;
    this.maj();
    await this.focaliser("#titre-formulaire");
  }

  async enregistrer(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const saisie = saisieDepuisFormulaire(lireFormulaire(new FormData(e.target as HTMLFormElement)));
    const edite = this.edition;
    const r = await this.api.agir(() =>
      edite ? this.api.client.modifierDevoir(edite.id, saisie) : this.api.client.creerDevoir(saisie),
    );
    if (!r) return;
    this.edition = undefined;
    this.api.annoncer(this.hote.t.devoirCree);
    emettre(this.hote, "trousse-devoir-enregistre", { id: r.devoir.id, titre: r.devoir.titre });
    await this.charger(null);
    await this.focaliser(`[data-suivi="${r.devoir.id}"]`);
  }

  /** Leaves the form or the follow-up for the list. */
  fermer(): void {
    this.edition = undefined;
    this.suivi = undefined;
    this.maj();
  }

  async ouvrirSuivi(id: string): Promise<void> {
    this.confirmation = "";
    this.delai.oublier();
    const [s, d] = await Promise.all([
      this.api.agir(() => this.api.client.suivi(id)),
      this.api.client.devoir(id).catch(() => undefined),
    ]);
    if (!s) return;
    this.suivi = s;
    this.devoirSuivi = d?.devoir;
    this.edition = undefined;
    this.maj();
    await this.focaliser("#titre-suivi");
  }

  /** Uploads subject or answer-key files (tus, resumable) then attaches them to the assignment. */
  async joindre(nature: "sujet" | "corrige", input: HTMLInputElement): Promise<void> {
    const devoirId = this.suivi?.devoir.id;
    const fichiers = Array.from(input.files ?? []);
    if (!devoirId || fichiers.length === 0) return;
    const t = this.hote.t;
    const ok = await this.api.agir(async () => {
      const ids: string[] = [];
      for (const fichier of fichiers) {
        let palier = 0;
        ids.push(
          await televerser({
            api: this.hote.baseApi,
            jeton: () => jetonDe(this.api),
            devoirId,
            fichier,
            onProgres: ({ envoyes, total }) => {
              const p = palierAnnonce(total ? (envoyes / total) * 100 : 0, palier);
              if (p !== null) this.api.annoncer(t.envoi(fichier.name, (palier = p)));
            },
            onReprise: () => this.api.annoncer(t.reprise(fichier.name)),
          }),
        );
      }
      return this.api.client.attacherFichiers(devoirId, nature, ids);
    });
    input.value = "";
    if (!ok) return;
    this.api.annoncer(t.fichiersAjoutes(ok.fichiers.length));
    await this.ouvrirSuivi(devoirId);
  }

  /** Says a result on screen (not only to screen readers) and in the live region. */
  private confirmer(texte: string): void {
    this.confirmation = texte;
    this.api.annoncer(texte);
  }

  /** Sends a reminder, in the teacher's own words when given, to the pupils who have not handed in. */
  async rappeler(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const id = this.suivi?.devoir.id;
    if (!id) return;
    const message = String(new FormData(form).get("message") ?? "").trim();
    const r = await this.api.agir(() => this.api.client.rappeler(id, message || undefined));
    if (!r) return;
    form.reset();
    this.confirmer(this.hote.t.rappelEnvoye(r.envoyes));
  }

  /** Returns feedback on a hand-in: a comment and/or a file (uploaded by tus first). */
  async retourner(e: SubmitEvent, ligne: LigneSuivi): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const donnees = new FormData(form);
    const commentaire = String(donnees.get("commentaire") ?? "").trim();
    const fichier = donnees.get("fichier");
    const aFichier = fichier instanceof File && fichier.size > 0 && fichier.name !== "";
    const devoirId = this.suivi?.devoir.id;
    if (!ligne.rendu || !devoirId) return;
    if (!commentaire && !aFichier) {
      this.api.erreur = this.hote.t.retourVide;
      this.maj();
      return;
    }
    const ok = await this.api.agir(async () => {
      const televersement = aFichier
        ? await televerser({
            api: this.hote.baseApi,
            jeton: () => jetonDe(this.api),
            devoirId,
            fichier: fichier,
            onProgres: () => undefined,
          })
        : undefined;
      return this.api.client.retourner(ligne.rendu!.id, commentaire, televersement);
    });
    if (ok === undefined) return;
    form.reset();
    await this.ouvrirSuivi(devoirId);
    this.confirmer(this.hote.t.retourEnvoyeA(ligne.eleve.nomAffiche));
  }
}
