import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { createDb, creerBaseVide, fichiersRendu, type BaseVide, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connecter,
  devoirARendre,
  lancerApi,
  lancerNginx,
  type Client,
  type Nginx,
  type ProcessusApi,
  copie,
  sha,
} from "../test-support/parties-reelles.js";

// Two API processes (each its own port) behind nginx from Debian configured by the repository's
// `deploy/nginx.conf`, on the machine's PostgreSQL (a database of our own) and Redis (keys under a prefix of
// our own), one data folder shared by both (the folder store). Through nginx: an upload continued through
// either process, two PATCHes at one offset started together (one 204, the other 409/423, never interleaved),
// the hand-in and its receipt (sha256 in the database and in the store), a multi-MB PATCH streamed through
// (request buffering off: the API has the bytes before the body ends).

const REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIXE = `i13:grappe:${randomUUID().slice(0, 8)}:`;
let vide: BaseVide;
let base: DbHandle;
let dossier: string;
const api: ProcessusApi[] = [];
let nginx: Nginx;

beforeAll(async () => {
  vide = await creerBaseVide(process.env.DATABASE_URL!);
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-i13-nginx-donnees-"));
  const env = {
    DATABASE_URL: vide.url,
    REDIS_URL: REDIS,
    TROUSSE_REDIS_PREFIXE: PREFIXE,
    TROUSSE_DATA_DIR: dossier,
    TROUSSE_DEMO: "1",
    TROUSSE_DEMO_ELEVES_RUSH: "6",
    TROUSSE_SESSION_SECRET: "n".repeat(48),
    TROUSSE_TRUST_PROXY: "1",
  };
  // The first migrates and seeds; the second finds the database ready.
  api.push(await lancerApi(env));
  api.push(await lancerApi(env));
  nginx = await lancerNginx(api.map((a) => a.port));
  base = await createDb({ url: vide.url, poolMax: 2 });
}, 400_000);

afterAll(async () => {
  await nginx?.arreter();
  await Promise.all(api.map((a) => a.arreter()));
  await base?.close();
  await vide?.supprimer();
  await rm(dossier, { recursive: true, force: true });
  const r = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await r.connect().catch(() => undefined);
  const cles = await r.keys(`${PREFIXE}*`).catch(() => [] as string[]);
  if (cles.length) await r.del(...cles);
  r.disconnect();
}, 60_000);

const amont = (r: { entetes: http.IncomingHttpHeaders }) => String(r.entetes["x-trousse-amont"]);

async function verifierAccuse(devoirId: string, renduReponse: { corps: Buffer }, attendu: Buffer) {
  const accuse = (
    JSON.parse(renduReponse.corps.toString()) as {
      accuseReception: { renduId: string; fichiers: { id: string; sha256: string; taille: number }[] };
    }
  ).accuseReception;
  expect(accuse.fichiers).toHaveLength(1);
  const f = accuse.fichiers[0]!;
  expect(f.sha256).toBe(sha(attendu));
  const [ligne] = await base.db.select().from(fichiersRendu).where(eq(fichiersRendu.renduId, accuse.renduId));
  expect(ligne!.sha256).toBe(sha(attendu));
  expect(ligne!.chemin).toBe(`rendus/${devoirId}/${f.id}`);
  expect(sha(await readFile(path.join(dossier, "fichiers", ligne!.chemin)))).toBe(sha(attendu));
}

