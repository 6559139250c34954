import { sessionValide, type SessionTrousse } from "../session.js";

/** Default idle time after which the widget forgets its token (minutes): attribute `delai-inactivite`. */
export const DELAI_INACTIVITE_MINUTES = 30;

/**
 * Where one widget keeps its session token: in a private field (`#session`), out of reach of the host
 * page's scripts through the element (no public `session` property any more). The token is forgotten
 * after `delaiInactiviteMs` without activity (a click or a key in the widget, an API request it makes):
 * on a shared computer, the next pupil does not find the previous one signed in.
 *
 * @example
 * const coffre = new CoffreSession({ delaiInactiviteMs: 30 * 60_000, surInactivite: () => element.seDeconnecter() });
 * coffre.garder(session);
 * coffre.jeton(); // "eyJ…" while valid and not idle
 */
export class CoffreSession {
  #session: SessionTrousse | undefined;
  #minuterie: ReturnType<typeof setTimeout> | undefined;
  #delaiMs: number;
  readonly #surInactivite: () => void;

  constructor(options: { delaiInactiviteMs: number; surInactivite: () => void }) {
    this.#delaiMs = options.delaiInactiviteMs;
    this.#surInactivite = options.surInactivite;
  }

  /** Idle time before the token is forgotten (ms); 0 or less: never for idleness (expiry still applies). */
  get delaiInactiviteMs(): number {
    return this.#delaiMs;
  }

  set delaiInactiviteMs(ms: number) {
    this.#delaiMs = ms;
    if (this.#session) this.activite();
  }

  /** Keeps a new session and starts the idle countdown. */
  garder(session: SessionTrousse): void {
    this.#session = session;
    this.activite();
  }

  /** True while a session is held and not expired (one-minute margin, see `sessionValide`). */
  valide(maintenant = Date.now()): boolean {
    return sessionValide(this.#session, maintenant);
  }

  /**
   * The token for a request (which counts as activity), or `undefined` when none is held or it expired.
   *
   * @example
   * creerClientApi({ api, jeton: () => coffre.jeton() });
   */
  jeton(): string | undefined {
    if (!this.#session) return undefined;
    this.activite();
    return this.#session.jeton;
  }

  /** The user did something in the widget: the idle countdown starts again. */
  activite(): void {
    clearTimeout(this.#minuterie);
    this.#minuterie = undefined;
    if (!this.#session || this.#delaiMs <= 0) return;
    this.#minuterie = setTimeout(() => {
      this.#minuterie = undefined;
      this.#surInactivite();
    }, this.#delaiMs);
  }

  /** Forgets the session at once (sign-out, expiry, idleness). */
  oublier(): void {
    clearTimeout(this.#minuterie);
    this.#minuterie = undefined;
    this.#session = undefined;
  }
}

const coffres = new WeakMap<object, CoffreSession>();

/**
 * Ties a widget to its session store, for the widget's own modules only (this module is inside the
 * bundle: a host page's script cannot import it).
 *
 * @example
 * lierCoffre(this, this.#coffre);
 */
export function lierCoffre(element: object, coffre: CoffreSession): void {
  coffres.set(element, coffre);
}

/**
 * The token of a widget's session, for its own requests (tus uploads of the views).
 *
 * @example
 * televerser({ api, jeton: () => jetonDe(this.el), … });
 */
export function jetonDe(element: object): string | undefined {
  return coffres.get(element)?.jeton();
}
