import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbHandle } from "@trousse/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { semerDemo } from "../demo/seed.js";
import { appDeTest, baseDeTest, ORIGINE_ENT } from "../test-support/app-api.js";
import { enTexte } from "../pages/html.js";
import { attributsDepuisQuery } from "./pages-embed.js";
import { cspPages } from "./routes-embed.js";

let base: DbHandle;
let dossier: string;
const avant = process.env.TROUSSE_WIDGETS_DIR;

beforeAll(async () => {
  base = await baseDeTest();
  await semerDemo(base.db);
  // A built-like CDN folder: loader, a versioned copy, a hashed chunk.
  dossier = mkdtempSync(join(tmpdir(), "trousse-cdn-"));
  mkdirSync(join(dossier, "v0.1.0"));
  mkdirSync(join(dossier, "chunks"));
  writeFileSync(join(dossier, "trousse.js"), "export const a = 1;\n");
  writeFileSync(join(dossier, "v0.1.0", "trousse.js"), "export const a = 1;\n");
  writeFileSync(join(dossier, "chunks", "browser-abc.js"), "export const b = 2;\n");
  writeFileSync(join(dossier, "manifest.json"), '{"version":"0.1.0"}\n');
});
afterAll(() => base.close());
afterEach(() => {
  if (avant === undefined) delete process.env.TROUSSE_WIDGETS_DIR;
  else process.env.TROUSSE_WIDGETS_DIR = avant;
});

function app(demo: boolean, widgets: string = dossier) {
  process.env.TROUSSE_WIDGETS_DIR = widgets;
  return appDeTest(base, { TROUSSE_DEMO: demo ? "1" : "0" });
}

