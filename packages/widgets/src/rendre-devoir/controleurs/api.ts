import type { ReactiveController } from "lit";
import { creerClientApi, ErreurApiTrousse, type ClientApi } from "../client-api.js";
import { ouvrirConnexion } from "../session.js";
import { CoffreSession, DELAI_INACTIVITE_MINUTES, lierCoffre } from "./coffre-session.js";
import type { Profil } from "../types-api.js";
import type { HoteRendreDevoir } from "./hote.js";

/**
 * The API work shared by every view of `<trousse-rendre-devoir>`: the session (in memory only), who is
 * signed in, the typed client, the busy state, the error shown in the alert region and the polite
 * announcements. Every API action of the other controllers goes through {@link ApiControleur.agir}.
 *
 * @example
 * ```ts
 * const api = new ApiControleur(element);
 * const profil = await api.seConnecter(null);
 * const liste = await api.agir(() => api.client.devoirs());
 * ```
 */
export class ApiControleur implements ReactiveController {
  /**
   * The session token lives in this private store only (issue 9, finding 8): no public property or method
   * gives it to a host page's script; the widget's own modules read it with `jetonDe(api)`.
   */
  readonly #coffre = new CoffreSession({
    delaiInactiviteMs: DELAI_INACTIVITE_MINUTES * 60_000,
    surInactivite: () => void this.#finParInactivite(),
  });
  #client: { base: string; client: ClientApi } | undefined;
  /** Who is signed in (undefined: nobody). */
  profil: Profil | undefined;
  /** True while an action runs (the element sets `aria-busy`). */
  enCours = false;
  /** The last failure, in French (shown in the `role="alert"` region). */
  erreur = "";
  /** The last polite announcement (the `role="status"` region). */
  annonce = "";
  /** Called when the session is lost (sign-out, expiry): the role controllers forget their state. */
  surSessionPerdue: () => void = () => undefined;

  constructor(private readonly hote: HoteRendreDevoir) {
    hote.addController(this);
    lierCoffre(this, this.#coffre);
  }

  hostConnected(): void {}

  /** Minutes without activity after which the widget signs out and forgets its token (0: never). */
  set delaiInactiviteMinutes(minutes: number) {
    this.#coffre.delaiInactiviteMs =
      Math.max(0, Number.isFinite(minutes) ? minutes : DELAI_INACTIVITE_MINUTES) * 60_000;
  }

  /** The user did something in the widget: the idle countdown starts again. */
  activite(): void {
    this.#coffre.activite();
  }

  /** Idle too long: sign out (the token is revoked at the server) and say why. */
  async #finParInactivite(): Promise<void> {
    if (!this.#coffre.valide()) return;
    await this.seDeconnecter();
    this.erreur = this.hote.t.sessionExpiree;
    this.maj();
  }

  /** True when someone is signed in with a session still valid. */
  get connecte(): boolean {
    return this.#coffre.valide() && !!this.profil;
  }

  /** The typed API client for the host's current `api` address. */
  get client(): ClientApi {
    const base = this.hote.baseApi;
    if (this.#client?.base !== base)
      this.#client = { base, client: creerClientApi({ api: base, jeton: () => this.#coffre.jeton() }) };
    return this.#client.client;
  }

  private maj(): void {
    this.hote.requestUpdate();
  }

  /** Says something to screen-reader users through the polite live region. */
  annoncer(texte: string): void {
    this.annonce = texte;
    this.maj();
  }

  /** Runs an API action with the busy state, French errors in the alert region, and expiry → sign in again. */
  async agir<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.enCours = true;
    this.erreur = "";
    this.maj();
    try {
      return await action();
    } catch (e) {
      if (e instanceof ErreurApiTrousse && e.status === 401) {
        this.oublier();
        this.erreur = this.hote.t.sessionExpiree;
      } else this.erreur = e instanceof Error ? e.message : String(e);
      return undefined;
    } finally {
      this.enCours = false;
      this.maj();
    }
  }

  /** Opens the ENT sign-in popup, then reads who signed in. Must be called from a click. */
  async seConnecter(ent: string | null): Promise<Profil | undefined> {
    this.erreur = "";
    this.annoncer(this.hote.t.connexionEnCours);
    try {
      this.#coffre.garder(await ouvrirConnexion(this.hote.baseApi, ent));
    } catch (e) {
      this.erreur = e instanceof Error ? e.message : String(e);
      this.maj();
      return undefined;
    }
    const profil = await this.agir(() => this.client.moi());
    if (!profil) return undefined;
    this.profil = profil;
    this.annoncer(this.hote.t.bonjour(profil.nomAffiche));
    return profil;
  }

  /** Signs out on the server (best effort) and forgets the session. */
  async seDeconnecter(): Promise<void> {
    const fin = this.client.deconnecter().catch(() => undefined);
    // The request above already read the token: it is forgotten now, whatever the network does.
    this.oublier();
    await fin;
  }

  private oublier(): void {
    this.#coffre.oublier();
    this.profil = undefined;
    this.surSessionPerdue();
    this.maj();
  }

  /** Downloads a protected file (Bearer) and saves it under its name. */
  async telechargerFichier(chemin: string, nom: string): Promise<void> {
    const blob = await this.agir(() => this.client.telecharger(chemin));
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = nom;
    this.hote.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
