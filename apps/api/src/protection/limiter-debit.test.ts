import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { emettreJeton } from "../auth/session.js";
import { cleUtilisateur, limiterDebit } from "./limiter-debit.js";
import { SeauxDeJetons } from "./seau-jetons.js";

const SECRET = "un-secret-de-session-de-plus-de-32-caracteres";

/** A real session token of user `sub`, signed with the secret the limiter knows. */
async function jwt(sub: string): Promise<string> {
  return (await emettreJeton({ id: sub, role: "eleve", entId: "ode" }, { secret: SECRET, dureeMinutes: 5 }))
    .jeton;
}

/** A token claiming `sub` with a garbage signature. */
function jwtForge(sub: string): string {
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
        secretSession: SECRET,
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
    const lea = { authorization: `Bearer ${await jwt("lea")}` };
    expect((await a.request("/", { headers: { ...lea, "x-forwarded-for": "203.0.113.1" } })).status).toBe(
      200,
    );
    expect((await a.request("/", { headers: { ...lea, "x-forwarded-for": "203.0.113.2" } })).status).toBe(
      429,
    );
    expect((await a.request("/", { headers: { authorization: `Bearer ${await jwt("hugo")}` } })).status).toBe(
      200,
    );
  });

  it("a school behind one address (proxy, NAT): signed-in pupils are counted each apart, anonymous requests by address", async () => {
    const a = app(2, 100);
    const ecole = { "x-forwarded-for": "192.0.2.10" };
    for (const eleve of ["lea", "hugo", "zoe", "ines", "jade"])
      for (let i = 0; i < 3; i++) {
        const r = await a.request("/", {
          headers: { ...ecole, authorization: `Bearer ${await jwt(eleve)}` },
        });
        expect(r.status, `${eleve} ${i}`).toBe(200);
      }
    expect((await a.request("/", { headers: ecole })).status).toBe(200);
    expect((await a.request("/", { headers: ecole })).status).toBe(200);
    expect((await a.request("/", { headers: ecole })).status).toBe(429);
    // A forged token is anonymous: it counts for the address.
    const forge = await a.request("/", { headers: { ...ecole, authorization: `Bearer ${jwtForge("lea")}` } });
    expect(forge.status).toBe(429);
  });

  it("keys users by the sub of a verified token, else by a hash of the token", async () => {
    expect(await cleUtilisateur(`Bearer ${await jwt("abc")}`, SECRET)).toBe("u:abc");
    expect(await cleUtilisateur(`bearer ${await jwt("abc")}`, SECRET)).toBe("u:abc");
    expect(await cleUtilisateur("Bearer pas-un-jwt", SECRET)).toMatch(/^t:[A-Za-z0-9_-]{22}$/);
    expect(await cleUtilisateur("Basic xyz", SECRET)).toBeNull();
    expect(await cleUtilisateur(undefined, SECRET)).toBeNull();
  });

  it("never counts a forged token in the bucket of the sub it claims", async () => {
    expect(await cleUtilisateur(`Bearer ${jwtForge("abc")}`, SECRET)).toMatch(/^t:[A-Za-z0-9_-]{22}$/);
    const a = app(100, 1);
    expect((await a.request("/", { headers: { authorization: `Bearer ${jwtForge("lea")}` } })).status).toBe(
      200,
    );
    expect((await a.request("/", { headers: { authorization: `Bearer ${await jwt("lea")}` } })).status).toBe(
      200,
    );
  });
});
