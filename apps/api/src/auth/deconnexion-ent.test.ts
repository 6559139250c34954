import { randomBytes } from "node:crypto";
import { sessionsEnt, type DbHandle } from "@trousse/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { demarrerServeurCas, type CompteCas, type ServeurCas } from "./test-support/serveur-cas.js";

// Issue 9, finding 13: signing out of the ENT ends the Trousse sessions that ENT sign-in opened — CAS single
// logout (SAML LogoutRequest POSTed to the service URL, the ticket as SessionIndex) and OpenID Connect
// back-channel logout (a logout_token signed with the ENT's keys, naming sid and/or sub), and OpenID Connect
// front-channel logout (the ENT's sign-out page frames a Trousse URL carrying iss and sid).
const suffixe = randomBytes(4).toString("hex");
const ENT_CAS = `cas-slo-${suffixe}`;
const ENT_OIDC = `ode-bcl-${suffixe}`;
const ORIGINE = "https://ent.exemple.fr";
const CLIENT = { clientId: "trousse", clientSecret: "secret-client" };
const ecole = { uai: "0750001A", schoolName: "Collège Jean Moulin" };
const LEA: CompteCas = {
  user: `lea-${suffixe}`,
  motDePasse: "mdp",
  attributs: { type: "ELEVE", username: "Léa Martin", classNames: "3A", ...ecole },
};
const HUGO: CompteCas = {
  user: `hugo-${suffixe}`,
  motDePasse: "mdp",
  attributs: { type: "ELEVE", username: "Hugo Petit", classNames: "3A", ...ecole },
};
const ZOE = {
  id: `zoe-${suffixe}`,
  login: "zoe",
  motDePasse: "mdp",
  claims: { type: "ELEVE", username: "Zoé Bernard", classId: "3A", uai: ["0750001A"] },
};
const INES = {
  id: `ines-${suffixe}`,
  login: "ines",
  motDePasse: "mdp",
  claims: { type: "ELEVE", username: "Inès Roux", classId: "3A", uai: ["0750001A"] },
};

let base: DbHandle;
let cas: ServeurCas;
let ode: FournisseurOde;
let t: AppTest;

beforeAll(async () => {
  base = await ouvrirBaseDeTest();
  cas = await demarrerServeurCas([LEA, HUGO]);
  ode = await demarrerFournisseurOde({
    comptes: [ZOE, INES],
    clients: [
      {
        ...CLIENT,
        redirectUris: [`${BASE_API}/auth/oidc/${ENT_OIDC}/retour`],
        backchannelLogoutUri: `${BASE_API}/auth/oidc/${ENT_OIDC}/deconnexion`,
      },
    ],
    // The provider's back-channel request goes to the API under test.
    envoyer: (url, init) => t.requete(url, init),
  });
  t = creerAppTest(base.db, {
    ents: [
      { id: ENT_CAS, nom: "ENT CAS", type: "cas", casUrl: cas.casUrl, originesAutorisees: [ORIGINE] },
      {
        id: ENT_OIDC,
        nom: "ENT ODE",
        type: "oidc",
        issuer: ode.issuer,
        ...CLIENT,
        scopes: ["openid", "userinfo"],
        originesAutorisees: [ORIGINE],
      },
    ],
    sessionSecret: SECRET_TEST,
    sessionDureeMinutes: 60,
  });
}, 120_000);

afterAll(async () => {
  await ode?.close();
  await cas?.close();
  await base?.close();
});

async function statutDe(jeton: string): Promise<number | string> {
  const r = await t.requete(`${BASE_API}/v1/auth/moi`, { headers: { authorization: `Bearer ${jeton}` } });
  if (r.status === 200) {
    await r.arrayBuffer();
    return 200;
  }
  return ((await r.json()) as { erreur: { code: string } }).erreur.code;
}

async function connexionCas(nav: Navigateur, compte: CompteCas): Promise<string> {
  const debut = await nav.aller(
    `${BASE_API}/auth/connexion?ent=${ENT_CAS}&origine=${encodeURIComponent(ORIGINE)}`,
  );
  await debut.reponse.text();
  const service = new URL(debut.url).searchParams.get("service") ?? "";
  const fin = await nav.soumettre(`${cas.casUrl}/login`, { service, username: compte.user, password: "mdp" });
  expect(fin.reponse.status).toBe(200);
  return lireDonneesPage(await fin.reponse.text()).jeton ?? "";
}

