import { enregistrerIdentite, type DbHandle, type UtilisateurConnecte } from "@trousse/db";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emettreJeton } from "../auth/session.js";
import { appDeTest, baseDeTest, SECRET_TEST } from "../test-support/app-api.js";
import { LimitesRedis } from "./limites-redis.js";

let base: DbHandle;
let enseignant: UtilisateurConnecte;
const magasins: LimitesRedis[] = [];
beforeAll(async () => {
  base = await baseDeTest();
  enseignant = await enregistrerIdentite(base.db, {
    entId: "ode-test",
    uid: `prof-${randomBytes(4).toString("hex")}`,
    nomAffiche: "M. Durand",
    role: "enseignant",
    etablissement: { uai: "0620001A", nom: "Collège de test" },
    classes: ["3A"],
    groupes: [],
  });
}, 120_000);
afterAll(async () => {
  await Promise.all(magasins.map((m) => m.fermer()));
  await base?.close();
});

function jetonForge(sub: string): string {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const exp = Math.floor(Date.now() / 1000) + 600;
  return `${b({ alg: "HS256" })}.${b({ sub, role: "enseignant", ent: "ode-test", jti: "x", exp, iss: "trousse", aud: "trousse-api" })}.${randomBytes(32).toString("base64url")}`;
}

describe("limite par utilisateur partagée par Redis (REDIS_URL)", () => {
  it("deux processus : les jetons forgés de l'un n'épuisent pas l'enseignant, ses vraies requêtes comptent sur les deux", async () => {
    const prefixe = `trousse:test:${randomUUID()}:`;
    const [ma, mb] = [
      new LimitesRedis(process.env.REDIS_URL!, prefixe),
      new LimitesRedis(process.env.REDIS_URL!, prefixe),
    ];
    magasins.push(ma, mb);
    const env = { TROUSSE_LIMITE_UTILISATEUR_MINUTE: "2" };
    const a = appDeTest(base, env, ma).app;
    const b = appDeTest(base, env, mb).app;
    for (let n = 0; n < 4; n++) {
      const r = await a.request("/v1/devoirs", {
        headers: { authorization: `Bearer ${jetonForge(enseignant.id)}` },
      });
      expect(r.status).toBe(401);
    }
    const { jeton } = await emettreJeton(enseignant, { secret: SECRET_TEST, dureeMinutes: 5 });
    const h = { headers: { authorization: `Bearer ${jeton}` } };
    expect((await b.request("/v1/devoirs", h)).status).toBe(200);
    expect((await a.request("/v1/devoirs", h)).status).toBe(200);
    expect((await b.request("/v1/devoirs", h)).status).toBe(429);
  });
});
