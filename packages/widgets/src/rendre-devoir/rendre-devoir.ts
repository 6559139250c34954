import { html, LitElement, nothing, type TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import { emettre } from "../shared/evenement.js";
import { langueDeElement, type Langue } from "../shared/i18n/langue.js";
import { textesRendreDevoir, type MessagesRendreDevoir } from "../shared/i18n/rendre-devoir.js";
import { themeStyles } from "../shared/theme.js";
import { baseApi } from "./client-api.js";
import { ApiControleur } from "./controleurs/api.js";
import { DELAI_INACTIVITE_MINUTES } from "./controleurs/coffre-session.js";
import { EleveControleur } from "./controleurs/eleve.js";
import { EnvoisControleur } from "./controleurs/envois.js";
import { focaliserApresRendu, type HoteRendreDevoir } from "./controleurs/hote.js";
import { ParentControleur } from "./controleurs/parent.js";
import type * as ModuleEnseignant from "./enseignant/vue-enseignant.js";
import { rendreDevoirStyles } from "./rendre-devoir.styles.js";
import type { Profil } from "./types-api.js";
import type { ContexteVue } from "./vues/commun.js";
import type * as ModuleEleve from "./vues/vue-eleve.js";
import type * as ModuleParent from "./vues/vue-parent.js";

/** Name of the element. */
export const NOM_RENDRE_DEVOIR = "trousse-rendre-devoir";

/** Detail of `trousse-connexion`: who signed in (no token). */
export interface DetailConnexion {
  role: Profil["role"];
  nomAffiche: string;
}

/**
 * `<trousse-rendre-devoir>` — hand in homework from an ENT page. Signs in through the ENT (popup, token by
 * `postMessage`, kept in memory only), then by role: a pupil sees the assignments to hand in, uploads files
 * (resumable) and gets a printable receipt; a teacher creates and edits assignments, follows who handed in,
 * downloads everything, sends reminders and returns feedback; a parent sees each child's statuses.
 *
 * @attr api - address of the Trousse server. Default: the origin the script was loaded from.
 * @attr ent-connexion - id of the ENT to sign in with, as configured on the server (`TROUSSE_ENTS`); absent:
 *   the user chooses. (`ent`, its former name, is still read; in `<trousse-choisir-visio>`, `ent` is the
 *   kind of ENT the school uses, a different thing.)
 * @attr devoir - id of one assignment: the widget opens it directly.
 * @attr lang - `en` for English (the server's messages stay in French).
 * @attr theme - `ode` or `sn62`.
 * @attr delai-inactivite - minutes without activity in the widget after which it signs out and forgets its
 *   token (default 30; `0`: never for idleness — the session still ends at its expiry).
 * @fires trousse-connexion - after sign-in: `{ role, nomAffiche }`.
 * @fires trousse-rendu - after a hand-in: the receipt (`AccuseReception`).
 * @fires trousse-devoir-enregistre - after a teacher saves an assignment: `{ id, titre }`.
 * State and API work live in reactive controllers (`controleurs/`: {@link ApiControleur},
 * {@link EleveControleur}, {@link EnvoisControleur}, {@link ParentControleur}, and the teacher's, loaded
 * with its view); this element only renders, through the views of `vues/` and `enseignant/`.
 *
 * @csspart base - the widget's frame.
 * @csspart titre - its title.
 * @csspart bouton - every button (and file-picker label).
 * @csspart bouton-principal - the main action of a view (sign in, hand in, save).
 * @csspart zone-depot - the drop zone.
 * @csspart progression - one upload's progress bar.
 * @csspart accuse - a receipt (accusé de réception), printable.
 * @csspart confirmation - the teacher's on-screen confirmation (reminder sent, feedback sent).
 * @csspart erreur - the alert region.
 * @csspart tableau - the teacher's follow-up table.
 * @cssproperty --trousse-couleur-principale - and the other theme tokens of `shared/theme.ts`.
 */
export class TrousseRendreDevoir extends LitElement implements HoteRendreDevoir {
  static override styles = [themeStyles, rendreDevoirStyles];

  @property() api: string | null = null;
  /** The configured ENT to sign in with (`ent-connexion`; `ent`, its former name, is still read). */
  @property({ attribute: "ent-connexion" }) entConnexion: string | null = null;
  @property() ent: string | null = null;
  @property() devoir: string | null = null;
  @property({ attribute: "lang" }) langue: string | null = null;
  @property({ reflect: true }) theme: string | null = null;
  @property({ attribute: "delai-inactivite", type: Number }) delaiInactivite = DELAI_INACTIVITE_MINUTES;

  /** Session, client, busy state, errors and announcements. */
  readonly connexion = new ApiControleur(this);
  /** The pupil's files being uploaded (the one upload path). */
  readonly envois = new EnvoisControleur(this, this.connexion);
  readonly eleve = new EleveControleur(this, this.connexion, this.envois);
  readonly parent = new ParentControleur(this, this.connexion);
  /** The teacher's controller and view: a separate chunk, downloaded after a teacher signs in. */
  private enseignant:
    { module: typeof ModuleEnseignant; controleur: ModuleEnseignant.EnseignantControleur } | undefined;
  private minuterie: ReturnType<typeof setInterval> | undefined;
  /**
   * The pupil's and the parent's views: not needed for the first render (the sign-in screen), so a chunk of
   * their own, fetched as soon as sign-in starts (it arrives while the ENT window is open).
   */
  private vues: { eleve: typeof ModuleEleve; parent: typeof ModuleParent } | undefined;
  private vuesEnCours: Promise<void> | undefined;

  constructor() {
    super();
    // Activity in the widget (its shadow DOM's events are composed) restarts the idle countdown.
    for (const type of ["pointerdown", "keydown"] as const)
      this.addEventListener(type, () => this.connexion.activite(), { passive: true });
    this.connexion.surSessionPerdue = () => {
      this.eleve.reinitialiser();
      this.parent.reinitialiser();
      this.enseignant?.controleur.reinitialiser();
    };
  }

  /** The UI language (the element's `lang`, else the closest ancestor's). */
  get langueUi(): Langue {
    return langueDeElement(this);
  }

  /** The texts in the element's language. */
  get t(): MessagesRendreDevoir {
    return textesRendreDevoir.messages(this.langueUi);
  }

  /** The API's base address (attribute, else the origin this script came from). */
  get baseApi(): string {
    return baseApi(this.api ?? new URL(import.meta.url).origin);
  }

  private get contexte(): ContexteVue {
    return { hote: this, api: this.connexion };
  }

  protected override willUpdate(changements: Map<PropertyKey, unknown>): void {
    if (changements.has("delaiInactivite")) this.connexion.delaiInactiviteMinutes = this.delaiInactivite;
  }

  protected override async scheduleUpdate(): Promise<void> {
    const langue = this.langueUi;
    if (!textesRendreDevoir.pret(langue)) await textesRendreDevoir.charger(langue).catch(() => undefined);
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The countdown near a deadline: re-render every 30 s.
    this.minuterie = setInterval(() => this.requestUpdate(), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.minuterie);
  }

  protected override firstUpdated(): void {
    globalThis.performance?.mark?.(`${NOM_RENDRE_DEVOIR}:premier-rendu`);
  }

  /** Fetches the pupil's and parent's views once (a failure is retried on the next call). */
  private chargerVues(): Promise<void> {
    this.vuesEnCours ??= Promise.all([import("./vues/vue-eleve.js"), import("./vues/vue-parent.js")]).then(
      ([eleve, parent]) => {
        this.vues = { eleve, parent };
        this.requestUpdate();
      },
      (e: unknown) => {
        this.vuesEnCours = undefined;
        throw e;
      },
    );
    return this.vuesEnCours;
  }

  async seConnecter(): Promise<void> {
    void this.chargerVues().catch(() => undefined);
    const profil = await this.connexion.seConnecter(this.entConnexion ?? this.ent);
    if (!profil) return;
    emettre<DetailConnexion>(this, "trousse-connexion", { role: profil.role, nomAffiche: profil.nomAffiche });
    await this.chargerSelonRole(profil.role);
    // The new view's title takes the focus (WCAG 2.4.3): not lost on <body> when the sign-in button goes.
    await focaliserApresRendu(this, "#titre-liste, #titre-enfants");
  }

  async seDeconnecter(): Promise<void> {
    await this.connexion.seDeconnecter();
  }

  private async chargerSelonRole(role: Profil["role"]): Promise<void> {
    if (role === "eleve" || role === "parent") {
      // The views' chunk (most likely already there) and the list, together.
      await Promise.all([
        this.chargerVues().catch((e: unknown) => {
          this.connexion.erreur = e instanceof Error ? e.message : String(e);
          this.requestUpdate();
        }),
        role === "eleve" ? this.eleve.charger(this.devoir) : this.parent.charger(),
      ]);
    } else if (role === "enseignant") {
      const module = await this.connexion.agir(() => import("./enseignant/vue-enseignant.js"));
      if (!module) return;
      const controleur = this.enseignant?.controleur ?? new module.EnseignantControleur(this, this.connexion);
      this.enseignant = { module, controleur };
      await controleur.charger(this.devoir);
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const { connecte, profil, enCours, annonce, erreur } = this.connexion;
    return html`<section
      part="base"
      class="base"
      aria-labelledby="titre"
      aria-busy=${enCours ? "true" : "false"}
    >
      <div class="entete non-imprime">
        <h2 id="titre" part="titre">${profil?.role === "parent" && connecte ? t.titreParent : t.titre}</h2>
        ${
          connecte && profil
            ? html`<p class="qui">
                ${t.bonjour(profil.nomAffiche)}
                <button
                  type="button"
                  part="bouton"
                  class="secondaire"
                  @click=${() => void this.seDeconnecter()}
                >
                  ${t.seDeconnecter}
                </button>
              </p>`
            : nothing
        }
      </div>
      <p class="visuellement-cache" role="status" aria-live="polite">${annonce}</p>
      <div role="alert" class="erreur" part="erreur" ?hidden=${!erreur}>${erreur}</div>
      ${connecte ? this.vueRole() : this.vueConnexion()}
    </section>`;
  }

  private vueConnexion(): TemplateResult {
    return html`<div class="connexion">
      <p>${this.t.connexionIntro}</p>
      <button
        type="button"
        part="bouton bouton-principal"
        class="principal"
        @click=${() => void this.seConnecter()}
      >
        ${this.t.seConnecter}
      </button>
    </div>`;
  }

  private vueRole(): TemplateResult {
    const role = this.connexion.profil?.role;
    if ((role === "eleve" || role === "parent") && !this.vues) return html`<p>${this.t.chargement}</p>`;
    if (role === "eleve") return this.vues!.eleve.vueEleve(this.contexte, this.eleve);
    if (role === "enseignant")
      return this.enseignant
        ? this.enseignant.module.vueEnseignant(this.contexte, this.enseignant.controleur)
        : html`<p>${this.t.chargement}</p>`;
    if (role === "parent") return this.vues!.parent.vueParent(this.contexte, this.parent.enfants ?? []);
    return html`<p>${this.t.aucunDevoir}</p>`;
  }
}
