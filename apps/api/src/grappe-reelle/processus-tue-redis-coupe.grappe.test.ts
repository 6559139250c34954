import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { createDb, creerBaseVide, fichiersRendu, type BaseVide, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connecter,
  devoirARendre,
  lancerApi,
  lancerNginx,
  lancerRedis,
  portLibre,
  redisDisponible,
  rendreTenace,
  type Client,
  type Nginx,
  type ProcessusApi,
  type RedisPropre,
  type Trajet,
  copie,
  sha,
} from "../test-support/parties-reelles.js";

// Faults on real parts: two API processes behind nginx (deploy/nginx.conf) on the machine's PostgreSQL (a
// database of our own), one shared data folder, and a redis-server of our own (never the machine's).
// (a) kill -9 of one process during a rush; (c) Redis stopped: requests still served, limits not applied.

const ELEVES = 40;
/** What the slow pupil sends to the first process before it is killed (19 × 64 KiB). */
const AVANT_COUPURE = 19 * 65_536;
const trajetVide = (): Trajet => ({
  accuse: null,
  reponses: [],
  erreursReseau: 0,
  reprises: 0,
  recommencements: 0,
});
let vide: BaseVide;
let base: DbHandle;
let dossier: string;
let redis: RedisPropre | null = null;
let redisUrl: string;
const api: ProcessusApi[] = [];
let nginx: Nginx;

beforeAll(async () => {
  vide = await creerBaseVide(process.env.DATABASE_URL!);
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-i13-pannes-donnees-"));
  // Our own redis-server when the machine has the binary; otherwise a port where nothing listens.
  redis = (await redisDisponible()) ? await lancerRedis() : null;
  redisUrl = redis?.url ?? `redis://127.0.0.1:${await portLibre()}`;
  const env = {
    DATABASE_URL: vide.url,
    REDIS_URL: redisUrl,
    TROUSSE_DATA_DIR: dossier,
    TROUSSE_DEMO: "1",
    TROUSSE_DEMO_ELEVES_RUSH: String(ELEVES + 2),
    TROUSSE_SESSION_SECRET: "p".repeat(48),
    TROUSSE_TRUST_PROXY: "1",
    // This file is about a killed process, not about overload: admission control (issue 14, tested in
    // protection/admission*.test.ts) must not shed the slow PATCH that the kill has to land in.
    TROUSSE_ADMISSION_ENVOIS_MAX: "100000",
    TROUSSE_ADMISSION_PRIORITAIRES_MAX: "100000",
    TROUSSE_ADMISSION_DELAI_BOUCLE_MS: "0",
  };
  api.push(await lancerApi(env));
  api.push(await lancerApi(env));
  nginx = await lancerNginx(api.map((a) => a.port));
  base = await createDb({ url: vide.url, poolMax: 2 });
}, 400_000);

afterAll(async () => {
  await nginx?.arreter();
  await Promise.all(api.map((a) => a.arreter()));
  await redis?.arreter();
  await base?.close();
  await vide?.supprimer();
  await rm(dossier, { recursive: true, force: true });
}, 60_000);

const login = (i: number) => `rush.eleve${String(i).padStart(4, "0")}`;

/** Every receipt: the sha256 sent, the database row's, and the kept file's are one. */
async function verifierIntacts(trajets: { trajet: Trajet; contenu: Buffer }[], devoirId: string) {
  const ids = trajets.map((t) => t.trajet.accuse!.renduId);
  const lignes = await base.db.select().from(fichiersRendu).where(inArray(fichiersRendu.renduId, ids));
  const parRendu = new Map(lignes.map((l) => [l.renduId, l]));
  for (const { trajet, contenu } of trajets) {
    const f = trajet.accuse!.fichiers[0]!;
    expect(f.sha256).toBe(sha(contenu));
    const ligne = parRendu.get(trajet.accuse!.renduId)!;
    expect(ligne.sha256).toBe(sha(contenu));
    expect(ligne.chemin).toBe(`rendus/${devoirId}/${f.id}`);
    expect(sha(await readFile(path.join(dossier, "fichiers", ligne.chemin)))).toBe(sha(contenu));
  }
}

