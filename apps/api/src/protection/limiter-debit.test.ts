import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { cleUtilisateur, limiterDebit } from "./limiter-debit.js";
import { SeauxDeJetons } from "./seau-jetons.js";

function jwt(sub: string): string {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b({ alg: "HS256" })}.${b({ sub })}.signature`;
}

function app(parIp: number, parUtilisateur: number) {
  return new Hono()
    .use(
      "*",
      limiterDebit({
        magasin: new SeauxDeJetons(),
        parIpParMinute: parIp,
        parUtilisateurParMinute: parUtilisateur,
        trustProxy: true,
      }),
    )
    .get("/", (c) => c.text("ok"));
}

describe("limiterDebit", () => {
  it("answers 429 with Retry-After and a French error past the per-IP limit", async () => {
    const a = app(2, 100);
    const h = { "x-forwarded-for": "198.51.100.1" };
    expect((await a.request("/", { headers: h })).status).toBe(200);
    expect((await a.request("/", { headers: h })).status).toBe(200);
    const r = await a.request("/", { headers: h });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await r.json()).toEqual({
      erreur: {
        code: "trop-de-requetes",
        message: expect.stringMatching(/^Trop de requêtes : réessayez dans \d+ secondes?\.$/),
      },
    });
    // Another address is not affected.
    expect((await a.request("/", { headers: { "x-forwarded-for": "198.51.100.2" } })).status).toBe(200);
  });

  it("limits each user apart, whatever their address", async () => {
    const a = app(100, 1);
    const lea = { authorization: `Bearer ${jwt("lea")}` };
    expect((await a.request("/", { headers: { ...lea, "x-forwarded-for": "203.0.113.1" } })).status).toBe(
      200,
    );
    expect((await a.request("/", { headers: { ...lea, "x-forwarded-for": "203.0.113.2" } })).status).toBe(
      429,
    );
    expect((await a.request("/", { headers: { authorization: `Bearer ${jwt("hugo")}` } })).status).toBe(200);
  });

  it("keys users by the token's sub, else by a hash of the token", () => {
    expect(cleUtilisateur(`Bearer ${jwt("abc")}`)).toBe("u:abc");
    expect(cleUtilisateur("Bearer pas-un-jwt")).toMatch(/^t:[A-Za-z0-9_-]{22}$/);
    expect(cleUtilisateur("Basic xyz")).toBeNull();
    expect(cleUtilisateur(undefined)).toBeNull();
  });
});
