import { randomBytes } from "node:crypto";
import { groupesDe, listerUtilisateurs, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASE_API,
  SECRET_TEST,
  creerAppTest,
  lireDonneesPage,
  ouvrirBaseDeTest,
  type AppTest,
} from "./test-support/app-test.js";
import { creerNavigateur } from "./test-support/navigateur.js";
import { demarrerServeurCas, type ServeurCas } from "./test-support/serveur-cas.js";

const suffixe = randomBytes(4).toString("hex");
const ENT = `cas-${suffixe}`;
const ORIGINE_ENT = "https://ent-cas.exemple.fr";
const ENSEIGNANT = {
  user: `ens-${suffixe}`,
  motDePasse: "mdp",
  attributs: {
    type: "ENSEIGNANT",
    login: "marie.durand",
    username: "Marie Durand",
    classNames: ["4B", "3A"],
    structureNames: ["Lycée Victor Hugo"],
    uai: "0692345B",
    groupNames: ["Latin 4e"],
  },
};

let base: DbHandle;
let cas: ServeurCas;
let t: AppTest;

beforeAll(async () => {
  base = await ouvrirBaseDeTest();
  cas = await demarrerServeurCas([ENSEIGNANT]);
  t = creerAppTest(base.db, {
    ents: [
      { id: ENT, nom: "ENT CAS de test", type: "cas", casUrl: cas.casUrl, originesAutorisees: [ORIGINE_ENT] },
    ],
    sessionSecret: SECRET_TEST,
    sessionDureeMinutes: 30,
  });
}, 120_000);

afterAll(async () => {
  await cas?.close();
  await base?.close();
});

async function jusquAuFormulaireCas(nav: ReturnType<typeof creerNavigateur>) {
  const debut = await nav.aller(
    `${BASE_API}/auth/connexion?ent=${ENT}&origine=${encodeURIComponent(ORIGINE_ENT)}`,
  );
  expect(debut.reponse.status).toBe(200);
  expect(debut.url.startsWith(`${cas.casUrl}/login?service=`)).toBe(true);
  const service = new URL(debut.url).searchParams.get("service") ?? "";
  expect(service).toMatch(new RegExp(`^${BASE_API}/auth/cas/${ENT}/retour\\?etat=[\\w-]{43}$`));
  await debut.reponse.text();
  return service;
}

