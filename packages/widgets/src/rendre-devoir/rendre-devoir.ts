import { html, LitElement, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { emettre } from "../shared/evenement.js";
import { langueDeElement } from "../shared/i18n/langue.js";
import { themeStyles } from "../shared/theme.js";
import { baseApi, creerClientApi, ErreurApiTrousse, type ClientApi } from "./client-api.js";
import { rendreDevoirStyles } from "./rendre-devoir.styles.js";
import { CoffreSession, DELAI_INACTIVITE_MINUTES, lierCoffre } from "./coffre-session.js";
import { ouvrirConnexion } from "./session.js";
import { textesFr, type TextesRendre } from "./textes.js";
import type { Profil } from "./types-api.js";
import { VueEleve } from "./vue-eleve.js";
import type { VueEnseignant } from "./vue-enseignant.js";
import { vueParent } from "./vue-parent.js";
import type { EnfantStatuts } from "./types-api.js";

/** Name of the element. */
export const NOM_RENDRE_DEVOIR = "trousse-rendre-devoir";

/** Detail of `trousse-connexion`: who signed in (no token). */
export interface DetailConnexion {
  role: Profil["role"];
  nomAffiche: string;
}

let textesEn: TextesRendre | undefined;

/**
 * `<trousse-rendre-devoir>` — hand in homework from an ENT page. Signs in through the ENT (popup, token by
 * `postMessage`, kept in memory only), then by role: a pupil sees the assignments to hand in, uploads files
 * (resumable) and gets a printable receipt; a teacher creates and edits assignments, follows who handed in,
 * downloads everything, sends reminders and returns feedback; a parent sees each child's statuses.
 *
 * @attr api - address of the Trousse server. Default: the origin the script was loaded from.
 * @attr ent - id of the ENT to sign in with (as configured on the server); absent: the user chooses.
 * @attr devoir - id of one assignment: the widget opens it directly.
 * @attr lang - `en` for English (the server's messages stay in French).
 * @attr theme - `ode` or `sn62`.
 * @attr delai-inactivite - minutes without activity in the widget after which it signs out and forgets its
 *   token (default 30; `0`: never for idleness — the session still ends at its expiry).
 * @fires trousse-connexion - after sign-in: `{ role, nomAffiche }`.
 * @fires trousse-rendu - after a hand-in: the receipt (`AccuseReception`).
 * @fires trousse-devoir-enregistre - after a teacher saves an assignment: `{ id, titre }`.
 * @csspart base, titre, bouton, bouton-principal, zone-depot, progression, accuse, erreur, tableau
 */
export class TrousseRendreDevoir extends LitElement {
  static override styles = [themeStyles, rendreDevoirStyles];

  @property() api: string | null = null;
  @property() ent: string | null = null;
  @property() devoir: string | null = null;
  @property({ attribute: "lang" }) langue: string | null = null;
  @property({ reflect: true }) theme: string | null = null;
  @property({ attribute: "delai-inactivite", type: Number }) delaiInactivite = DELAI_INACTIVITE_MINUTES;

  /**
   * The session token lives in this private field only (issue 9, finding 8): a host page's script cannot
   * read it from the element. See the README for what a host script can still do.
   */
  readonly #coffre = new CoffreSession({
    delaiInactiviteMs: DELAI_INACTIVITE_MINUTES * 60_000,
    surInactivite: () => void this.#finParInactivite(),
  });
  @state() profil: Profil | undefined;
  @state() enCours = false;
  @state() erreur = "";
  @state() annonce = "";
  @state() enfants: EnfantStatuts[] | undefined;

  private clientCache: { base: string; client: ClientApi } | undefined;
  readonly eleve = new VueEleve(this);
  /** The teacher's view: a separate chunk, downloaded after a teacher signs in (pupils never load it). */
  enseignant: VueEnseignant | undefined;
  private minuterie: ReturnType<typeof setInterval> | undefined;

  /** The texts in the element's language. */
  get t(): TextesRendre {
    return langueDeElement(this) === "en" && textesEn ? textesEn : textesFr;
  }

  /** The API's base address (attribute, else the origin this script came from). */
  get baseApi(): string {
    return baseApi(this.api ?? new URL(import.meta.url).origin);
  }

  /** The typed API client for the current `api` address. */
  get client(): ClientApi {
    const base = this.baseApi;
    if (this.clientCache?.base !== base)
      this.clientCache = { base, client: creerClientApi({ api: base, jeton: () => this.#coffre.jeton() }) };
    return this.clientCache.client;
  }

  protected override async scheduleUpdate(): Promise<void> {
    if (langueDeElement(this) === "en" && !textesEn)
      textesEn = await import("./textes-en.js").then((m) => m.textesEn).catch(() => undefined);
    super.scheduleUpdate();
  }

  constructor() {
    super();
    lierCoffre(this, this.#coffre);
    // Activity in the widget (its shadow DOM's events are composed) restarts the idle countdown.
    for (const type of ["pointerdown", "keydown"] as const)
      this.addEventListener(type, () => this.#coffre.activite(), { passive: true });
  }

  protected override willUpdate(changements: Map<PropertyKey, unknown>): void {
    if (changements.has("delaiInactivite")) {
      const minutes = Number.isFinite(this.delaiInactivite) ? this.delaiInactivite : DELAI_INACTIVITE_MINUTES;
      this.#coffre.delaiInactiviteMs = Math.max(0, minutes) * 60_000;
    }
  }

  /** Idle too long: sign out (the token is revoked at the server) and say why. */
  async #finParInactivite(): Promise<void> {
    if (!this.#coffre.valide()) return;
    await this.seDeconnecter();
    this.erreur = this.t.sessionExpiree;
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

  /** Runs an API action with the busy state, French errors in the alert region, and expiry → sign in again. */
  async agir<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.enCours = true;
    this.erreur = "";
    try {
      return await action();
    } catch (e) {
      if (e instanceof ErreurApiTrousse && e.status === 401) {
        this.#coffre.oublier();
        this.profil = undefined;
        this.erreur = this.t.sessionExpiree;
      } else this.erreur = e instanceof Error ? e.message : String(e);
      return undefined;
    } finally {
      this.enCours = false;
    }
  }

  /** Says something to screen-reader users through the polite live region. */
  annoncer(texte: string): void {
    this.annonce = texte;
  }

  async seConnecter(): Promise<void> {
    this.erreur = "";
    this.annonce = this.t.connexionEnCours;
    try {
      this.#coffre.garder(await ouvrirConnexion(this.baseApi, this.ent));
    } catch (e) {
      this.erreur = e instanceof Error ? e.message : String(e);
      return;
    }
    const profil = await this.agir(() => this.client.moi());
    if (!profil) return;
    this.profil = profil;
    this.annonce = this.t.bonjour(profil.nomAffiche);
    emettre<DetailConnexion>(this, "trousse-connexion", { role: profil.role, nomAffiche: profil.nomAffiche });
    await this.chargerSelonRole();
  }

  async seDeconnecter(): Promise<void> {
    const client = this.client;
    const fin = client.deconnecter().catch(() => undefined);
    // The request above already read the token: it is forgotten now, whatever the network does.
    this.#coffre.oublier();
    await fin;
    this.profil = undefined;
    this.eleve.reinitialiser();
    this.enseignant?.reinitialiser();
  }

  private async chargerSelonRole(): Promise<void> {
    const role = this.profil?.role;
    if (role === "eleve") await this.eleve.charger(this.devoir);
    else if (role === "enseignant") {
      const vue = await this.agir(async () => new (await import("./vue-enseignant.js")).VueEnseignant(this));
      if (!vue) return;
      this.enseignant = vue;
      await vue.charger(this.devoir);
    } else if (role === "parent") {
      const r = await this.agir(() => this.client.devoirs());
      this.enfants = r?.enfants ?? [];
    }
  }

  /** Downloads a protected file (Bearer) and saves it under its name. */
  async telechargerFichier(chemin: string, nom: string): Promise<void> {
    const blob = await this.agir(() => this.client.telecharger(chemin));
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = nom;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const connecte = this.#coffre.valide() && this.profil;
    return html`<section
      part="base"
      class="base"
      aria-labelledby="titre"
      aria-busy=${this.enCours ? "true" : "false"}
    >
      <div class="entete non-imprime">
        <h2 id="titre" part="titre">${t.titre}</h2>
        ${
          connecte
            ? html`<p class="qui">
                ${t.bonjour(this.profil!.nomAffiche)}
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
      <p class="visuellement-cache" role="status" aria-live="polite">${this.annonce}</p>
      <div role="alert" class="erreur" part="erreur" ?hidden=${!this.erreur}>${this.erreur}</div>
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
    const role = this.profil?.role;
    if (role === "eleve") return this.eleve.rendu();
    if (role === "enseignant")
      return this.enseignant ? this.enseignant.rendu() : html`<p>${this.t.chargement}</p>`;
    if (role === "parent") return vueParent(this);
    return html`<p>${this.t.aucunDevoir}</p>`;
  }
}
