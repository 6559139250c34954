import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@trousse/db";
import { appDeTest, baseDeTest } from "../test-support/app-api.js";
import { chargerConfig } from "../config.js";
import { pino } from "pino";
import { createApp } from "../app.js";
import { creerControleAdmission } from "./admission.js";

// Admission control: beyond its bounds (uploads in flight, bytes in flight, event-loop delay) a new tus
// POST/PATCH gets 503 `serveur-occupe` with a jittered Retry-After; other requests never pass through it.

const bornes = { envoisMax: 2, octetsEnVolMax: 10_000, delaiBoucleMaxMs: 0, reessaiSecondes: 20 };

/** A small app whose upload handler waits until released: requests stay « in flight ». */
function appRetenue(controle: ReturnType<typeof creerControleAdmission>) {
  const liberations: (() => void)[] = [];
  const app = new Hono();
  app.use("/v1/televersements/*", controle.middleware);
  const retenir = () =>
    new Promise<Response>((ok) => liberations.push(() => ok(new Response(null, { status: 204 }))));
  app.post("/v1/televersements", retenir);
  app.patch("/v1/televersements/:id", retenir);
  // Hono routes HEAD as GET.
  app.get("/v1/televersements/:id", () => new Response(null, { status: 200 }));
  return { app, liberer: () => liberations.splice(0).forEach((f) => f()) };
}

const patch = (octets: number) => ({
  method: "PATCH",
  headers: { "content-length": String(octets), "content-type": "application/offset+octet-stream" },
  body: "x".repeat(octets),
});