async function connexionOidc(
  nav: Navigateur,
  compte: { login: string; motDePasse: string },
): Promise<string> {
  const debut = await nav.aller(
    `${BASE_API}/auth/connexion?ent=${ENT_OIDC}&origine=${encodeURIComponent(ORIGINE)}`,
  );
  await debut.reponse.text();
  let etape = debut;
  if (/\/interaction\/[^/]+$/.test(etape.url)) {
    const page = await nav.aller(etape.url);
    const html = await page.reponse.text();
    if (html.includes('name="login"'))
      etape = await nav.soumettre(`${etape.url}/login`, {
        login: compte.login,
        motDePasse: compte.motDePasse,
      });
    else etape = page;
  }
  if (/\/interaction\/[^/]+$/.test(etape.url)) {
    await etape.reponse.text();
    etape = await nav.soumettre(`${etape.url}/confirm`, {});
  }
  expect(etape.reponse.status).toBe(200);
  return lireDonneesPage(await etape.reponse.text()).jeton ?? "";
}

describe("déconnexion unique CAS (SLO)", () => {
  it("la déconnexion de l'ENT ferme les sessions Trousse ouvertes par ses tickets, pas celles des autres", async () => {
    const navLea = creerNavigateur(BASE_API, t.requete);
    const jeton1 = await connexionCas(navLea, LEA);
    const jeton2 = await connexionCas(creerNavigateur(BASE_API, t.requete), LEA);
    const jetonHugo = await connexionCas(creerNavigateur(BASE_API, t.requete), HUGO);
    expect([await statutDe(jeton1), await statutDe(jeton2), await statutDe(jetonHugo)]).toEqual([
      200, 200, 200,
    ]);

    const reponses = await cas.deconnecter(LEA.user, (url, init) => t.requete(url, init));
    expect(reponses.map((r) => r.status)).toEqual([200, 200]);
    expect(await statutDe(jeton1)).toBe("session-revoquee");
    expect(await statutDe(jeton2)).toBe("session-revoquee");
    expect(await statutDe(jetonHugo)).toBe(200);
    const journal = t.journal.join("\n");
    expect(journal).toContain('"evenement":"deconnexion-ent"');
    expect(journal).not.toContain(cas.validations[0]?.ticket ?? "jamais");
  });

  it("une demande pour un ticket inconnu, ou au nom d'un autre utilisateur, ne ferme rien ; une demande illisible est refusée", async () => {
    const jeton = await connexionCas(creerNavigateur(BASE_API, t.requete), HUGO);
    const ticket = cas.validations.at(-1)?.ticket ?? "";
    const envoyer = (xml: string) =>
      t.requete(`${BASE_API}/auth/cas/${ENT_CAS}/retour?etat=x`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ logoutRequest: xml }).toString(),
      });
    const demande = (nameId: string, index: string) =>
      `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="1" Version="2.0"><saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${nameId}</saml:NameID><samlp:SessionIndex>${index}</samlp:SessionIndex></samlp:LogoutRequest>`;
    expect((await envoyer(demande(HUGO.user, "ST-inconnu"))).status).toBe(200);
    expect((await envoyer(demande(LEA.user, ticket))).status).toBe(200);
    expect(await statutDe(jeton)).toBe(200);
    for (const mauvais of [
      "pas du xml",
      `<!DOCTYPE x [<!ENTITY a "b">]>${demande(HUGO.user, ticket)}`,
      "<samlp:LogoutRequest/>",
    ]) {
      const r = await envoyer(mauvais);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("parametre-invalide");
    }
    expect(await statutDe(jeton)).toBe(200);
    expect((await envoyer(demande(HUGO.user, ticket))).status).toBe(200);
    expect(await statutDe(jeton)).toBe("session-revoquee");
  });
});

describe("déconnexion OpenID Connect par canal arrière (back-channel logout)", () => {
  const uri = `${BASE_API}/auth/oidc/${ENT_OIDC}/deconnexion`;
  const envoyer = (url: string, init: RequestInit) => t.requete(url, init);

  it("se déconnecter de l'ENT (fin de session chez le fournisseur) ferme la session Trousse ouverte par cette connexion", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const jeton = await connexionOidc(nav, ZOE);
    const autre = await connexionOidc(creerNavigateur(BASE_API, t.requete), INES);
    expect(await statutDe(jeton)).toBe(200);
    // The user signs out at the ENT: its end-session page, then its confirmation form.
    const fin = await nav.aller(`${ode.issuer}/session/end`);
    const html = await fin.reponse.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    const action = /<form[^>]+action="([^"]+)"/.exec(html)?.[1];
    expect(xsrf && action).toBeTruthy();
    const confirme = await nav.soumettre(new URL(action!, ode.issuer).href, { xsrf: xsrf!, logout: "yes" });
    await confirme.reponse.arrayBuffer();
    for (let i = 0; i < 50 && (await statutDe(jeton)) === 200; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await statutDe(jeton)).toBe("session-revoquee");
    expect(await statutDe(autre)).toBe(200);
  });

  it("un jeton de déconnexion sans sid ferme toutes les sessions de son sub", async () => {
    const j1 = await connexionOidc(creerNavigateur(BASE_API, t.requete), INES);
    const j2 = await connexionOidc(creerNavigateur(BASE_API, t.requete), INES);
    const r = await ode.envoyerDeconnexion(uri, { sub: INES.id }, { envoyer });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect([await statutDe(j1), await statutDe(j2)]).toEqual(["session-revoquee", "session-revoquee"]);
  });

  it("refuse (400) un jeton signé d'une autre clé, pour un autre client, d'un autre émetteur, trop vieux, sans événement ou avec nonce", async () => {
    const jeton = await connexionOidc(creerNavigateur(BASE_API, t.requete), ZOE);
    const maintenant = Math.floor(Date.now() / 1000);
    const mauvais: [Parameters<FournisseurOde["envoyerDeconnexion"]>[1], { cleEtrangere?: boolean }][] = [
      [{ sub: ZOE.id }, { cleEtrangere: true }],
      [{ sub: ZOE.id, aud: "autre-client" }, {}],
      [{ sub: ZOE.id, iss: "https://autre.exemple.fr" }, {}],
      [{ sub: ZOE.id, iat: maintenant - 3600 }, {}],
      [{ sub: ZOE.id, events: { "urn:autre": {} } }, {}],
      [{ sub: ZOE.id, nonce: "n" }, {}],
      [{}, {}],
    ];
    for (const [contenu, options] of mauvais) {
      const r = await ode.envoyerDeconnexion(uri, contenu, { ...options, envoyer });
      expect(r.status, JSON.stringify(contenu)).toBe(400);
      expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe(
        "jeton-fournisseur-invalide",
      );
    }
    const sansJeton = await t.requete(uri, { method: "POST", body: "logout_token=abc" });
    expect(sansJeton.status).toBe(400);
    expect(await statutDe(jeton)).toBe(200);
  });
});

