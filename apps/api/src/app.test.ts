import { evaluerDoctrine, recommanderVisio, type BesoinVisio } from "@trousse/rules";
import { outils, outilsEnCsv, filtrerOutils } from "@trousse/catalogue";
import type { DbHandle } from "@trousse/db";
import { hc } from "hono/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppType } from "./app.js";
import { semerDemo } from "./demo/seed.js";
import { doctrineReponseSchema } from "./outils/routes.js";
import { resultatVisioSchema } from "./recommandations/routes.js";
import { appDeTest, baseDeTest, ORIGINE_ENT } from "./test-support/app-api.js";

let base: DbHandle;
beforeAll(async () => {
  base = await baseDeTest();
  await semerDemo(base.db);
});
afterAll(() => base.close());

const besoin: BesoinVisio = {
  organisateur: "enseignant",
  avec: ["eleves"],
  participants: 25,
  objet: "cours",
  niveau: "2D",
  ent: "ode",
  elevesIdentifies: true,
  reservationPossible: true,
  webConferenceEntEnCours: false,
};

function json(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

describe("GET /v1/outils", () => {
  it("answers every tool with a strong ETag and Cache-Control, then 304 on If-None-Match", async () => {
    const { app } = appDeTest(base);
    const r = await app.request("/v1/outils");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(r.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const corps = (await r.json()) as { total: number; outils: { id: string }[] };
    expect(corps.total).toBe(outils.length);
    expect(corps.outils.map((o) => o.id)).toEqual(outils.map((o) => o.id));
    const r304 = await app.request("/v1/outils", { headers: { "if-none-match": etag } });
    expect(r304.status).toBe(304);
    expect(await r304.text()).toBe("");
    expect(r304.headers.get("etag")).toBe(etag);
    expect((await app.request("/v1/outils", { headers: { "if-none-match": '"autre"' } })).status).toBe(200);
  });

  it("filters exactly as the catalogue's filtrerOutils, with its own ETag", async () => {
    const { app } = appDeTest(base);
    const r = await app.request("/v1/outils?categorie=visioconference&niveau=1D&ent=ode");
    const corps = (await r.json()) as { total: number; outils: { id: string }[] };
    const attendu = filtrerOutils(outils, { categorie: "visioconference", niveau: "1D", ent: "ode" });
    expect(corps.outils.map((o) => o.id)).toEqual(attendu.map((o) => o.id));
    expect(corps.total).toBe(attendu.length);
    expect(r.headers.get("etag")).not.toBe((await app.request("/v1/outils")).headers.get("etag"));
    const q = (await (await app.request("/v1/outils?q=RENAVISIO")).json()) as { outils: { id: string }[] };
    expect(q.outils.map((o) => o.id)).toEqual(filtrerOutils(outils, { q: "RENAVISIO" }).map((o) => o.id));
  });

  it("refuses a bad filter with 400 and a French message naming the field", async () => {
    const { app } = appDeTest(base);
    const r = await app.request("/v1/outils?niveau=3D");
    expect(r.status).toBe(400);
    const corps = (await r.json()) as {
      erreur: { code: string; message: string; details: { champ: string }[] };
    };
    expect(corps.erreur.code).toBe("requete-invalide");
    expect(corps.erreur.message).toMatch(/^Paramètres de requête invalides — niveau : /);
    expect(corps.erreur.details[0]!.champ).toBe("niveau");
  });
});

describe("GET /v1/outils/{id}, /doctrine and .csv", () => {
  it("answers one tool, 404 outil-inconnu otherwise", async () => {
    const { app } = appDeTest(base);
    const premier = outils[0]!;
    const r = await app.request(`/v1/outils/${premier.id}`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(JSON.parse(JSON.stringify(premier)));
    const inconnu = await app.request("/v1/outils/zoom-inexistant");
    expect(inconnu.status).toBe(404);
    expect(await inconnu.json()).toEqual({
      erreur: { code: "outil-inconnu", message: "Aucun outil ne porte l'identifiant « zoom-inexistant »." },
    });
  });

  it("answers the DINUM doctrine of a tool: exactly evaluerDoctrine(outil), in the documented shape", async () => {
    const { app } = appDeTest(base);
    for (const outil of outils) {
      const r = await app.request(`/v1/outils/${outil.id}/doctrine`);
      expect(r.status).toBe(200);
      expect(r.headers.get("etag")).toBeTruthy();
      const corps: unknown = await r.json();
      expect(corps).toEqual(JSON.parse(JSON.stringify(evaluerDoctrine(outil))));
      expect(doctrineReponseSchema.safeParse(corps).success).toBe(true);
    }
    expect((await app.request("/v1/outils/inconnu/doctrine")).status).toBe(404);
  });

  it("serves the catalogue's CSV as a UTF-8 attachment", async () => {
    const { app } = appDeTest(base);
    const r = await app.request("/v1/outils.csv");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="trousse-outils.csv"');
    // Same bytes as the catalogue's CSV (its BOM included, for spreadsheet programs).
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(new TextEncoder().encode(outilsEnCsv(outils)));
    const etag = r.headers.get("etag")!;
    expect((await app.request("/v1/outils.csv", { headers: { "if-none-match": etag } })).status).toBe(304);
  });
});

describe("POST /v1/recommandations/visio", () => {
  it("answers exactly recommanderVisio(besoin), in the documented shape", async () => {
    const { app } = appDeTest(base);
    const r = await app.request("/v1/recommandations/visio", json(besoin));
    expect(r.status).toBe(200);
    const corps: unknown = await r.json();
    expect(corps).toEqual(JSON.parse(JSON.stringify(recommanderVisio(besoin))));
    expect(resultatVisioSchema.safeParse(corps).success).toBe(true);
  });

  it("keeps answering each need with its own result (results are cached per need)", async () => {
    const { app } = appDeTest(base);
    const autre: BesoinVisio = {
      ...besoin,
      participants: 8,
      avec: ["familles"],
      niveau: "1D",
      objet: "reunion",
    };
    for (const b of [besoin, autre, besoin, autre]) {
      const r = await app.request("/v1/recommandations/visio", json(b));
      expect(await r.json()).toEqual(JSON.parse(JSON.stringify(recommanderVisio(b))));
    }
  });

  it("refuses an invalid need with the rules' French messages, field by field", async () => {
    const { app } = appDeTest(base);
    const r = await app.request(
      "/v1/recommandations/visio",
      json({ ...besoin, participants: 1, niveau: "3D" }),
    );
    expect(r.status).toBe(400);
    const corps = (await r.json()) as {
      erreur: { code: string; message: string; details: { champ: string }[] };
    };
    expect(corps.erreur.code).toBe("besoin-invalide");
    expect(corps.erreur.message).toMatch(/^Besoin de visioconférence invalide\./);
    expect(corps.erreur.details.map((d) => d.champ).sort()).toEqual(["niveau", "participants"]);
  });

  it("answers 400 json-invalide on unreadable JSON and 413 past the body limit", async () => {
    const { app } = appDeTest(base, { TROUSSE_CORPS_MAX_OCTETS: "2048" });
    const casse = await app.request("/v1/recommandations/visio", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ pas du json",
    });
    expect(casse.status).toBe(400);
    expect(((await casse.json()) as { erreur: { code: string } }).erreur.code).toBe("json-invalide");
    const gros = await app.request(
      "/v1/recommandations/visio",
      json({ ...besoin, bourrage: "x".repeat(5000) }),
    );
    expect(gros.status).toBe(413);
    expect(await gros.json()).toEqual({
      erreur: {
        code: "corps-trop-volumineux",
        message: "Le corps de la requête dépasse la taille permise (2 Kio).",
      },
    });
  });
});

describe("typed client hc<AppType>", () => {
  it("calls the catalogue and the chooser with typed inputs and outputs", async () => {
    const { app } = appDeTest(base);
    const client = hc<AppType>("http://trousse.test", {
      fetch: ((input, init) => app.request(input, init)) as typeof fetch,
    });
    const liste = await client.v1.outils.$get({ query: { categorie: "visioconference" } });
    expect(liste.status).toBe(200);
    if (liste.status === 200) {
      const corps = await liste.json();
      expect(corps.outils.every((o) => o.categories.includes("visioconference"))).toBe(true);
    }
    const reco = await client.v1.recommandations.visio.$post({ json: besoin });
    expect(reco.status).toBe(200);
    if (reco.status === 200) {
      const corps = await reco.json();
      expect(corps.recommandations[0]!.rang).toBe(1);
    }
    const un = await client.v1.outils[":id"].$get({ param: { id: "inconnu" } });
    expect(un.status).toBe(404);
  });
});

describe("sessions and demo", () => {
  it("a protected route answers 401 non-authentifie without a token, 200 with a demo token", async () => {
    const { app } = appDeTest(base, { TROUSSE_DEMO: "1" });
    const sans = await app.request("/v1/auth/moi");
    expect(sans.status).toBe(401);
    expect(((await sans.json()) as { erreur: { code: string } }).erreur.code).toBe("non-authentifie");
    const demo = await app.request("/v1/auth/demo", json({ login: "lea.martin" }));
    expect(demo.status).toBe(200);
    const { jeton } = (await demo.json()) as { jeton: string };
    const moi = await app.request("/v1/auth/moi", { headers: { authorization: `Bearer ${jeton}` } });
    expect(moi.status).toBe(200);
    expect(await moi.json()).toMatchObject({ nomAffiche: "Léa Martin", role: "eleve", classes: ["3eA"] });
  });

  it("demo sign-in answers 404 when demo mode is off", async () => {
    const { app } = appDeTest(base);
    expect((await app.request("/v1/auth/demo", json({ login: "lea.martin" }))).status).toBe(404);
    expect((await app.request("/auth/demo")).status).toBe(404);
  });

  it("never logs tokens, names or query strings", async () => {
    const { app, journal } = appDeTest(base, { TROUSSE_DEMO: "1" });
    const { jeton } = (await (await app.request("/v1/auth/demo", json({ login: "lea.martin" }))).json()) as {
      jeton: string;
    };
    await app.request("/v1/auth/moi", { headers: { authorization: `Bearer ${jeton}` } });
    await app.request("/v1/outils?q=secret-de-recherche");
    const tout = journal.join("\n");
    expect(journal.length).toBeGreaterThanOrEqual(3);
    expect(tout).not.toContain(jeton);
    expect(tout).not.toContain(jeton.split(".")[2]!);
    expect(tout).not.toContain("Léa");
    expect(tout).not.toContain("secret-de-recherche");
    const ligne = journal
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.chemin === "/v1/auth/moi");
    expect(ligne).toMatchObject({ methode: "GET", statut: 200, utilisateurId: expect.any(String) });
  });
});

describe("pages, documentation and operation", () => {
  it("home page says what Trousse is and links to the docs; the demo banner shows on every HTML page in demo mode", async () => {
    const demo = appDeTest(base, { TROUSSE_DEMO: "1" }).app;
    const accueil = await (await demo.request("/")).text();
    expect(accueil).toContain("Trousse apporte la boîte à outils numérique");
    expect(accueil).toContain('href="/docs"');
    expect(accueil).toContain('href="/v1/openapi.json"');
    expect(accueil).toContain('href="/auth/demo"');
    expect(accueil).toContain("Mode démonstration");
    expect(await (await demo.request("/auth/demo")).text()).toContain("Mode démonstration");
    expect(await (await demo.request("/docs")).text()).toContain("Mode démonstration");
    const normal = await (await appDeTest(base).app.request("/")).text();
    expect(normal).not.toContain("Mode démonstration");
    expect(normal).not.toContain("/auth/demo");
  });

  it("describes every route in an OpenAPI 3.1 document, the sign-in's included", async () => {
    const { app } = appDeTest(base);
    const doc = (await (await app.request("/v1/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const [chemin, methode] of [
      ["/v1/outils", "get"],
      ["/v1/outils.csv", "get"],
      ["/v1/outils/{id}", "get"],
      ["/v1/outils/{id}/doctrine", "get"],
      ["/v1/recommandations/visio", "post"],
      ["/v1/auth/demo", "post"],
      ["/auth/demo", "post"],
      ["/v1/auth/moi", "get"],
      ["/v1/auth/deconnexion", "post"],
      ["/auth/connexion", "get"],
      ["/auth/oidc/{entId}/retour", "get"],
      ["/auth/cas/{entId}/retour", "get"],
      ["/health", "get"],
      ["/ready", "get"],
    ] as const) {
      expect(doc.paths[chemin]?.[methode], `${methode} ${chemin}`).toBeDefined();
    }
  });

  it("serves the interactive reference from its own origin (no CDN)", async () => {
    const { app } = appDeTest(base);
    const page = await (await app.request("/docs")).text();
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const s of sources) {
      expect(s.startsWith("/")).toBe(true);
      expect((await app.request(s)).status).toBe(200);
    }
    expect(await (await app.request("/docs/init.js")).text()).toContain('url: "/v1/openapi.json"');
  });

  it("the home page and /docs may be framed by the API itself only (frame-ancestors 'self'), in production too", async () => {
    for (const env of [{}, { NODE_ENV: "production", TROUSSE_BASE_URL: "https://trousse.test" }]) {
      const { app } = appDeTest(base, env);
      for (const chemin of ["/", "/docs"]) {
        const csp = (await app.request(chemin)).headers.get("content-security-policy") ?? "";
        expect(csp, `${chemin} ${JSON.stringify(env)}`).toContain("frame-ancestors 'self'");
        expect(csp, chemin).not.toContain(ORIGINE_ENT);
      }
    }
  });

  it("/health is alive, /ready follows the database", async () => {
    const { app } = appDeTest(base);
    expect(await (await app.request("/health")).json()).toEqual({ statut: "ok" });
    expect((await app.request("/ready")).status).toBe(200);
    const enPanne = appDeTest({ db: base.db, ping: async () => false }).app;
    const r = await enPanne.request("/ready");
    expect(r.status).toBe(503);
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("base-indisponible");
  });

  it("answers 405 with Allow when a known path is asked with another method", async () => {
    const { app } = appDeTest(base);
    const supprimer = await app.request("/v1/outils", { method: "DELETE" });
    expect(supprimer.status).toBe(405);
    expect(supprimer.headers.get("allow")).toBe("GET, HEAD");
    expect(await supprimer.json()).toEqual({
      erreur: {
        code: "methode-non-permise",
        message:
          "La méthode DELETE n'est pas permise à l'adresse /v1/outils (méthodes permises : GET, HEAD).",
      },
    });
    const lire = await app.request("/v1/recommandations/visio");
    expect(lire.status).toBe(405);
    expect(lire.headers.get("allow")).toBe("POST");
    const remplacer = await app.request("/v1/outils/renavisio", { method: "PUT" });
    expect(remplacer.status).toBe(405);
    expect(remplacer.headers.get("allow")).toBe("GET, HEAD");
    // Behind sign-in, the session is checked first: no hint about routes to anonymous callers.
    expect((await app.request("/v1/devoirs/un-devoir", { method: "PUT" })).status).toBe(401);
    // A known method on a known pattern that finds nothing stays the route's own 404.
    const inconnu = await app.request("/v1/outils/pas-un-outil");
    expect(inconnu.status).toBe(404);
  });

  it("answers unknown routes and internal failures with French JSON errors, never a stack", async () => {
    const { app, journal } = appDeTest({
      db: base.db,
      ping: async () => {
        throw new Error("panne simulée de la base");
      },
    });
    const r404 = await app.request("/v1/nimporte-quoi");
    expect(r404.status).toBe(404);
    expect(((await r404.json()) as { erreur: { code: string } }).erreur.code).toBe("introuvable");
    const r500 = await app.request("/ready");
    expect(r500.status).toBe(500);
    const texte = await r500.text();
    expect(JSON.parse(texte)).toEqual({
      erreur: {
        code: "erreur-interne",
        message: expect.stringContaining("Erreur interne du serveur Trousse"),
      },
    });
    expect(texte).not.toContain("panne simulée");
    expect(texte).not.toContain("at ");
    expect(journal.join("\n")).toContain("panne simulée");
  });

  it("CORS: allowed ENT origins only; secure headers everywhere", async () => {
    const { app } = appDeTest(base);
    const ok = await app.request("/v1/outils", { headers: { origin: ORIGINE_ENT } });
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGINE_ENT);
    const non = await app.request("/v1/outils", { headers: { origin: "https://malveillant.exemple" } });
    expect(non.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await app.request("/v1/recommandations/visio", {
      method: "OPTIONS",
      headers: {
        origin: ORIGINE_ENT,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(ORIGINE_ENT);
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-security-policy")).toContain(`frame-ancestors 'self' ${ORIGINE_ENT}`);
    expect(ok.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rate-limits per IP with 429 and Retry-After", async () => {
    const { app } = appDeTest(base, { TROUSSE_LIMITE_IP_MINUTE: "2" });
    await app.request("/v1/outils");
    await app.request("/v1/outils");
    const r = await app.request("/v1/outils");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("trop-de-requetes");
  });
});