describe("deux processus derrière nginx (deploy/nginx.conf), PostgreSQL et Redis de la machine", () => {
  it("un envoi se continue par l'un ou l'autre processus (HEAD, PATCH), puis se rend : accusé, sha256 en base et dans le stockage", async () => {
    const eleve = await connecter(nginx.url, "rush.eleve0001");
    const devoirId = await devoirARendre(eleve, "Devoir de la classe de mesure");
    const contenu = copie(3_000_000);
    const { id, reponse } = await eleve.creerEnvoi(devoirId, "copie.pdf", contenu.length);
    // Location is relative (served behind any host); nginx forwarded the request.
    expect(String(reponse.entetes.location)).toBe(`/v1/televersements/${id}`);
    const servis: string[] = [amont(reponse)];
    const morceau = 750_000;
    for (let offset = 0; offset < contenu.length; offset += morceau) {
      const head = await eleve.head(id);
      expect(head.status).toBe(200);
      expect(Number(head.entetes["upload-offset"])).toBe(offset);
      servis.push(amont(head));
      const patch = await eleve.patch(id, offset, contenu.subarray(offset, offset + morceau));
      expect(patch.status).toBe(204);
      servis.push(amont(patch));
    }
    // Both processes served parts of this one upload.
    expect(new Set(servis)).toEqual(new Set(api.map((a) => `127.0.0.1:${a.port}`)));
    const rendu = await eleve.rendre(devoirId, [id]);
    expect(rendu.status).toBe(201);
    await verifierAccuse(devoirId, rendu, contenu);
    // Rate limits were counted in the machine's Redis, under this test's own prefix only.
    const r = new Redis(REDIS, { maxRetriesPerRequest: 1 });
    try {
      expect((await r.keys(`${PREFIXE}*`)).length).toBeGreaterThan(0);
    } finally {
      r.disconnect();
    }
  });

  it("deux PATCH au même décalage lancés ensemble sur les deux processus : un 204, l'autre 409 ou 423 ; le fichier rendu est l'envoi exact", async () => {
    const eleve = await connecter(nginx.url, "rush.eleve0002");
    const devoirId = await devoirARendre(eleve, "Devoir de la classe de mesure");
    const contenu = copie(6_000_000);
    const { id } = await eleve.creerEnvoi(devoirId, "copie.pdf", contenu.length);
    // Both bodies are written slowly (64 KiB every 20 ms) so that both requests are in flight together.
    const lent = (): Promise<{ status: number; offset: number; amont: string }> =>
      new Promise((ok, ko) => {
        const req = http.request(
          `${nginx.url}/v1/televersements/${id}`,
          {
            method: "PATCH",
            headers: {
              ...eleve.auth,
              "Upload-Offset": "0",
              "Content-Type": "application/offset+octet-stream",
              "Content-Length": String(contenu.length),
            },
          },
          (res) => {
            res.resume();
            res.on("end", () =>
              ok({
                status: res.statusCode ?? 0,
                offset: Number(res.headers["upload-offset"] ?? -1),
                amont: String(res.headers["x-trousse-amont"]),
              }),
            );
          },
        );
        req.on("error", ko);
        let position = 0;
        const suite = () => {
          if (req.destroyed) return;
          if (position >= contenu.length) return void req.end();
          const ok2 = req.write(contenu.subarray(position, position + 65_536));
          position += 65_536;
          if (ok2) setTimeout(suite, 20);
          else req.once("drain", () => setTimeout(suite, 20));
        };
        suite();
      });
    const [a, b] = await Promise.all([lent(), lent()]);
    // nginx (least_conn) sent them to the two processes.
    expect(a.amont).not.toBe(b.amont);
    const statuts = [a.status, b.status].sort();
    expect(statuts[0]).toBe(204);
    expect([409, 423]).toContain(statuts[1]);
    const gagnant = a.status === 204 ? a : b;
    const head = await eleve.head(id);
    expect(Number(head.entetes["upload-offset"])).toBe(gagnant.offset);
    // Whatever was stopped, the kept prefix is the upload's own bytes: continue from there and hand in.
    if (gagnant.offset < contenu.length) {
      const suite = await eleve.patch(id, gagnant.offset, contenu.subarray(gagnant.offset));
      expect(suite.status).toBe(204);
    }
    const rendu = await eleve.rendre(devoirId, [id]);
    expect(rendu.status).toBe(201);
    await verifierAccuse(devoirId, rendu, contenu);
  }, 120_000);

  it("un PATCH de plusieurs Mo passe nginx en flux (tampon de requête coupé, limite de corps des envois) ; le reste de l'API garde sa limite", async () => {
    const eleve = await connecter(nginx.url, "rush.eleve0003");
    const devoirId = await devoirARendre(eleve, "Devoir de la classe de mesure");
    const contenu = copie(8_000_000);
    const { id } = await eleve.creerEnvoi(devoirId, "copie.pdf", contenu.length);
    // Half the body, then the client goes away: with request buffering on, nginx would have waited for the
    // whole body and the API would have nothing; here the API received and kept the bytes as they came.
    await new Promise<void>((ok) => {
      const req = http.request(`${nginx.url}/v1/televersements/${id}`, {
        method: "PATCH",
        headers: {
          ...eleve.auth,
          "Upload-Offset": "0",
          "Content-Type": "application/offset+octet-stream",
          "Content-Length": String(contenu.length),
        },
      });
      req.on("error", () => ok());
      req.write(contenu.subarray(0, 4_000_000), () => {
        setTimeout(() => {
          req.destroy();
          ok();
        }, 1_500);
      });
    });
    let garde = 0;
    for (let i = 0; i < 100 && garde === 0; i++) {
      const head = await eleve.head(id);
      if (head.status === 200) garde = Number(head.entetes["upload-offset"]);
      if (garde === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(garde).toBeGreaterThan(1_000_000);
    expect(garde).toBeLessThanOrEqual(4_000_000);
    // The rest in ONE multi-MB PATCH: far above the 1 MiB limit of the other routes, accepted here.
    const fin = await eleve.patch(id, garde, contenu.subarray(garde));
    expect(fin.status).toBe(204);
    expect(Number(fin.entetes["upload-offset"])).toBe(contenu.length);
    const rendu = await eleve.rendre(devoirId, [id]);
    expect(rendu.status).toBe(201);
    await verifierAccuse(devoirId, rendu, contenu);
    // Elsewhere, nginx keeps the 1 MiB limit of deploy/nginx.conf (413 before the API).
    const gros = await eleve.rendre(devoirId, ["x".repeat(2 * 1024 * 1024)]);
    expect(gros.status).toBe(413);
  }, 120_000);

  it("une session fermée est refusée par les deux processus", async () => {
    const eleve: Client = await connecter(nginx.url, "rush.eleve0004");
    expect((await eleve.get("/v1/devoirs")).status).toBe(200);
    const sortie = await eleve.get("/v1/auth/moi");
    expect(sortie.status).toBe(200);
    const fermeture = await fetch(`${nginx.url}/v1/auth/deconnexion`, {
      method: "POST",
      headers: { authorization: eleve.auth.authorization },
    });
    expect([200, 204]).toContain(fermeture.status);
    for (const a of api) {
      const r = await fetch(`${a.url}/v1/devoirs`, { headers: { authorization: eleve.auth.authorization } });
      expect(r.status).toBe(401);
    }
  });
});