describe("contrôle d'admission des envois", () => {
  it("au-delà des envois en cours : 503 serveur-occupe, Retry-After avec gigue, message en français", async () => {
    const controle = creerControleAdmission(bornes, { aleatoire: () => 0.99 });
    const { app, liberer } = appRetenue(controle);
    const a = app.request("/v1/televersements", { method: "POST" });
    await new Promise((r) => setTimeout(r, 10));
    const b = app.request("/v1/televersements/1", patch(100));
    await new Promise((r) => setTimeout(r, 10));
    expect(controle.etat()).toMatchObject({ envoisEnCours: 2, octetsEnVol: 100 });
    const c = await app.request("/v1/televersements", { method: "POST" });
    expect(c.status).toBe(503);
    expect(c.headers.get("retry-after")).toBe("30"); // 20 + ⌊0,99 × 11⌋
    expect(c.headers.get("tus-resumable")).toBe("1.0.0");
    const corps = (await c.json()) as { erreur: { code: string; message: string } };
    expect(corps.erreur.code).toBe("serveur-occupe");
    expect(corps.erreur.message).toMatch(
      /^Beaucoup d'élèves envoient leur devoir en ce moment : réessayez dans 30 s/,
    );
    // HEAD (où reprendre ?) n'est pas borné.
    expect((await app.request("/v1/televersements/1", { method: "HEAD" })).status).toBe(200);
    liberer();
    expect((await a).status).toBe(204);
    expect((await b).status).toBe(204);
    expect(controle.etat()).toMatchObject({ envoisEnCours: 0, octetsEnVol: 0, refuses: 1, admis: 2 });
    // Libérés : le suivant passe.
    const d = app.request("/v1/televersements", { method: "POST" });
    liberer();
    await new Promise((r) => setTimeout(r, 5));
    liberer();
    expect((await d).status).toBe(204);
    controle.arreter();
  });

  it("gigue : Retry-After entre la base et une fois et demie la base", async () => {
    for (const x of [0, 0.5, 0.999]) {
      const controle = creerControleAdmission({ ...bornes, envoisMax: 1 }, { aleatoire: () => x });
      const { app, liberer } = appRetenue(controle);
      const a = app.request("/v1/televersements", { method: "POST" });
      await new Promise((r) => setTimeout(r, 5));
      const r = await app.request("/v1/televersements", { method: "POST" });
      const s = Number(r.headers.get("retry-after"));
      expect(s).toBeGreaterThanOrEqual(20);
      expect(s).toBeLessThanOrEqual(30);
      liberer();
      await a;
    }
  });

  it("octets en vol : un PATCH qui ferait dépasser est refusé, un seul envoi trop gros passe quand rien n'est en cours", async () => {
    const controle = creerControleAdmission({ ...bornes, envoisMax: 10 });
    const { app, liberer } = appRetenue(controle);
    const gros = app.request("/v1/televersements/1", patch(20_000)); // seul : admis
    await new Promise((r) => setTimeout(r, 5));
    const refuse = await app.request("/v1/televersements/2", patch(10));
    expect(refuse.status).toBe(503);
    expect(refuse.headers.get("x-trousse-refus")).toBe("octets");
    liberer();
    expect((await gros).status).toBe(204);
  });

  it("boucle d'événements réellement bloquée : le délai mesuré dépasse la borne, les envois sont refusés", async () => {
    const controle = creerControleAdmission({ ...bornes, delaiBoucleMaxMs: 80 }, { fenetreMs: 100 });
    const { app, liberer } = appRetenue(controle);
    await new Promise((r) => setTimeout(r, 250)); // the watch runs from the server's start
    const tenu = app.request("/v1/televersements", { method: "POST" }); // one upload in flight
    await new Promise((r) => setTimeout(r, 10));
    const fin = Date.now() + 300;
    while (Date.now() < fin) {
      // bloque la boucle 300 ms, comme un calcul trop long
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(controle.etat().delaiBoucleMs).toBeGreaterThan(80);
    const r = await app.request("/v1/televersements", { method: "POST" });
    expect(r.status).toBe(503);
    expect(r.headers.get("x-trousse-refus")).toBe("boucle");
    // Puis la boucle redevient fluide : la fenêtre suivante laisse passer.
    await new Promise((r) => setTimeout(r, 350));
    expect(controle.etat().delaiBoucleMs).toBeLessThan(80);
    const ok = app.request("/v1/televersements", { method: "POST" });
    await new Promise((r) => setTimeout(r, 5));
    liberer();
    expect((await ok).status).toBe(204);
    expect((await tenu).status).toBe(204);
    controle.arreter();
  });

  it("création admise : son premier PATCH n'est pas délesté, les nouvelles créations comptent la place réservée, qui expire", async () => {
    let t = 1_000_000;
    const controle = creerControleAdmission(
      { ...bornes, envoisMax: 1 },
      { maintenant: () => t, reservationMs: 30_000 },
    );
    const liberations: (() => void)[] = [];
    let n = 0;
    const app = new Hono();
    app.use("/v1/televersements/*", controle.middleware);
    app.post("/v1/televersements", () => {
      n++;
      return new Response(null, { status: 201, headers: { location: `/v1/televersements/u${n}` } });
    });
    app.patch(
      "/v1/televersements/:id",
      () => new Promise<Response>((ok) => liberations.push(() => ok(new Response(null, { status: 204 })))),
    );
    expect((await app.request("/v1/televersements", { method: "POST" })).status).toBe(201);
    expect(controle.etat()).toMatchObject({ envoisEnCours: 0, reservations: 1 });
    // The one slot is reserved for u1's bytes: another creation is shed.
    const autre = await app.request("/v1/televersements", { method: "POST" });
    expect(autre.status).toBe(503);
    expect(autre.headers.get("x-trousse-refus")).toBe("envois");
    const octets = app.request("/v1/televersements/u1", patch(100));
    await new Promise((r) => setTimeout(r, 5));
    expect(controle.etat()).toMatchObject({ envoisEnCours: 1, reservations: 0 });
    // Another upload's PATCH, without a reservation, is shed while u1's is in flight.
    expect((await app.request("/v1/televersements/u9", patch(100))).status).toBe(503);
    liberations.splice(0).forEach((f) => f());
    expect((await octets).status).toBe(204);
    // A reservation whose PATCH never comes frees its slot after reservationMs.
    expect((await app.request("/v1/televersements", { method: "POST" })).status).toBe(201);
    expect((await app.request("/v1/televersements", { method: "POST" })).status).toBe(503);
    t += 30_001;
    expect(controle.etat().reservations).toBe(0);
    expect((await app.request("/v1/televersements", { method: "POST" })).status).toBe(201);
  });

  it("engagements en attente au-delà de prioritairesMax : les nouveaux envois sont refusés (« prioritaires »), HEAD passe, puis ils repassent", async () => {
    const controle = creerControleAdmission({ ...bornes, envoisMax: 100, prioritairesMax: 1 });
    const retenus: (() => void)[] = [];
    const app = new Hono();
    app.use("/v1/*", controle.prioritaires);
    app.use("/v1/televersements/*", controle.middleware);
    const retenir = () =>
      new Promise<Response>((ok) => retenus.push(() => ok(new Response(null, { status: 201 }))));
    app.post("/v1/devoirs/:id/engager", retenir);
    app.post("/v1/televersements", retenir);
    app.get("/v1/televersements/:id", () => new Response(null, { status: 200 }));
    const envoi = app.request("/v1/televersements", { method: "POST" }); // an upload in flight
    const engagements = [1, 2].map(() => app.request("/v1/devoirs/d/engager", { method: "POST" }));
    await new Promise((r) => setTimeout(r, 10));
    expect(controle.etat()).toMatchObject({ envoisEnCours: 1, prioritairesEnCours: 2 });
    const refuse = await app.request("/v1/televersements", { method: "POST" });
    expect(refuse.status).toBe(503);
    expect(refuse.headers.get("x-trousse-refus")).toBe("prioritaires");
    expect((await app.request("/v1/televersements/1", { method: "HEAD" })).status).toBe(200);
    retenus.splice(0).forEach((f) => f());
    await Promise.all([envoi, ...engagements]);
    expect(controle.etat()).toMatchObject({ envoisEnCours: 0, prioritairesEnCours: 0 });
    const suivant = app.request("/v1/televersements", { method: "POST" });
    await new Promise((r) => setTimeout(r, 5));
    retenus.splice(0).forEach((f) => f());
    expect((await suivant).status).toBe(201);
  });

  it("rien en cours : un envoi passe toujours, même boucle lente (le retard vient d'ailleurs)", async () => {
    const controle = creerControleAdmission({ ...bornes, delaiBoucleMaxMs: 80 }, { delaiBoucle: () => 5000 });
    const { app, liberer } = appRetenue(controle);
    const seul = app.request("/v1/televersements", { method: "POST" });
    await new Promise((r) => setTimeout(r, 10));
    expect((await app.request("/v1/televersements", { method: "POST" })).headers.get("x-trousse-refus")).toBe(
      "boucle",
    );
    liberer();
    expect((await seul).status).toBe(204);
  });
});

describe("dans l'API : seuls les envois sont refusés", () => {
  let base: DbHandle;
  beforeAll(async () => {
    base = await baseDeTest();
  }, 120_000);
  afterAll(async () => base.close());

  it("serveur saturé : POST /v1/televersements 503, mais santé, connexion, engager et rendre passent", async () => {
    const { config } = appDeTest(base);
    const admission = creerControleAdmission(config.admission, { delaiBoucle: () => 10_000 });
    const app = createApp({ config, base, logger: pino({ level: "silent" }), admission });
    // One upload already in flight through the same admission control (held until the end).
    const { app: autre, liberer } = appRetenue(admission);
    const tenu = autre.request("/v1/televersements", { method: "POST" });
    await new Promise((r) => setTimeout(r, 10));
    const envoi = await app.request("/v1/televersements", {
      method: "POST",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "10" },
    });
    expect(envoi.status).toBe(503);
    const s = Number(envoi.headers.get("retry-after"));
    expect(s).toBeGreaterThanOrEqual(20);
    expect(s).toBeLessThanOrEqual(30);
    expect((await app.request("/health")).status).toBe(200);
    const sansSession = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };
    // Without a session these answer 401: the point is that they are not shed (not 503).
    for (const chemin of [
      "/v1/devoirs/00000000-0000-4000-8000-000000000000/engager",
      "/v1/devoirs/00000000-0000-4000-8000-000000000000/rendre",
    ])
      expect((await app.request(chemin, sansSession)).status).toBe(401);
    expect((await app.request("/v1/outils")).status).toBe(200);
    expect(admission.etat().refuses).toBe(1);
    liberer();
    expect((await tenu).status).toBe(204);
  });

  it("bornes lues de l'environnement (TROUSSE_ADMISSION_*)", () => {
    const c = chargerConfig({
      NODE_ENV: "test",
      TROUSSE_ADMISSION_ENVOIS_MAX: "8",
      TROUSSE_ADMISSION_OCTETS_MAX: "2097152",
      TROUSSE_ADMISSION_DELAI_BOUCLE_MS: "0",
      TROUSSE_ADMISSION_REESSAI_SECONDES: "5",
      TROUSSE_ADMISSION_PRIORITAIRES_MAX: "3",
      TROUSSE_ENGAGEMENT_GRACE_HEURES: "2",
      TROUSSE_SESSION_SECRET: "x".repeat(40),
    });
    expect(c.admission).toEqual({
      envoisMax: 8,
      octetsEnVolMax: 2_097_152,
      delaiBoucleMaxMs: 0,
      reessaiSecondes: 5,
      prioritairesMax: 3,
    });
    expect(c.graceEngagementMs).toBe(2 * 3_600_000);
    expect(() => chargerConfig({ NODE_ENV: "test", TROUSSE_ADMISSION_ENVOIS_MAX: "0" })).toThrow(
      /TROUSSE_ADMISSION_ENVOIS_MAX invalide/,
    );
  });
});
