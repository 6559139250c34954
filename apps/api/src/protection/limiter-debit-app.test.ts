import { enregistrerIdentite, type DbHandle, type UtilisateurConnecte } from "@trousse/db";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emettreJeton } from "../auth/session.js";
import { appDeTest, baseDeTest, SECRET_TEST } from "../test-support/app-api.js";

let base: DbHandle;
let enseignant: UtilisateurConnecte;
beforeAll(async () => {
  base = await baseDeTest();
  enseignant = await enregistrerIdentite(base.db, {
    entId: "ode-test",
    uid: `prof-${randomBytes(4).toString("hex")}`,
    nomAffiche: "M. Durand",
    role: "enseignant",
    etablissement: { nom: "Collège Jules-Ferry", uai: "0759999X" },
    classes: ["3A"],
    groupes: [],
  });
}, 120_000);
afterAll(() => base?.close());

/** A token carrying `sub` with a garbage signature, as anyone who read a teacher's id can write. */
function jetonForge(sub: string): string {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const exp = Math.floor(Date.now() / 1000) + 600;
  return `${b({ alg: "HS256", typ: "JWT" })}.${b({ sub, role: "enseignant", ent: "ode-test", jti: "x", exp, iss: "trousse", aud: "trousse-api" })}.${randomBytes(32).toString("base64url")}`;
}

describe("limite par utilisateur, dans l'application", () => {
  it("des jetons forgés portant le sub d'un enseignant ne lui font pas répondre 429", async () => {
    const { app } = appDeTest(base, { TROUSSE_LIMITE_UTILISATEUR_MINUTE: "3" });
    for (let n = 0; n < 5; n++) {
      const r = await app.request("/v1/devoirs", {
        headers: { authorization: `Bearer ${jetonForge(enseignant.id)}` },
      });
      expect(r.status).toBe(401);
    }
    const { jeton } = await emettreJeton(enseignant, { secret: SECRET_TEST, dureeMinutes: 5 });
    const vrai = await app.request("/v1/devoirs", { headers: { authorization: `Bearer ${jeton}` } });
    expect(vrai.status).toBe(200);
  });

  it("le vrai jeton reste limité à sa propre allure (429 trop-de-requetes au-delà)", async () => {
    const { app } = appDeTest(base, { TROUSSE_LIMITE_UTILISATEUR_MINUTE: "2" });
    const a = await emettreJeton(enseignant, { secret: SECRET_TEST, dureeMinutes: 5 });
    const b = await emettreJeton(enseignant, { secret: SECRET_TEST, dureeMinutes: 5 });
    // Two sessions of one user share one bucket: the limit is per user, not per token.
    expect(
      (await app.request("/v1/devoirs", { headers: { authorization: `Bearer ${a.jeton}` } })).status,
    ).toBe(200);
    expect(
      (await app.request("/v1/devoirs", { headers: { authorization: `bearer ${b.jeton}` } })).status,
    ).toBe(200);
    const r = await app.request("/v1/devoirs", { headers: { authorization: `Bearer ${a.jeton}` } });
    expect(r.status).toBe(429);
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("trop-de-requetes");
  });
});
