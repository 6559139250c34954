/** Result of taking one request from a limit. */
export interface Decision {
  accepte: boolean;
  /** Seconds before a request would be accepted again (0 when accepted). */
  reessayerDansS: number;
  /** Requests left in the current window (rounded down). */
  restant: number;
}

/** Where the rate limit counters live: this process (token buckets) or Redis (shared by several processes). */
export interface MagasinLimites {
  /** Takes one request for `cle` from a limit of `capacite` requests per `fenetreMs`. */
  prendre(cle: string, capacite: number, fenetreMs: number): Promise<Decision> | Decision;
  fermer(): Promise<void>;
}

interface Seau {
  jetons: number;
  majLe: number;
}

/**
 * In-process token buckets: each key holds up to `capacite` tokens, refilled continuously at
 * `capacite / fenetreMs`. Idle full buckets are swept so memory stays bounded by the active keys.
 * With several API processes, each process counts on its own (the limit is then per process): set
 * `REDIS_URL` to share the counters.
 *
 * @example
 * const seaux = new SeauxDeJetons();
 * seaux.prendre("ip:203.0.113.9", 600, 60_000); // { accepte: true, restant: 599, reessayerDansS: 0 }
 */
export class SeauxDeJetons implements MagasinLimites {
  private readonly seaux = new Map<string, Seau>();
  private dernierMenage = 0;

  constructor(private readonly maintenant: () => number = Date.now) {}

  prendre(cle: string, capacite: number, fenetreMs: number): Decision {
    const t = this.maintenant();
    const debit = capacite / fenetreMs;
    this.menage(t, fenetreMs);
    let seau = this.seaux.get(cle);
    if (!seau) {
      seau = { jetons: capacite, majLe: t };
      this.seaux.set(cle, seau);
    } else {
      seau.jetons = Math.min(capacite, seau.jetons + (t - seau.majLe) * debit);
      seau.majLe = t;
    }
    if (seau.jetons >= 1) {
      seau.jetons -= 1;
      return { accepte: true, reessayerDansS: 0, restant: Math.floor(seau.jetons) };
    }
    return {
      accepte: false,
      reessayerDansS: Math.max(1, Math.ceil((1 - seau.jetons) / debit / 1000)),
      restant: 0,
    };
  }

  /** Number of keys currently tracked (for tests and metrics). */
  get taille(): number {
    return this.seaux.size;
  }

  private menage(t: number, fenetreMs: number): void {
    if (t - this.dernierMenage < fenetreMs) return;
    this.dernierMenage = t;
    for (const [cle, seau] of this.seaux) {
      // A bucket untouched for a whole window is full again: forgetting it changes nothing.
      if (t - seau.majLe >= fenetreMs) this.seaux.delete(cle);
    }
  }

  async fermer(): Promise<void> {
    this.seaux.clear();
  }
}
