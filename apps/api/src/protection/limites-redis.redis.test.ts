import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { LimitesRedis } from "./limites-redis.js";

const magasins: LimitesRedis[] = [];
afterAll(() => Promise.all(magasins.map((m) => m.fermer())));

describe("LimitesRedis (REDIS_URL)", () => {
  it("shares one counter between two processes' stores", async () => {
    const prefixe = `trousse:test:${randomUUID()}:`;
    const a = new LimitesRedis(process.env.REDIS_URL!, prefixe);
    const b = new LimitesRedis(process.env.REDIS_URL!, prefixe);
    magasins.push(a, b);
    expect((await a.prendre("ip:x", 3, 60_000)).accepte).toBe(true);
    expect((await b.prendre("ip:x", 3, 60_000)).accepte).toBe(true);
    expect((await a.prendre("ip:x", 3, 60_000)).restant).toBe(0);
    const refus = await b.prendre("ip:x", 3, 60_000);
    expect(refus.accepte).toBe(false);
    expect(refus.reessayerDansS).toBeGreaterThanOrEqual(1);
    expect(refus.reessayerDansS).toBeLessThanOrEqual(60);
  });

  it("lets requests through and reports once when Redis is unreachable", async () => {
    const signalements: unknown[] = [];
    const m = new LimitesRedis("redis://127.0.0.1:1", "t:", (e) => signalements.push(e));
    magasins.push(m);
    const d = await m.prendre("k", 1, 1000);
    expect(d.accepte).toBe(true);
    await m.prendre("k", 1, 1000);
    expect(signalements.length).toBe(1);
  });
});
