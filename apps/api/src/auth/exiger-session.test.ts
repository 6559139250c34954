import { enregistrerIdentite, revoquerSession, type DbHandle, type UtilisateurConnecte } from "@trousse/db";
import { SignJWT } from "jose";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEmbarquee, cacheSessionsDe } from "./cache-sessions.js";
import { emettreJeton } from "./session.js";
import {
  BASE_API,
  SECRET_TEST,
  creerAppTest,
  ouvrirBaseDeTest,
  type AppTest,
} from "./test-support/app-test.js";

let base: DbHandle;
let t: AppTest;
let eleve: UtilisateurConnecte;
const config = { ents: [], sessionSecret: SECRET_TEST, sessionDureeMinutes: 60 };

beforeAll(async () => {
  base = await ouvrirBaseDeTest();
  t = creerAppTest(base.db, config);
  eleve = await enregistrerIdentite(base.db, {
    entId: `test-${randomBytes(4).toString("hex")}`,
    uid: "u1",
    nomAffiche: "Léa Martin",
    role: "eleve",
    etablissement: { nom: "Collège Jules-Ferry", uai: "0759999X" },
    classes: ["3A"],
    groupes: [],
  });
}, 120_000);
afterAll(() => base?.close());

async function appeler(entete?: string) {
  const r = await t.requete(`${BASE_API}/v1/protege`, entete ? { headers: { authorization: entete } } : {});
  return {
    status: r.status,
    corps: (await r.json()) as { erreur?: { code: string; message: string }; moi?: string },
    www: r.headers.get("www-authenticate"),
  };
}