describe("déconnexion OpenID Connect par canal avant (front-channel logout)", () => {
  const uriFront = `${BASE_API}/auth/oidc/${ENT_OIDC}/deconnexion-front`;
  // The `sid` the ENT put in this sign-in's id_token, as Trousse recorded it beside the session's jti.
  async function sidDe(jeton: string): Promise<string> {
    const { jti } = JSON.parse(Buffer.from(jeton.split(".")[1]!, "base64url").toString()) as { jti: string };
    const [ligne] = await base.db.select().from(sessionsEnt).where(eq(sessionsEnt.jti, jti));
    expect(ligne?.sidOidc).toBeTruthy();
    return ligne!.sidOidc!;
  }
  const codeDe = async (r: Response) => ((await r.json()) as { erreur: { code: string } }).erreur.code;

  it("la page de déconnexion de l'ENT, qui charge l'adresse avec iss et sid, ferme la session de cette connexion seulement", async () => {
    const jeton = await connexionOidc(creerNavigateur(BASE_API, t.requete), ZOE);
    const autre = await connexionOidc(creerNavigateur(BASE_API, t.requete), ZOE);
    const sid = await sidDe(jeton);
    expect(await sidDe(autre)).not.toBe(sid);
    const r = await t.requete(
      `${uriFront}?iss=${encodeURIComponent(ode.issuer)}&sid=${encodeURIComponent(sid)}`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    expect(r.headers.get("cache-control")).toBe("no-store");
    // Framed by the ENT's sign-out page: the ENT's origin may frame it, nobody else.
    expect(r.headers.get("content-security-policy")).toContain(
      `frame-ancestors 'self' ${new URL(ode.issuer).origin}`,
    );
    expect(await r.text()).toContain("Déconnecté de Trousse");
    expect(await statutDe(jeton)).toBe("session-revoquee");
    expect(await statutDe(autre)).toBe(200);
  });

  it("refuse (400 parametre-invalide) un autre émetteur ou l'absence de sid ; un sid inconnu ne ferme rien ; un ENT CAS n'a pas cette adresse", async () => {
    const jeton = await connexionOidc(creerNavigateur(BASE_API, t.requete), INES);
    const sid = await sidDe(jeton);
    const autreEmetteur = await t.requete(
      `${uriFront}?iss=${encodeURIComponent("https://autre.exemple.fr")}&sid=${encodeURIComponent(sid)}`,
    );
    expect(autreEmetteur.status).toBe(400);
    expect(await codeDe(autreEmetteur)).toBe("parametre-invalide");
    const sansSid = await t.requete(`${uriFront}?iss=${encodeURIComponent(ode.issuer)}`);
    expect(sansSid.status).toBe(400);
    expect(await codeDe(sansSid)).toBe("parametre-invalide");
    const inconnu = await t.requete(`${uriFront}?iss=${encodeURIComponent(ode.issuer)}&sid=inconnu`);
    expect(inconnu.status).toBe(200);
    await inconnu.arrayBuffer();
    const cas = await t.requete(
      `${BASE_API}/auth/oidc/${ENT_CAS}/deconnexion-front?iss=${encodeURIComponent(ode.issuer)}&sid=${sid}`,
    );
    expect(cas.status).toBe(404);
    await cas.arrayBuffer();
    expect(await statutDe(jeton)).toBe(200);
  });
});