describe("/widgets/*", () => {
  it("sert le chargeur à toute origine : type JS, CORS *, CORP cross-origin, cache court", async () => {
    const r = await app(false).app.request("/widgets/trousse.js", {
      headers: { origin: "https://ailleurs.example" },
    });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("export const a = 1;\n");
    expect(r.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(r.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
  });

  it("met en cache un an (immutable) les copies versionnées et les morceaux hachés", async () => {
    const { app: a } = app(false);
    for (const chemin of ["/widgets/v0.1.0/trousse.js", "/widgets/chunks/browser-abc.js"]) {
      const r = await a.request(chemin);
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });

  it("refuse la traversée de dossier et les types inconnus (404)", async () => {
    const { app: a } = app(false);
    expect((await a.request("/widgets/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    expect((await a.request("/widgets/absent.js")).status).toBe(404);
    expect((await a.request("/widgets/secret.txt")).status).toBe(404);
  });

  it("répond 503 en français, journalisé une fois, si les widgets ne sont pas construits", async () => {
    const { app: a, journal } = app(false, join(dossier, "inexistant"));
    const r = await a.request("/widgets/trousse.js");
    expect(r.status).toBe(503);
    expect(await r.text()).toContain("Widgets indisponibles");
    await a.request("/widgets/trousse.js");
    expect(journal.filter((l) => l.includes("widgets non construits"))).toHaveLength(1);
  });
});

describe("/embed/*", () => {
  it("sert la page iframe avec les attributs permis seulement, échappés, et une CSP stricte", async () => {
    const r = await app(false).app.request(
      '/embed/rendre-devoir?ent=ode&devoir="><script>alert(1)</script>&onclick=x&lang=en',
    );
    expect(r.status).toBe(200);
    const html = await r.text();
    // Escaped by the one template (hono/html: named entities, formerly numeric ones from our own escaper).
    expect(html).toContain(
      '<trousse-rendre-devoir ent="ode" devoir="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" lang="en">',
    );
    expect(html).not.toContain("onclick");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain('<script type="module" src="/widgets/trousse.js"></script>');
    expect(html).toContain('<script type="module" src="/embed/hauteur.js"></script>');
    const csp = r.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain(`frame-ancestors 'self' ${ORIGINE_ENT}`);
    expect(r.headers.get("cross-origin-opener-policy")).toBe("same-origin-allow-popups");
  });

  it("laisse toute page encadrer les pages d'intégration en démonstration", async () => {
    const r = await app(true).app.request("/embed/choisir-visio?role=enseignant&niveau=2d");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors *");
    const html = await r.text();
    expect(html).toContain('<trousse-choisir-visio organisateur="enseignant" niveau="2d">');
    // Our own banner (class-styled): the middleware's inline-styled one would break the CSP.
    expect(html.match(/data-trousse-demo/g)).toHaveLength(1);
  });

  it("répond 404 pour un widget inconnu", async () => {
    expect((await app(false).app.request("/embed/autre")).status).toBe(404);
  });

  it("sert ses scripts et sa feuille de style comme fichiers (aucun script en ligne)", async () => {
    const { app: a } = app(false);
    for (const [chemin, type] of [
      ["/embed/hauteur.js", "text/javascript"],
      ["/embed/hote.js", "text/javascript"],
      ["/embed/integrer.js", "text/javascript"],
      ["/embed/pages.css", "text/css"],
    ] as const) {
      const r = await a.request(chemin);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toContain(type);
    }
    expect(await (await a.request("/embed/hauteur.js")).text()).toContain('type: "trousse:hauteur"');
  });
});

describe("/integrer et /demo/*", () => {
  it("sert le configurateur, avec ou sans démonstration", async () => {
    const r = await app(false).app.request("/integrer");
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<script type="module" src="/embed/integrer.js"></script>');
    // What a host page's script can still do in script-tag mode, and the iframe recommended (issue 9, finding 8).
    expect(html).toContain("envelopper <code>fetch</code>");
    expect(html).toContain("<strong>utilisez l'iframe</strong>");
    expect(html).not.toMatch(/<script>(?!<)/);
  });

  it("sert les pages hôtes de démonstration seulement en mode démonstration", async () => {
    const demo = app(true).app;
    for (const p of ["ode", "sn62", "site-ecole"])
      expect((await demo.request(`/demo/${p}`)).status).toBe(200);
    expect(await (await demo.request("/demo/ode")).text()).toContain(
      '<iframe data-trousse src="/embed/rendre-devoir',
    );
    expect(await (await demo.request("/demo/site-ecole")).text()).toContain("<trousse-rendre-devoir>");
    const prod = app(false).app;
    for (const p of ["ode", "sn62", "site-ecole"])
      expect((await prod.request(`/demo/${p}`)).status).toBe(404);
  });

  it("relie l'accueil aux pages de démonstration et au configurateur", async () => {
    const html = await (await app(true).app.request("/")).text();
    for (const lien of ["/demo/ode", "/demo/sn62", "/demo/site-ecole", "/integrer"])
      expect(html).toContain(`href="${lien}"`);
  });
});

describe("GET /v1/groupes", () => {
  it("donne à l'enseignant ses classes et groupes avec leurs identifiants ; 401 sans session", async () => {
    const { app: a } = app(true);
    expect((await a.request("/v1/groupes")).status).toBe(401);
    const connexion = await a.request("/v1/auth/demo", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "claire.durand" }),
    });
    const { jeton } = (await connexion.json()) as { jeton: string };
    const r = await a.request("/v1/groupes", { headers: { authorization: `Bearer ${jeton}` } });
    expect(r.status).toBe(200);
    const { groupes } = (await r.json()) as { groupes: { id: string; nom: string; nature: string }[] };
    expect(groupes.map((g) => g.nom).sort()).toEqual(["3eA", "5eB", "Latin"]);
    expect(groupes.every((g) => /^[0-9a-f-]{36}$/.test(g.id))).toBe(true);
  });
});

describe("attributsDepuisQuery et cspPages", () => {
  it("garde la liste permise, borne la longueur, renomme role", () => {
    expect(enTexte(attributsDepuisQuery("choisir-visio", new URLSearchParams("role=enseignant&x=1")))).toBe(
      ' organisateur="enseignant"',
    );
    expect(
      enTexte(attributsDepuisQuery("rendre-devoir", new URLSearchParams(`ent=${"a".repeat(201)}`))),
    ).toBe("");
  });
  it("n'autorise l'encadrement que par les ENT hors démonstration", () => {
    expect(cspPages(false, ["https://ent.exemple.fr"])).toContain(
      "frame-ancestors 'self' https://ent.exemple.fr",
    );
    expect(cspPages(true, [])).toContain("frame-ancestors *");
  });
});
