import type { ReactiveController } from "lit";
import { creerClientApi, ErreurApiTrousse, type ClientApi } from "../client-api.js";
import { ouvrirConnexion, sessionValide, type SessionTrousse } from "../session.js";
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
  #session: SessionTrousse | undefined;
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
  }

  hostConnected(): void {}

  /** The session token, for the upload requests (never stored anywhere else). */
  jeton(): string | undefined {
    return this.#session?.jeton;
  }

  /** True when someone is signed in with a session still valid. */
  get connecte(): boolean {
    return sessionValide(this.#session) && !!this.profil;
  }

  /** The typed API client for the host's current `api` address. */
  get client(): ClientApi {
    const base = this.hote.baseApi;
    if (this.#client?.base !== base)
      this.#client = { base, client: creerClientApi({ api: base, jeton: () => this.jeton() }) };
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
      this.#session = await ouvrirConnexion(this.hote.baseApi, ent);
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
    await this.client.deconnecter().catch(() => undefined);
    this.oublier();
  }

  private oublier(): void {
    this.#session = undefined;
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
