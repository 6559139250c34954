import type { ReactiveController } from "lit";
import { emettre } from "../../shared/evenement.js";
import type {
  AccuseEngagement,
  AccuseReception,
  Devoir,
  LectureDevoir,
  MonRendu,
  Rappel,
  ResumeDevoir,
} from "../types-api.js";
import type { ApiControleur } from "./api.js";
import type { EnvoisControleur } from "./envois.js";
import { focaliserApresRendu, type HoteRendreDevoir } from "./hote.js";

/** The assignment a pupil has opened. */
export interface DevoirOuvert {
  devoir: Devoir;
  statut: string;
  libelle: string;
  /** The pupil's own extension (dérogation): their effective dates, or null. */
  delaiAccorde: LectureDevoir["delaiAccorde"] | null;
}

/**
 * The pupil's state and API work in `<trousse-rendre-devoir>`: unread reminders, the assignments to hand
 * in, the one opened (with the pupil's hand-ins and the teacher's feedback), the honesty box, the hand-in
 * and its receipt. The files being uploaded are {@link EnvoisControleur}'s; the rendering is
 * `vues/vue-eleve.ts`'s.
 *
 * @example
 * ```ts
 * const eleve = new EleveControleur(element, api, envois);
 * await eleve.charger(null);
 * await eleve.ouvrir(id);
 * ```
 */
export class EleveControleur implements ReactiveController {
  devoirs: ResumeDevoir[] = [];
  rappels: Rappel[] = [];
  courant: DevoirOuvert | undefined;
  monRendu: MonRendu | undefined;
  /** True while the list is being loaded (the view says so, `aria-busy`, instead of « Aucun devoir »). */
  chargement = false;
  /** The receipt just answered by the hand-in. */
  accuse: AccuseReception | undefined;
  /** The version whose receipt the pupil asked to see again (from « Mes rendus »). */
  versionAccuse: number | undefined;
  declarationCochee = false;
  /** The provisional receipt of the commitment, while the files are still going up. */
  engagement: AccuseEngagement | undefined;
  /** True from « Rendre » until the receipt (or a failure): the button waits. */
  rendreEnCours = false;

  constructor(
    private readonly hote: HoteRendreDevoir,
    private readonly api: ApiControleur,
    readonly envois: EnvoisControleur,
  ) {
    hote.addController(this);
  }

  hostConnected(): void {}

  private maj(): void {
    this.hote.requestUpdate();
  }

  reinitialiser(): void {
    this.devoirs = [];
    this.rappels = [];
    this.courant = undefined;
    this.monRendu = undefined;
    this.accuse = undefined;
    this.engagement = undefined;
    this.envois.vider();
  }

  async charger(devoirId: string | null): Promise<void> {
    const client = this.api.client;
    this.chargement = true;
    this.maj();
    const [liste, rappels] = await Promise.all([
      this.api.agir(() => client.devoirs()),
      client.rappels().catch(() => undefined),
    ]);
    this.chargement = false;
    this.devoirs = liste?.devoirs ?? [];
    this.rappels = rappels?.rappels.filter((r) => !r.lu) ?? [];
    this.maj();
    if (devoirId) await this.ouvrir(devoirId);
  }

  async ouvrir(id: string): Promise<void> {
    const client = this.api.client;
    const [d, r] = await Promise.all([
      this.api.agir(() => client.devoir(id)),
      client.monRendu(id).catch(() => undefined),
    ]);
    if (!d) return;
    this.courant = {
      devoir: d.devoir,
      statut: d.statut ?? "",
      libelle: d.libelle ?? "",
      delaiAccorde: d.delaiAccorde ?? null,
    };
    this.monRendu = r;
    this.envois.vider();
    this.accuse = undefined;
    this.engagement = undefined;
    this.versionAccuse = undefined;
    this.declarationCochee = false;
    this.maj();
    await focaliserApresRendu(this.hote, "#titre-devoir");
  }

  async fermer(): Promise<void> {
    const id = this.courant?.devoir.id;
    this.courant = undefined;
    await this.charger(null);
    if (id) await focaliserApresRendu(this.hote, `[data-devoir="${id}"]`);
  }

  async marquerLu(r: Rappel): Promise<void> {
    await this.api.agir(() => this.api.client.marquerLu(r.id));
    this.rappels = this.rappels.filter((x) => x.id !== r.id);
    this.maj();
  }

  /** Shows again the receipt of one version (every version's stays viewable and printable). */
  async voirAccuse(version: number): Promise<void> {
    this.accuse = undefined;
    this.versionAccuse = version;
    this.maj();
    await focaliserApresRendu(this.hote, "#titre-accuse");
  }

  /** Closes the receipt; the focus goes back to the button that opens it again. */
  async fermerAccuse(): Promise<void> {
    const version = this.accuse?.version ?? this.versionAccuse;
    this.accuse = undefined;
    this.versionAccuse = undefined;
    this.maj();
    if (version !== undefined) await focaliserApresRendu(this.hote, `[data-accuse="${version}"]`);
  }

  cocherDeclaration(cochee: boolean): void {
    this.declarationCochee = cochee;
    this.maj();
  }

  /**
   * « Rendre »: first commits to the files (their SHA-256 and sizes, hashed in the browser) — the moment that
   * counts, answered by a provisional receipt —, then waits for the uploads still going up (a busy server
   * makes them wait and resume by themselves), then hands them in; shows the receipt and moves the focus to it.
   */
  async rendre(): Promise<void> {
    const devoir = this.courant?.devoir;
    const actifs = this.envois.actifs();
    if (!devoir || actifs.length === 0 || this.rendreEnCours) return;
    const client = this.api.client;
    this.rendreEnCours = true;
    this.maj();
    try {
      const fichiers = await Promise.all(
        actifs.map(async (e) => ({ sha256: await e.empreinte!, taille: e.fichier.size, nom: e.nom })),
      );
      const e = await this.api.agir(() => client.engager(devoir.id, fichiers));
      if (!e) return;
      this.engagement = e.engagement;
      this.envois.horodate = true;
      this.api.annoncer(e.engagement.message);
      this.maj();
      const ids = await Promise.all(actifs.map((x) => x.fin!)).catch(() => undefined);
      if (!ids) return; // the failed file says why; « Rendre » again commits anew
      await this.remettre(devoir, ids);
    } finally {
      this.rendreEnCours = false;
      this.maj();
    }
  }

  private async remettre(devoir: Devoir, ids: string[]): Promise<void> {
    const client = this.api.client;
    const r = await this.api.agir(() => client.rendre(devoir.id, ids, this.declarationCochee));
    if (!r) return;
    this.engagement = undefined;
    this.accuse = r.accuseReception;
    this.versionAccuse = undefined;
    // Each version is declared anew: the honesty box is unticked for the next one.
    this.declarationCochee = false;
    this.envois.vider();
    this.api.annoncer(`${this.hote.t.accuse} : ${r.accuseReception.message}`);
    emettre(this.hote, "trousse-rendu", r.accuseReception);
    const [d, m] = await Promise.all([
      client.devoir(devoir.id).catch(() => undefined),
      client.monRendu(devoir.id).catch(() => undefined),
    ]);
    if (d && this.courant)
      Object.assign(this.courant, {
        statut: d.statut ?? "",
        libelle: d.libelle ?? "",
        delaiAccorde: d.delaiAccorde ?? null,
      });
    this.monRendu = m;
    this.maj();
    await focaliserApresRendu(this.hote, "#titre-accuse");
  }
}
