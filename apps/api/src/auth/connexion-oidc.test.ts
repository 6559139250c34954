import { createHash, randomBytes } from "node:crypto";
import { enfantsDe, groupesDe, listerUtilisateurs, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthConfig } from "./ent-config.js";
import {
  BASE_API,
  SECRET_TEST,
  creerAppTest,
  lireDonneesPage,
  ouvrirBaseDeTest,
  type AppTest,
} from "./test-support/app-test.js";
import { demarrerFournisseurOde, type FournisseurOde } from "./test-support/fournisseur-oidc.js";
import { creerNavigateur, type Navigateur } from "./test-support/navigateur.js";

const suffixe = randomBytes(4).toString("hex");
const ENT = `ode-${suffixe}`;
const ORIGINE_ENT = "https://ent.exemple.fr";
const CLIENT = { clientId: "trousse", clientSecret: "s3cr3t du:client/&+%" };

const ELEVE = {
  id: `eleve-${suffixe}`,
  login: "lea.martin",
  motDePasse: "mdp-eleve",
  claims: {
    type: "ELEVE",
    username: "Léa Martin",
    login: "lea.martin",
    firstName: "Léa",
    lastName: "Martin",
    classId: "3A",
    schoolName: "Collège Jean Moulin",
    uai: ["0751234A"],
    level: "TROISIEME",
  },
};
const PARENT = {
  id: `parent-${suffixe}`,
  login: "paul.martin",
  motDePasse: "mdp-parent",
  claims: {
    type: "PERSRELELEVE",
    username: "Paul Martin",
    login: "paul.martin",
    schoolName: "Collège Jean Moulin",
    uai: ["0751234A"],
    childrenIds: [`eleve-${suffixe}`],
  },
};
const ADMIN = {
  id: `admin-${suffixe}`,
  login: "admin",
  motDePasse: "mdp-admin",
  claims: { type: "SUPERADMIN", username: "Admin ENT" },
};

let base: DbHandle;
let ode: FournisseurOde;
let t: AppTest;

function config(issuer: string, autres: AuthConfig["ents"] = []): AuthConfig {
  return {
    ents: [
      {
        id: ENT,
        nom: "ENT de test (ODE)",
        type: "oidc",
        issuer,
        ...CLIENT,
        scopes: ["openid", "profile", "userinfo"],
        originesAutorisees: [ORIGINE_ENT],
      },
      ...autres,
    ],
    sessionSecret: SECRET_TEST,
    sessionDureeMinutes: 60,
  };
}

/** Drives the whole popup sign-in: start → ENT login form → consent → back to Trousse. */
async function seConnecter(
  nav: Navigateur,
  compte: { login: string; motDePasse: string },
  decision: "confirm" | "abort" = "confirm",
) {
  const debut = await nav.aller(
    `${BASE_API}/auth/connexion?ent=${ENT}&origine=${encodeURIComponent(ORIGINE_ENT)}`,
  );
  expect(debut.reponse.status).toBe(200);
  expect(debut.url).toMatch(/\/auth\/openid\/interaction\/[^/]+$/);
  await debut.reponse.text();
  const consentement = await nav.soumettre(`${debut.url}/login`, {
    login: compte.login,
    motDePasse: compte.motDePasse,
  });
  expect(consentement.url).toMatch(/\/auth\/openid\/interaction\/[^/]+$/);
  expect(await consentement.reponse.text()).toContain("Autoriser Trousse");
  return nav.soumettre(`${consentement.url}/${decision}`, {});
}

beforeAll(async () => {
  base = await ouvrirBaseDeTest();
  ode = await demarrerFournisseurOde({
    comptes: [ELEVE, PARENT, ADMIN],
    clients: [{ ...CLIENT, redirectUris: [`${BASE_API}/auth/oidc/${ENT}/retour`] }],
    pkceRequis: true,
  });
  t = creerAppTest(base.db, config(ode.issuer));
}, 120_000);

afterAll(async () => {
  await ode?.close();
  await base?.close();
});