describe("pannes : un processus tué, Redis coupé", () => {
  it("kill -9 d'un des deux processus pendant un rush : chaque accusé déjà donné est intact, les envois en cours se continuent par l'autre processus", async () => {
    const eleves: Client[] = [];
    for (let i = 1; i <= ELEVES; i += 10)
      eleves.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, ELEVES - i + 1) }, (_, k) => connecter(nginx.url, login(i + k))),
        )),
      );
    const devoirId = await devoirARendre(eleves[0]!, "Devoir de la classe de mesure");

    // One pupil sends straight to the first process, slowly, so that the kill lands in the middle of its
    // PATCH for sure; it then continues through nginx (the other process).
    const lent = await connecter(api[0]!.url, login(ELEVES + 1));
    const contenuLent = copie(3_000_000);
    const { id: idLent } = await lent.creerEnvoi(devoirId, "copie.pdf", contenuLent.length);
    const patchLent = new Promise<string>((ok) => {
      const req = http.request(`${api[0]!.url}/v1/televersements/${idLent}`, {
        method: "PATCH",
        headers: {
          ...lent.auth,
          "Upload-Offset": "0",
          "Content-Type": "application/offset+octet-stream",
          "Content-Length": String(contenuLent.length),
        },
      });
      req.on("response", (res) => ok(`réponse ${res.statusCode}`));
      req.on("error", (e) => ok(`coupé : ${e.message}`));
      let position = 0;
      const suite = () => {
        if (req.destroyed || position >= AVANT_COUPURE) return;
        req.write(contenuLent.subarray(position, position + 65_536));
        position += 65_536;
        setTimeout(suite, 10);
      };
      suite();
    });

    const contenus = eleves.map(() => copie(1_000_000));
    const trajets: { trajet: Trajet; contenu: Buffer }[] = [];
    const rush = eleves.map(async (eleve, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * 4_000));
      const trajet = await rendreTenace(eleve, devoirId, contenus[i]!, {
        morceau: 250_000,
        limiteMs: 150_000,
        avantChaquePatch: () => new Promise((r) => setTimeout(r, 30)),
      });
      trajets.push({ trajet, contenu: contenus[i]! });
    });
    // kill -9 once a quarter of the pupils hold a receipt.
    while (trajets.length < ELEVES / 4) await new Promise((r) => setTimeout(r, 20));
    const dejaDonnes = [...trajets];
    process.kill(api[0]!.pid, "SIGKILL");
    expect(await patchLent).toMatch(/^coupé/);
    await Promise.all(rush);

    // Every receipt given before the kill is intact, and so is every one given after.
    expect(dejaDonnes.every((t) => t.trajet.accuse)).toBe(true);
    await verifierIntacts(dejaDonnes, devoirId);
    expect(trajets.filter((t) => !t.trajet.accuse).map((t) => t.trajet.reponses.slice(-3))).toEqual([]);
    await verifierIntacts(trajets, devoirId);
    // Nothing answered 500: the only errors are the cut connections and nginx's 502 for the requests the
    // dead process held (a PATCH is not replayed by nginx; the client resumes it).
    const reponses = trajets.flatMap((t) => t.trajet.reponses);
    expect(reponses.filter((r) => r.status >= 500 && r.status !== 502)).toEqual([]);

    // The slow upload continues through nginx (the other process) from the offset the dead one kept: the
    // bytes it had written are in the shared spool (the page cache outlives the process), its advisory lock
    // went with its PostgreSQL session, and the sha256 of the kept prefix is recomputed from the file once.
    const parNginx = await connecter(nginx.url, login(ELEVES + 1));
    const head = await parNginx.head(idLent);
    expect(head.status).toBe(200);
    const garde = Number(head.entetes["upload-offset"]);
    expect(garde).toBeGreaterThan(0);
    expect(garde).toBeLessThanOrEqual(AVANT_COUPURE);
    const fin = await parNginx.patch(idLent, garde, contenuLent.subarray(garde));
    expect(fin.status).toBe(204);
    expect(String(fin.entetes["x-trousse-amont"])).toBe(`127.0.0.1:${api[1]!.port}`);
    const rendu = await parNginx.rendre(devoirId, [idLent]);
    expect(rendu.status).toBe(201);
    const accuse = rendu.json<{ accuseReception: Trajet["accuse"] }>().accuseReception;
    await verifierIntacts([{ trajet: { ...trajetVide(), accuse }, contenu: contenuLent }], devoirId);
    // Through the rush, the pupils whose PATCH the dead process held continued from their kept offset.
    const repris = trajets.reduce((n, t) => n + t.trajet.reprises, 0);
    console.info(
      `kill -9 : ${dejaDonnes.length} accusés avant, ${trajets.length} en tout ; ${repris} reprise(s) à un décalage gardé, ` +
        `${trajets.reduce((n, t) => n + t.trajet.recommencements, 0)} recommencement(s), ` +
        `${trajets.reduce((n, t) => n + t.trajet.erreursReseau, 0)} connexion(s) coupée(s), ${reponses.filter((r) => r.status === 502).length} réponse(s) 502 de nginx`,
    );
    expect(trajets.reduce((n, t) => n + t.trajet.recommencements, 0)).toBe(0);
  }, 300_000);

  it("Redis arrêté : les requêtes sont servies (limites de débit non appliquées, journalisé)", async () => {
    const eleve = await connecter(nginx.url, login(ELEVES + 2));
    const devoirId = await devoirARendre(eleve, "Devoir de la classe de mesure");
    await redis?.arreter();
    const debut = performance.now();
    const liste = await eleve.get("/v1/devoirs");
    expect(liste.status).toBe(200);
    console.info(`Redis arrêté : première requête servie en ${(performance.now() - debut).toFixed(0)} ms`);
    const t1 = performance.now();
    expect((await eleve.get("/v1/devoirs")).status).toBe(200);
    const suivante = performance.now() - t1;
    console.info(`Redis arrêté : requête suivante servie en ${suivante.toFixed(0)} ms`);
    // Not held until a reconnection attempt (it was 1 to 4 s per request).
    expect(suivante).toBeLessThan(2_000);
    const contenu = copie(500_000);
    const trajet = await rendreTenace(eleve, devoirId, contenu, { morceau: 250_000, limiteMs: 60_000 });
    expect(trajet.accuse?.fichiers[0]!.sha256).toBe(sha(contenu));
    expect(trajet.reponses.filter((r) => r.status >= 500)).toEqual([]);
    // The whole hand-in (five requests) is served without waiting for Redis (it took 30 s before).
    expect(performance.now() - debut).toBeLessThan(15_000);
    await api[1]!.attendre(/Redis injoignable/, 10_000);
  }, 120_000);
});
