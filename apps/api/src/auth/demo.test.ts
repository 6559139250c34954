import { randomBytes } from "node:crypto";
import { enregistrerIdentite, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENT_DEMO } from "./demo.js";
import {
  BASE_API,
  SECRET_TEST,
  creerAppTest,
  lireDonneesPage,
  ouvrirBaseDeTest,
  type AppTest,
} from "./test-support/app-test.js";

const suffixe = randomBytes(4).toString("hex");
const LOGIN_ELEVE = `eleve.demo.${suffixe}`;
const LOGIN_PROF = `prof.demo.${suffixe}`;
const ORIGINE_ENT = "https://ent.exemple.fr";
const config = {
  ents: [
    {
      id: "ode-demo-test",
      nom: "ENT",
      type: "oidc" as const,
      issuer: "http://127.0.0.1:9/auth/openid",
      clientId: "a",
      clientSecret: "b",
      originesAutorisees: [ORIGINE_ENT],
    },
  ],
  sessionSecret: SECRET_TEST,
  sessionDureeMinutes: 60,
};

let base: DbHandle;
let avecDemo: AppTest;
let sansDemo: AppTest;

beforeAll(async () => {
  base = await ouvrirBaseDeTest();
  await enregistrerIdentite(base.db, {
    entId: ENT_DEMO,
    uid: `e-${suffixe}`,
    login: LOGIN_ELEVE,
    nomAffiche: "Inès Diallo",
    role: "eleve",
    etablissement: { nom: "Collège de démonstration", uai: "0759999X" },
    classes: ["5C"],
    groupes: [],
  });
  await enregistrerIdentite(base.db, {
    entId: ENT_DEMO,
    uid: `p-${suffixe}`,
    login: LOGIN_PROF,
    nomAffiche: "Hugo Lefèvre",
    role: "enseignant",
    etablissement: { nom: "Collège de démonstration", uai: "0759999X" },
    classes: ["5C"],
    groupes: [],
  });
  avecDemo = creerAppTest(base.db, config, { demo: true });
  sansDemo = creerAppTest(base.db, config, { demo: false });
}, 120_000);
afterAll(() => base?.close());

describe("mode démonstration", () => {
  it("POST /v1/auth/demo donne un jeton accepté par les routes protégées", async () => {
    const r = await avecDemo.requete(`${BASE_API}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: LOGIN_ELEVE }),
    });
    expect(r.status).toBe(200);
    const corps = (await r.json()) as {
      jeton: string;
      expireLe: string;
      utilisateur: { role: string; nomAffiche: string };
    };
    expect(corps.utilisateur).toMatchObject({ role: "eleve", nomAffiche: "Inès Diallo" });
    expect(Date.parse(corps.expireLe)).toBeGreaterThan(Date.now());
    const moi = await avecDemo.requete(`${BASE_API}/v1/auth/moi`, {
      headers: { authorization: `Bearer ${corps.jeton}` },
    });
    expect(await moi.json()).toMatchObject({
      entId: "demo",
      classes: ["5C"],
      etablissement: { nom: "Collège de démonstration" },
    });
  });

  it("POST /v1/auth/demo : login inconnu → 404, corps invalide → 400, jamais de plantage", async () => {
    const inconnu = await avecDemo.requete(`${BASE_API}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "personne" }),
    });
    expect(inconnu.status).toBe(404);
    expect(((await inconnu.json()) as { erreur: { code: string } }).erreur.code).toBe(
      "utilisateur-demo-inconnu",
    );
    // One code per situation, as on every JSON route: no JSON type, unreadable JSON, a body of the wrong shape.
    const code = async (r: Response) => ((await r.json()) as { erreur: { code: string } }).erreur.code;
    const sansType = await avecDemo.requete(`${BASE_API}/v1/auth/demo`, {
      method: "POST",
      body: "{pas du json",
    });
    expect(sansType.status).toBe(415);
    expect(await code(sansType)).toBe("type-contenu-invalide");
    const illisible = await avecDemo.requete(`${BASE_API}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{pas du json",
    });
    expect(illisible.status).toBe(400);
    expect(await code(illisible)).toBe("json-invalide");
    const invalide = await avecDemo.requete(`${BASE_API}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ identifiant: "lea.martin" }),
    });
    expect(invalide.status).toBe(400);
    expect(await code(invalide)).toBe("parametre-invalide");
  });

  it("la page de démonstration liste les comptes par rôle avec un formulaire chacun", async () => {
    const r = await avecDemo.requete(`${BASE_API}/auth/demo?origine=${encodeURIComponent(ORIGINE_ENT)}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<h2 id="role-eleve">Élèves</h2>');
    expect(html).toContain('<h2 id="role-enseignant">Enseignants</h2>');
    expect(html).toContain("Se connecter en tant que Inès Diallo");
    expect(html).toContain(`name="login" value="${LOGIN_PROF}"`);
    expect(html).toContain(`name="origine" value="${ORIGINE_ENT}"`);
    expect(html).toContain("Mode démonstration");
  });

  it("le formulaire termine comme une vraie connexion : postMessage vers l'origine, ou jeton affiché", async () => {
    const popup = await avecDemo.requete(`${BASE_API}/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login: LOGIN_PROF, origine: ORIGINE_ENT }).toString(),
    });
    expect(popup.status).toBe(200);
    const donnees = lireDonneesPage(await popup.text());
    expect(donnees).toMatchObject({ trousseMessage: "session", origine: ORIGINE_ENT });
    expect(
      (
        await avecDemo.requete(`${BASE_API}/v1/protege`, {
          headers: { authorization: `Bearer ${donnees.jeton}` },
        })
      ).status,
    ).toBe(200);

    const direct = await avecDemo.requete(`${BASE_API}/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login: LOGIN_PROF }).toString(),
    });
    const html = await direct.text();
    expect(html).toContain("Authorization: Bearer");
    expect(html).not.toContain("data-origine");
    expect(html).toMatch(/<code id="jeton">[\w-]+\.[\w-]+\.[\w-]+<\/code>/);
  });

  it("en démonstration, une page d'une autre origine reçoit la session ; un texte qui n'est pas une origine est refusé", async () => {
    // Issue 10: a webmaster tries the script tag on their own page: demo mode (fictitious accounts, said on
    // every page) signs in from any http(s) origin.
    const page = await avecDemo.requete(
      `${BASE_API}/auth/demo?origine=${encodeURIComponent("https://site.exemple.fr")}`,
    );
    expect(page.status).toBe(200);
    const form = await avecDemo.requete(`${BASE_API}/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login: LOGIN_PROF, origine: "https://site.exemple.fr" }).toString(),
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('data-origine="https://site.exemple.fr"');
    const faux = await avecDemo.requete(`${BASE_API}/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login: LOGIN_PROF, origine: "javascript:alert(1)" }).toString(),
    });
    expect(faux.status).toBe(403);
    const html = await faux.text();
    expect(html).toContain("origine-non-autorisee");
    expect(html).not.toMatch(/[\w-]{20,}\.[\w-]{20,}\.[\w-]{20,}/);
  });

  it("répond 404 introuvable partout quand le mode démonstration est coupé", async () => {
    const api = await sansDemo.requete(`${BASE_API}/v1/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: LOGIN_ELEVE }),
    });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({
      erreur: { code: "introuvable", message: expect.any(String) as string },
    });
    const page = await sansDemo.requete(`${BASE_API}/auth/demo`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Inès");
    const form = await sansDemo.requete(`${BASE_API}/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login: LOGIN_ELEVE }).toString(),
    });
    expect(form.status).toBe(404);
  });
});