describe("exigerSession", () => {
  it("répond 401 non-authentifie sans jeton, avec WWW-Authenticate: Bearer", async () => {
    const r = await appeler();
    expect(r.status).toBe(401);
    expect(r.corps.erreur?.code).toBe("non-authentifie");
    expect(r.corps.erreur?.message).toMatch(/Connexion requise/);
    expect(r.www).toMatch(/^Bearer /);
  });

  it("répond 401 non-authentifie pour un en-tête qui n'est pas Bearer ou un jeton mal formé", async () => {
    expect((await appeler("Basic dXNlcjpwYXNz")).corps.erreur?.code).toBe("non-authentifie");
    expect((await appeler("Bearer pas-un-jwt")).corps.erreur?.code).toBe("non-authentifie");
  });

  it("accepte un jeton valide et charge l'utilisateur", async () => {
    const { jeton } = await emettreJeton(eleve, { secret: SECRET_TEST, dureeMinutes: 5 });
    const r = await appeler(`Bearer ${jeton}`);
    expect(r.status).toBe(200);
    expect(r.corps.moi).toBe(eleve.id);
  });

  it("accepte le schéma Bearer quelle que soit sa casse (RFC 7235)", async () => {
    const { jeton } = await emettreJeton(eleve, { secret: SECRET_TEST, dureeMinutes: 5 });
    for (const schema of ["bearer", "BEARER", "bEaReR"]) {
      const r = await appeler(`${schema} ${jeton}`);
      expect(r.status, schema).toBe(200);
      expect(r.corps.moi).toBe(eleve.id);
    }
  });

  it("un jeton d'un autre utilisateur portant le même jti ne reprend pas la session gardée en cache", async () => {
    const autre = await enregistrerIdentite(base.db, {
      entId: `test-${randomBytes(4).toString("hex")}`,
      uid: "u2",
      nomAffiche: "Hugo Petit",
      role: "eleve",
      etablissement: { nom: "Collège Jules-Ferry", uai: "0759999X" },
      classes: ["3B"],
      groupes: [],
    });
    const jti = `jti-partage-${randomBytes(4).toString("hex")}`;
    const signer = (u: UtilisateurConnecte) =>
      new SignJWT({ role: u.role, ent: u.entId })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(u.id)
        .setIssuer("trousse")
        .setAudience("trousse-api")
        .setIssuedAt()
        .setJti(jti)
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(SECRET_TEST));
    expect((await appeler(`Bearer ${await signer(eleve)}`)).corps.moi).toBe(eleve.id);
    expect((await appeler(`Bearer ${await signer(autre)}`)).corps.moi).toBe(autre.id);
  });

  it("laisse une panne de la base remonter au onError de l'application (ni 401 ni erreur-interne ici)", async () => {
    // A database refusing connections: every query throws. The app's one onError turns it into 503
    // base-indisponible with Retry-After; this middleware must not answer for it.
    const panne = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const enPanne = new Proxy(
      {},
      {
        get: (_cible, cle) =>
          cle === "$client"
            ? undefined
            : () => {
                throw panne;
              },
      },
    ) as DbHandle["db"];
    const t2 = creerAppTest(enPanne, config);
    let vue: unknown;
    t2.app.onError((e, c) => {
      vue = e;
      return c.json({ vue: true }, 503);
    });
    const { jeton } = await emettreJeton(eleve, { secret: SECRET_TEST, dureeMinutes: 5 });
    const r = await t2.requete(`${BASE_API}/v1/protege`, { headers: { authorization: `Bearer ${jeton}` } });
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ vue: true });
    expect(vue).toBe(panne);
  });

  it("refuse un jeton signé avec un autre secret", async () => {
    const { jeton } = await emettreJeton(eleve, {
      secret: "un-autre-secret-tout-aussi-long-0123456789",
      dureeMinutes: 5,
    });
    const r = await appeler(`Bearer ${jeton}`);
    expect(r.status).toBe(401);
    expect(r.corps.erreur?.code).toBe("non-authentifie");
    expect(r.www).toContain('error="invalid_token"');
  });

  it("répond 401 session-expiree pour un jeton expiré", async () => {
    const { jeton } = await emettreJeton(eleve, {
      secret: SECRET_TEST,
      dureeMinutes: 60,
      maintenant: new Date(Date.now() - 61 * 60_000),
    });
    const r = await appeler(`Bearer ${jeton}`);
    expect(r.status).toBe(401);
    expect(r.corps.erreur?.code).toBe("session-expiree");
  });

  it("refuse un jeton sans algorithme (alg none) ou d'une autre audience", async () => {
    const charge = Buffer.from(
      JSON.stringify({
        sub: eleve.id,
        role: "eleve",
        ent: "x",
        jti: "j",
        exp: 9e9,
        iss: "trousse",
        aud: "trousse-api",
      }),
    ).toString("base64url");
    const entete = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    expect((await appeler(`Bearer ${entete}.${charge}.x`)).corps.erreur?.code).toBe("non-authentifie");
    const autreAudience = await new SignJWT({ role: "eleve", ent: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(eleve.id)
      .setIssuer("trousse")
      .setAudience("trousse-connexion")
      .setJti("j2")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(SECRET_TEST));
    expect((await appeler(`Bearer ${autreAudience}`)).corps.erreur?.code).toBe("non-authentifie");
  });

  it("déconnexion : le jeton révoqué ne fonctionne plus (session-revoquee), un autre jeton si", async () => {
    const a = await emettreJeton(eleve, { secret: SECRET_TEST, dureeMinutes: 5 });
    const b = await emettreJeton(eleve, { secret: SECRET_TEST, dureeMinutes: 5 });
    // La session est d'abord vérifiée (et gardée en cache sur PGlite) : la déconnexion doit l'oublier.
    expect((await appeler(`Bearer ${a.jeton}`)).status).toBe(200);
    const sortie = await t.requete(`${BASE_API}/v1/auth/deconnexion`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.jeton}` },
    });
    expect(sortie.status).toBe(204);
    const apres = await appeler(`Bearer ${a.jeton}`);
    expect(apres.status).toBe(401);
    expect(apres.corps.erreur?.code).toBe("session-revoquee");
    expect((await appeler(`Bearer ${b.jeton}`)).status).toBe(200);
    const moi = await t.requete(`${BASE_API}/v1/auth/moi`, {
      headers: { authorization: `Bearer ${a.jeton}` },
    });
    expect(moi.status).toBe(401);
  });

  it("révocation écrite en base par un autre chemin : vue aussitôt sur PostgreSQL, après le cache (30 s au plus) sur PGlite", async () => {
    const { jeton, jti, expireLe } = await emettreJeton(eleve, { secret: SECRET_TEST, dureeMinutes: 5 });
    expect((await appeler(`Bearer ${jeton}`)).status).toBe(200);
    await revoquerSession(base.db, jti, expireLe);
    const apres = await appeler(`Bearer ${jeton}`);
    if (baseEmbarquee(base.db)) {
      expect(apres.status).toBe(200);
      cacheSessionsDe(base.db)!.oublier(jti);
      expect((await appeler(`Bearer ${jeton}`)).corps.erreur?.code).toBe("session-revoquee");
    } else {
      expect(cacheSessionsDe(base.db)).toBeNull();
      expect(apres.corps.erreur?.code).toBe("session-revoquee");
    }
  });

  it("répond 401 quand l'utilisateur du jeton n'existe pas", async () => {
    const { jeton } = await emettreJeton(
      { id: "00000000-0000-4000-8000-000000000000", role: "eleve", entId: "x" },
      { secret: SECRET_TEST, dureeMinutes: 5 },
    );
    const r = await appeler(`Bearer ${jeton}`);
    expect(r.status).toBe(401);
    expect(r.corps.erreur?.code).toBe("non-authentifie");
  });

  it("/v1/auth/moi et /v1/auth/deconnexion exigent un jeton", async () => {
    expect((await t.requete(`${BASE_API}/v1/auth/moi`)).status).toBe(401);
    expect((await t.requete(`${BASE_API}/v1/auth/deconnexion`, { method: "POST" })).status).toBe(401);
  });
});
