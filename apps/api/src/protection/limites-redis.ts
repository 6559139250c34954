import { Redis } from "ioredis";
import type { Decision, MagasinLimites } from "./seau-jetons.js";

// Fixed window shared by every process: INCR the window's counter, set its expiry on first use.
const SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}
`;

/**
 * Rate limit counters in Redis (`REDIS_URL`), shared by several API processes: a fixed window per key.
 * If Redis is unreachable, requests are let through (the limit is a protection, not a gate) and the
 * failure is reported once through `signaler`.
 *
 * @example
 * const magasin = new LimitesRedis("redis://127.0.0.1:6379");
 * await magasin.prendre("ip:203.0.113.9", 600, 60_000);
 */
export class LimitesRedis implements MagasinLimites {
  private readonly redis: Redis;
  private enPanne = false;

  constructor(
    url: string,
    private readonly prefixe = "trousse:limite:",
    private readonly signaler: (e: unknown) => void = () => {},
  ) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (fois) => Math.min(fois * 200, 2_000),
      // A Redis that accepts the connection but does not answer must not hold requests either.
      commandTimeout: 1_000,
    });
    this.redis.on("error", (e) => {
      if (!this.enPanne) this.signaler(e);
      this.enPanne = true;
    });
    this.redis.on("ready", () => {
      this.enPanne = false;
    });
  }

  async prendre(cle: string, capacite: number, fenetreMs: number): Promise<Decision> {
    const fenetre = Math.floor(Date.now() / fenetreMs);
    // Known down and not reconnected: let through at once, instead of queueing the command until the next
    // reconnection attempt (1 to 4 s per request otherwise).
    if (this.enPanne && this.redis.status !== "ready")
      return { accepte: true, reessayerDansS: 0, restant: capacite };
    try {
      const [n, pttl] = (await this.redis.eval(
        SCRIPT,
        1,
        `${this.prefixe}${cle}:${fenetre}`,
        String(fenetreMs),
      )) as [number, number];
      if (n <= capacite) return { accepte: true, reessayerDansS: 0, restant: capacite - n };
      return { accepte: false, reessayerDansS: Math.max(1, Math.ceil(pttl / 1000)), restant: 0 };
    } catch (e) {
      if (!this.enPanne) this.signaler(e);
      this.enPanne = true;
      return { accepte: true, reessayerDansS: 0, restant: capacite };
    }
  }

  async fermer(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