describe("connexion OpenID Connect à un ENT ODE", () => {
  it("connecte un élève de bout en bout : PKCE, jeton posté à l'origine autorisée, utilisateur enregistré", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const fin = await seConnecter(nav, ELEVE);
    expect(fin.url.startsWith(`${BASE_API}/auth/oidc/${ENT}/retour?`)).toBe(true);
    expect(fin.reponse.status).toBe(200);
    const html = await fin.reponse.text();
    expect(fin.reponse.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(fin.reponse.headers.get("cache-control")).toBe("no-store");
    const donnees = lireDonneesPage(html);
    expect(donnees.trousseMessage).toBe("session");
    expect(donnees.origine).toBe(ORIGINE_ENT);
    expect(donnees.jeton).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(new Date(donnees.expireLe ?? "").getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);

    // PKCE S256 was used since the provider offers it, with state and nonce.
    const demande = ode.demandesAutorisation.at(-1);
    expect(demande?.get("code_challenge_method")).toBe("S256");
    expect(demande?.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(demande?.get("state")).toMatch(/^[\w-]{43}$/);
    expect(demande?.get("nonce")).toMatch(/^[\w-]{43}$/);
    expect(demande?.get("scope")).toBe("openid profile userinfo");
    // client_secret_basic at the token endpoint.
    const basic = ode.authentificationsJeton.at(-1) ?? "";
    expect(basic.startsWith("Basic ")).toBe(true);
    const [id, secret] = Buffer.from(basic.slice(6), "base64")
      .toString()
      .split(":")
      .map((s) => decodeURIComponent(s.replace(/\+/g, " ")));
    expect([id, secret]).toEqual([CLIENT.clientId, CLIENT.clientSecret]);

    // The token opens protected routes, and /moi says who we are.
    const moi = await t.requete(`${BASE_API}/v1/auth/moi`, {
      headers: { authorization: `Bearer ${donnees.jeton}` },
    });
    expect(moi.status).toBe(200);
    const profil = (await moi.json()) as Record<string, unknown>;
    expect(profil).toMatchObject({
      entId: ENT,
      role: "eleve",
      nomAffiche: "Léa Martin",
      classes: ["3A"],
      etablissement: { nom: "Collège Jean Moulin", uai: "0751234A" },
    });
    const stockes = await listerUtilisateurs(base.db, ENT);
    const lea = stockes.find((u) => u.uid === ELEVE.id);
    expect(lea).toMatchObject({ role: "eleve", login: "lea.martin", nomAffiche: "Léa Martin" });
    expect((await groupesDe(base.db, lea?.id ?? "")).map((g) => g.nom)).toEqual(["3A"]);

    // Nothing secret in the logs: no session token, no authorization code.
    const journal = t.journal.join("\n");
    expect(journal).toContain('"evenement":"connexion"');
    expect(journal).not.toContain(donnees.jeton);
    expect(journal).not.toContain(new URL(fin.url).searchParams.get("code") ?? "jamais");
    expect(journal).not.toContain("Léa");
  });

  it("relie un parent à son enfant grâce à childrenIds", async () => {
    const fin = await seConnecter(creerNavigateur(BASE_API, t.requete), PARENT);
    const donnees = lireDonneesPage(await fin.reponse.text());
    expect(donnees.trousseMessage).toBe("session");
    const moi = await t.requete(`${BASE_API}/v1/auth/moi`, {
      headers: { authorization: `Bearer ${donnees.jeton}` },
    });
    const profil = (await moi.json()) as { id: string; role: string };
    expect(profil.role).toBe("parent");
    expect((await enfantsDe(base.db, profil.id)).map((e) => e.nomAffiche)).toEqual(["Léa Martin"]);
  });

  it("refuse un profil ENT non pris en charge (SUPERADMIN) avec une page claire", async () => {
    const fin = await seConnecter(creerNavigateur(BASE_API, t.requete), ADMIN);
    expect(fin.reponse.status).toBe(403);
    const html = await fin.reponse.text();
    expect(html).toContain("profil-non-pris-en-charge");
    expect(lireDonneesPage(html)).toMatchObject({
      trousseMessage: "erreur",
      code: "profil-non-pris-en-charge",
      origine: ORIGINE_ENT,
    });
  });

  it("explique un consentement refusé dans l'ENT (acces-refuse)", async () => {
    const fin = await seConnecter(creerNavigateur(BASE_API, t.requete), ELEVE, "abort");
    expect(fin.url).toContain("error=access_denied");
    expect(fin.reponse.status).toBe(403);
    expect(await fin.reponse.text()).toContain("acces-refuse");
  });

  it("refuse un retour dont le state ne correspond à aucune connexion de ce navigateur", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const debut = await nav.aller(`${BASE_API}/auth/connexion?ent=${ENT}`);
    const etat = new URL(debut.etapes[0]?.location ?? "").searchParams.get("state");
    expect(etat).toMatch(/^[\w-]{43}$/);
    // Another browser (no state cookie) comes back with that state: login CSRF refused.
    const autre = await t.requete(`${BASE_API}/auth/oidc/${ENT}/retour?code=abc&state=${etat}`);
    expect(autre.status).toBe(400);
    expect(await autre.text()).toContain("etat-invalide");
    // Same browser, wrong state.
    const faux = await nav.aller(`${BASE_API}/auth/oidc/${ENT}/retour?code=abc&state=${"x".repeat(43)}`);
    expect(faux.reponse.status).toBe(400);
    expect(await faux.reponse.text()).toContain("etat-invalide");
  });

  it("refuse d'envoyer la session à une origine non autorisée, avant même d'aller à l'ENT", async () => {
    const r = await t.requete(
      `${BASE_API}/auth/connexion?ent=${ENT}&origine=${encodeURIComponent("https://pirate.example")}`,
    );
    expect(r.status).toBe(403);
    expect(r.headers.get("location")).toBeNull();
    const html = await r.text();
    expect(html).toContain("origine-non-autorisee");
    expect(html).not.toContain("data-origine");
    // The refusal tells the webmaster what to add, and where (issue 10).
    expect(html).toContain("« https://pirate.example »");
    expect(html).toContain("originesAutorisees");
  });

  it("accepte l'origine de l'API elle-même (intégration en iframe)", async () => {
    const r = await t.requete(
      `${BASE_API}/auth/connexion?ent=${ENT}&origine=${encodeURIComponent(BASE_API)}`,
    );
    expect(r.status).toBe(302);
    expect(r.headers.get("location")?.startsWith(`${ode.issuer}/auth?`)).toBe(true);
  });

  it("envoie le challenge PKCE correspondant au verifier gardé dans le cookie signé", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const debut = await nav.aller(`${BASE_API}/auth/connexion?ent=${ENT}`);
    const location = new URL(debut.etapes[0]?.location ?? "");
    const etat = location.searchParams.get("state") ?? "";
    const cookie = nav.cookies(BASE_API).get(`trousse_cx_${etat}`) ?? "";
    const charge = JSON.parse(Buffer.from(cookie.split(".")[1] ?? "", "base64url").toString()) as {
      cx: { verifier: string; nonce: string };
    };
    // RFC 7636 §4.2, computed here independently: BASE64URL(SHA256(ASCII(verifier))).
    const defi = createHash("sha256").update(charge.cx.verifier, "ascii").digest("base64url");
    expect(location.searchParams.get("code_challenge")).toBe(defi);
    expect(location.searchParams.get("nonce")).toBe(charge.cx.nonce);
  });

  it("répond une page claire quand l'ENT est injoignable", async () => {
    const panne = creerAppTest(
      base.db,
      config(ode.issuer, [
        {
          id: `panne-${suffixe}`,
          nom: "ENT en panne",
          type: "oidc",
          issuer: "http://127.0.0.1:9/auth/openid",
          clientId: "x",
          clientSecret: "y",
          originesAutorisees: [],
        },
      ]),
    );
    const r = await panne.requete(`${BASE_API}/auth/connexion?ent=panne-${suffixe}`);
    expect(r.status).toBe(502);
    const html = await r.text();
    expect(html).toContain("fournisseur-indisponible");
    expect(html).toContain('lang="fr"');
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("sans ENT choisi, liste les ENT configurés en gardant l'origine demandée", async () => {
    const r = await t.requete(`${BASE_API}/auth/connexion?origine=${encodeURIComponent(ORIGINE_ENT)}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain(
      `href="/auth/connexion?ent=${ENT}&amp;origine=${encodeURIComponent(ORIGINE_ENT)}"`,
    );
    expect(html).toContain("ENT de test (ODE)");
    expect(html).not.toContain("Comptes de démonstration");
  });

  it("répond 404 ent-inconnu pour un ENT non configuré", async () => {
    const r = await t.requete(`${BASE_API}/auth/connexion?ent=inconnu`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain("ent-inconnu");
  });
});
