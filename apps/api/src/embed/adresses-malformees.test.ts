import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { semerDemo } from "../demo/seed.js";
import { appDeTest, baseDeTest } from "../test-support/app-api.js";

let base: DbHandle;
const avant = process.env.TROUSSE_WIDGETS_DIR;

beforeAll(async () => {
  base = await baseDeTest();
  await semerDemo(base.db);
  const dossier = mkdtempSync(join(tmpdir(), "trousse-cdn-"));
  mkdirSync(join(dossier, "v0.1.0"));
  writeFileSync(join(dossier, "trousse.js"), "export const a = 1;\n");
  writeFileSync(join(dossier, "a%b.js"), "export const p = 1;\n");
  writeFileSync(join(dossier, "manifest.json"), '{"version":"0.1.0"}\n');
  process.env.TROUSSE_WIDGETS_DIR = dossier;
});
afterAll(async () => {
  if (avant === undefined) delete process.env.TROUSSE_WIDGETS_DIR;
  else process.env.TROUSSE_WIDGETS_DIR = avant;
  await base.close();
});

const MAL = "%E0%A4%A";

describe("adresses mal encodées (un % invalide)", () => {
  it("GET /widgets/%E0%A4%A répond 400 en JSON français, sans erreur au journal", async () => {
    const { app, journal } = appDeTest(base, { TROUSSE_DEMO: "1" });
    for (const chemin of [`/widgets/${MAL}`, `/widgets/${MAL}.js`, `/widgets/v0.1.0/${MAL}`]) {
      const r = await app.request(chemin);
      expect(r.status, chemin).toBe(400);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      const corps = (await r.json()) as { erreur: { code: string; message: string } };
      expect(corps.erreur.code).toBe("adresse-invalide");
      expect(corps.erreur.message).toMatch(/encodage/);
    }
    expect(journal.join("\n")).not.toContain('"level":50');
    expect(journal.join("\n")).not.toContain("URIError");
  });

  it("décode le chemin une seule fois : %2525 désigne un fichier au nom contenant %25", async () => {
    const { app } = appDeTest(base);
    expect((await app.request("/widgets/a%25b.js")).status).toBe(200);
    expect((await app.request("/widgets/a%2525b.js")).status).toBe(404);
  });

  it.each([
    `/embed/${MAL}`,
    `/embed/choisir-visio?ent=${MAL}&lang=${MAL}`,
    `/integrer?x=${MAL}`,
    `/demo/${MAL}`,
    `/${MAL}`,
    `/auth/connexion?ent=${MAL}&origine=${MAL}`,
    `/auth/connexion?origine=${MAL}`,
    `/auth/oidc/${MAL}/retour?state=${MAL}&code=${MAL}`,
    `/auth/cas/${MAL}/retour?etat=${MAL}&ticket=${MAL}`,
    `/auth/cas/${MAL}/connexion?origine=${MAL}`,
    `/auth/demo?origine=${MAL}`,
    `/v1/auth/moi`,
  ])("%s ne répond jamais 5xx", async (chemin) => {
    const { app, journal } = appDeTest(base, { TROUSSE_DEMO: "1" });
    const r = await app.request(chemin, { headers: { authorization: `Bearer ${MAL}` } });
    expect(r.status).toBeGreaterThanOrEqual(200);
    expect(r.status).toBeLessThan(500);
    expect(journal.join("\n")).not.toContain('"level":50');
  });
});

describe("/favicon.ico", () => {
  it("sert une icône (pas de 404 à chaque page)", async () => {
    const { app, journal } = appDeTest(base);
    const r = await app.request("/favicon.ico");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/svg+xml");
    expect(r.headers.get("cache-control")).toContain("max-age=");
    expect(await r.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(journal.join("\n")).toContain('"statut":200');
    const tete = await app.request("/favicon.ico", { method: "HEAD" });
    expect(tete.status).toBe(200);
    expect((await app.request("/favicon.svg")).status).toBe(200);
    expect((await app.request("/favicon.ico", { method: "POST" })).status).not.toBe(200);
  });
});
