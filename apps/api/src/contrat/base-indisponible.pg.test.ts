import { createDb, creerBaseVide, type BaseVide, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { semerDemo } from "../demo/seed.js";
import { appDeTest } from "../test-support/app-api.js";
import { Relais } from "../test-support/relais-tcp.js";

// PostgreSQL refusing connections, then back: the API is reached through a TCP relay on loopback that
// the test cuts (existing connections dropped, new ones refused) and restores on the same port. Every route
// that needs the database answers 503 base-indisponible with Retry-After — session checks and sign-in
// included — and everything works again without restarting the API.

let vide: BaseVide;
let relais: Relais;
let base: DbHandle;
let app: ReturnType<typeof appDeTest>["app"];
let jeton: string;

beforeAll(async () => {
  vide = await creerBaseVide(process.env.DATABASE_URL!);
  const adresse = new URL(vide.url);
  relais = new Relais({ host: adresse.hostname, port: Number(adresse.port || 5432) });
  await relais.ouvrir();
  adresse.hostname = "127.0.0.1";
  adresse.port = String(relais.port);
  base = await createDb({ url: adresse.toString(), poolMax: 4 });
  await base.migrate();
  await semerDemo(base.db);
  app = appDeTest(base, { TROUSSE_DEMO: "1" }).app;
  const r = await app.request("/v1/auth/demo", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "lea.martin" }),
  });
  jeton = ((await r.json()) as { jeton: string }).jeton;
});
afterAll(async () => {
  await relais.couper().catch(() => undefined);
  await base.close();
  await vide.supprimer();
});

const avecJeton = () => ({ headers: { authorization: `Bearer ${jeton}` } });
const connexionDemo = () =>
  app.request("/v1/auth/demo", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "lea.martin" }),
  });

describe("PostgreSQL injoignable, puis de retour", () => {
  it("503 base-indisponible avec Retry-After partout où la base sert, puis reprise sans redémarrage", async () => {
    expect((await app.request("/v1/devoirs", avecJeton())).status).toBe(200);
    await relais.couper();

    for (const r of [
      await app.request("/v1/devoirs", avecJeton()),
      await app.request("/v1/groupes", avecJeton()),
      await app.request("/v1/auth/moi", avecJeton()),
      await connexionDemo(),
      await app.request("/ready"),
    ]) {
      expect(r.status).toBe(503);
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await r.json()) as { erreur: { code: string } }).erreur.code).toBe("base-indisponible");
    }
    // The sign-in window's own page (HTML, for the widget) says it too, with Retry-After.
    const page = await app.request("/auth/demo", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "login=lea.martin",
    });
    expect(page.status).toBe(503);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await page.text()).toMatch(/base de données/);
    // The catalogue needs no database: it is still served.
    expect((await app.request("/v1/outils")).status).toBe(200);

    await relais.ouvrir();
    expect((await app.request("/ready")).status).toBe(200);
    expect((await app.request("/v1/devoirs", avecJeton())).status).toBe(200);
    expect((await connexionDemo()).status).toBe(200);
  });
});