describe("connexion CAS 2.0", () => {
  it("connecte un enseignant : ticket validé avec le même service, attributs enregistrés, jeton posté", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const service = await jusquAuFormulaireCas(nav);
    const fin = await nav.soumettre(`${cas.casUrl}/login`, {
      service,
      username: ENSEIGNANT.user,
      password: "mdp",
    });
    expect(fin.reponse.status).toBe(200);
    const donnees = lireDonneesPage(await fin.reponse.text());
    expect(donnees).toMatchObject({ trousseMessage: "session", origine: ORIGINE_ENT });
    const validation = cas.validations.at(-1);
    expect(validation?.service).toBe(service);
    expect(validation?.ticket).toMatch(/^ST-/);

    const moi = await t.requete(`${BASE_API}/v1/auth/moi`, {
      headers: { authorization: `Bearer ${donnees.jeton}` },
    });
    expect(await moi.json()).toMatchObject({
      role: "enseignant",
      nomAffiche: "Marie Durand",
      classes: ["3A", "4B"],
      groupes: ["Latin 4e"],
      etablissement: { nom: "Lycée Victor Hugo", uai: "0692345B" },
    });
    const [marie] = await listerUtilisateurs(base.db, ENT);
    expect(marie?.login).toBe("marie.durand");
    expect((await groupesDe(base.db, marie?.id ?? "")).length).toBe(3);
    expect(t.journal.join("\n")).not.toContain(validation?.ticket ?? "jamais");
  });

  it("refuse un ticket rejoué (usage unique) avec ticket-invalide", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const service = await jusquAuFormulaireCas(nav);
    const premier = await nav.soumettre(`${cas.casUrl}/login`, {
      service,
      username: ENSEIGNANT.user,
      password: "mdp",
    });
    expect(premier.reponse.status).toBe(200);
    await premier.reponse.text();
    const ticket = cas.validations.at(-1)?.ticket ?? "";
    // Replay the same ticket in a fresh sign-in of the same browser.
    const service2 = await jusquAuFormulaireCas(nav);
    const rejeu = await nav.aller(`${service2}&ticket=${encodeURIComponent(ticket)}`);
    expect(rejeu.reponse.status).toBe(401);
    const html = await rejeu.reponse.text();
    expect(html).toContain("ticket-invalide");
    expect(html).toContain("INVALID_TICKET");
    expect(lireDonneesPage(html)).toMatchObject({
      trousseMessage: "erreur",
      code: "ticket-invalide",
      origine: ORIGINE_ENT,
    });
  });

  it("refuse de rejouer un cookie d'état capturé, même avec un ticket neuf (etat-deja-utilise)", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const service = await jusquAuFormulaireCas(nav);
    const capture = new Map(nav.cookies(BASE_API));
    expect([...capture.keys()].some((n) => n.startsWith("trousse_cx_"))).toBe(true);
    const premier = await nav.soumettre(`${cas.casUrl}/login`, {
      service,
      username: ENSEIGNANT.user,
      password: "mdp",
    });
    expect(premier.reponse.status).toBe(200);
    await premier.reponse.text();
    for (let n = 0; n < 2; n++) {
      // A fresh ticket for the same service (another login at the ENT), then the captured cookie replayed.
      const ailleurs = creerNavigateur(BASE_API, t.requete);
      const connexion = await ailleurs.soumettre(`${cas.casUrl}/login`, {
        service,
        username: ENSEIGNANT.user,
        password: "mdp",
      });
      await connexion.reponse.text();
      const retour = connexion.etapes.find((e) => e.location?.startsWith(service))?.location ?? "";
      const ticket = new URL(retour).searchParams.get("ticket");
      expect(ticket).toMatch(/^ST-/);
      const rejoueur = creerNavigateur(BASE_API, t.requete);
      for (const [nom, valeur] of capture) rejoueur.cookies(BASE_API).set(nom, valeur);
      const rejeu = await rejoueur.aller(`${service}&ticket=${encodeURIComponent(ticket ?? "")}`);
      expect(rejeu.reponse.status).toBe(400);
      const html = await rejeu.reponse.text();
      expect(html).toContain("etat-deja-utilise");
      expect(html).toContain("déjà été utilisée");
      // Like etat-invalide: nothing is posted to any page (the replayer's page is not the widget's).
      expect(html).not.toContain("trousseMessage");
    }
  });

  it("refuse un ticket inventé, et un retour sans ticket", async () => {
    const nav = creerNavigateur(BASE_API, t.requete);
    const service = await jusquAuFormulaireCas(nav);
    const faux = await nav.aller(`${service}&ticket=ST-invente`);
    expect(faux.reponse.status).toBe(401);
    expect(await faux.reponse.text()).toContain("ticket-invalide");
    const service2 = await jusquAuFormulaireCas(nav);
    const sans = await nav.aller(service2);
    expect(sans.reponse.status).toBe(400);
    expect(await sans.reponse.text()).toContain("ticket-invalide");
  });

  it("refuse un retour CAS sans connexion commencée dans ce navigateur (etat-invalide)", async () => {
    const r = await t.requete(`${BASE_API}/auth/cas/${ENT}/retour?etat=${"a".repeat(43)}&ticket=ST-1`);
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("etat-invalide");
    expect(cas.validations.some((v) => v.ticket === "ST-1")).toBe(false);
  });

  it("/auth/cas/<ent>/connexion démarre la même connexion", async () => {
    const r = await t.requete(
      `${BASE_API}/auth/cas/${ENT}/connexion?origine=${encodeURIComponent(ORIGINE_ENT)}`,
    );
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe(
      `/auth/connexion?ent=${ENT}&origine=${encodeURIComponent(ORIGINE_ENT)}`,
    );
  });
});
