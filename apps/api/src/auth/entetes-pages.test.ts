import { randomBytes } from "node:crypto";
import { enregistrerIdentite, type DbHandle } from "@trousse/db";
import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entetesSecurite } from "../protection/securite.js";
import { ENT_DEMO } from "./demo.js";
import type { AuthDeps } from "./deps.js";
import { routesAuth } from "./routes-auth.js";
import { BASE_API, SECRET_TEST, ouvrirBaseDeTest } from "./test-support/app-test.js";

/**
 * The sign-in pages behind the API's global secure headers: the popup page must keep its own headers,
 * above all `Cross-Origin-Opener-Policy: unsafe-none` (with `same-origin`, the browser severs
 * `window.opener` and the session never reaches the widget) and its nonce-based CSP.
 */
let base: DbHandle;
let app: Hono;
const login = `demo.entetes.${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  base = await ouvrirBaseDeTest();
  await enregistrerIdentite(base.db, {
    entId: ENT_DEMO,
    uid: login,
    login,
    nomAffiche: "Camille Roux",
    role: "eleve",
    etablissement: { nom: "Collège Jules-Ferry", uai: "0759999X" },
    classes: [],
    groupes: [],
  });
  const deps: AuthDeps = {
    db: base.db,
    config: { ents: [], sessionSecret: SECRET_TEST, sessionDureeMinutes: 60 },
    logger: pino({ level: "silent" }),
    demo: true,
    baseUrl: BASE_API,
  };
  app = new Hono();
  app.use("*", entetesSecurite([BASE_API]));
  app.route("/auth", routesAuth(deps));
});
afterAll(() => base?.close());

describe("en-têtes des pages de connexion derrière les en-têtes de sécurité de l'API", () => {
  it("la page qui poste la session garde COOP unsafe-none et sa CSP à nonce", async () => {
    const r = await app.request(`${BASE_API}/auth/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ login, origine: BASE_API }).toString(),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("cross-origin-opener-policy")).toBe("unsafe-none");
    const csp = r.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'nonce-/);
    expect(await r.text()).toContain('data-trousse-message="session"');
  });
});
