import { afterAll, describe, expect, it } from "vitest";
import { portLibre } from "../test-support/parties-reelles.js";
import { LimitesRedis } from "./limites-redis.js";

// Redis unreachable (nothing listens on the port): every request is let through AT ONCE. Before, each
// command waited in ioredis's offline queue for a reconnection attempt — 1 to 4 s per request with Redis
// down (measured through nginx by src/grappe-reelle), so a hand-in of five requests took tens of seconds.

const magasins: LimitesRedis[] = [];
afterAll(() => Promise.all(magasins.map((m) => m.fermer())));

describe("LimitesRedis, Redis injoignable", () => {
  it("laisse passer chaque requête sans attendre une reconnexion", async () => {
    const m = new LimitesRedis(`redis://127.0.0.1:${await portLibre()}`, "t:");
    magasins.push(m);
    expect((await m.prendre("k", 1, 60_000)).accepte).toBe(true);
    // Let the client fall into its reconnection loop.
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 5; i++) {
      const debut = performance.now();
      expect((await m.prendre("k", 1, 60_000)).accepte).toBe(true);
      expect(performance.now() - debut).toBeLessThan(250);
    }
  });
});
