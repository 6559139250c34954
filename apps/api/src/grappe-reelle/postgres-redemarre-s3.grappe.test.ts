import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { eq, inArray } from "drizzle-orm";
import { createDb, creerBaseVide, fichiersRendu, rendus, type BaseVide, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StockageS3 } from "../stockage/stockage-s3.js";
import { demarrerS3Local, type S3Local } from "../stockage/test-support/s3-local.js";
import {
  connecter,
  devoirARendre,
  lancerApi,
  lancerNginx,
  lancerPostgres,
  portLibre,
  rendreTenace,
  requete,
  type Accuse,
  type Client,
  type Nginx,
  type PostgresJetable,
  type ProcessusApi,
  type Reponse,
  copie,
  sha,
} from "../test-support/parties-reelles.js";

// Two API processes behind nginx (deploy/nginx.conf) on a throw-away PostgreSQL cluster of our own (initdb in
// a temporary folder, so that it can be restarted without touching the machine's server), with the S3 store
// on s3rver (behind a relay the test cuts). Hand-in to S3 through nginx; (d) the store down → « rendre »
// 503 with Retry-After, nothing acknowledged; (b) PostgreSQL restarted under load → 503 with Retry-After,
// then recovery without restarting the API.

/** The stable error code of an API answer, or what else answered (nginx's own HTML page). */
function codeErreur(r: Reponse): string {
  try {
    return r.json<{ erreur: { code: string } }>().erreur.code;
  } catch {
    return `non-json : ${r.corps.toString().slice(0, 80)}`;
  }
}
const login = (i: number) => `rush.eleve${String(i).padStart(4, "0")}`;
const ELEVES_CHARGE = 16;

let pg: PostgresJetable;
let vide: BaseVide;
let base: DbHandle;
let s3: S3Local;
let stockage: StockageS3;
let dossier: string;
const api: ProcessusApi[] = [];
let nginx: Nginx;

beforeAll(async () => {
  pg = await lancerPostgres();
  vide = await creerBaseVide(pg.url);
  s3 = await demarrerS3Local({
    prefixe: "grappe/",
    ports: { s3rver: await portLibre(), relais: await portLibre() },
  });
  stockage = new StockageS3(s3.config);
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-i13-pg-s3-"));
  const env = {
    DATABASE_URL: vide.url,
    TROUSSE_DATA_DIR: dossier,
    TROUSSE_DEMO: "1",
    TROUSSE_DEMO_ELEVES_RUSH: String(ELEVES_CHARGE + 2),
    TROUSSE_SESSION_SECRET: "q".repeat(48),
    TROUSSE_TRUST_PROXY: "1",
    TROUSSE_STOCKAGE: "s3",
    TROUSSE_S3_ENDPOINT: s3.config.endpoint,
    TROUSSE_S3_REGION: s3.config.region,
    TROUSSE_S3_BUCKET: s3.config.bucket,
    TROUSSE_S3_ACCESS_KEY: s3.config.accessKey,
    TROUSSE_S3_SECRET_KEY: s3.config.secretKey,
    TROUSSE_S3_PREFIXE: s3.config.prefixe,
    TROUSSE_S3_DELAI_SECONDES: "5",
  };
  api.push(await lancerApi(env));
  api.push(await lancerApi(env));
  nginx = await lancerNginx(api.map((a) => a.port));
  base = await createDb({ url: vide.url, poolMax: 2 });
}, 400_000);

afterAll(async () => {
  await nginx?.arreter();
  await Promise.all(api.map((a) => a.arreter()));
  await base?.close();
  await s3?.fermer();
  await pg?.supprimer();
  await rm(dossier, { recursive: true, force: true });
}, 120_000);

/** The receipt's file: sha256 in the database, and the same bytes in the bucket (HEAD metadata and GET). */
async function verifierDansS3(accuse: Accuse, contenu: Buffer) {
  const f = accuse.fichiers[0]!;
  expect(f.sha256).toBe(sha(contenu));
  const [ligne] = await base.db.select().from(fichiersRendu).where(eq(fichiersRendu.renduId, accuse.renduId));
  expect(ligne!.sha256).toBe(sha(contenu));
  const objet = await stockage.client.statObject(s3.config.bucket, `grappe/${ligne!.chemin}`);
  expect(objet.size).toBe(contenu.length);
  expect(objet.metaData.sha256).toBe(sha(contenu));
  expect(sha(await buffer(await stockage.lire(ligne!.chemin)))).toBe(sha(contenu));
}

describe("PostgreSQL jetable et stockage S3 (s3rver), deux processus derrière nginx", () => {
  it("un envoi passé par les deux processus se rend dans le bucket : accusé, sha256 en base et dans S3", async () => {
    const eleve = await connecter(nginx.url, login(1));
    const devoirId = await devoirARendre(eleve, "Devoir de la classe de mesure");
    const contenu = copie(2_000_000);
    const trajet = await rendreTenace(eleve, devoirId, contenu, { morceau: 500_000, limiteMs: 60_000 });
    expect(trajet.accuse).not.toBeNull();
    await verifierDansS3(trajet.accuse!, contenu);
  });

  it("stockage coupé : « rendre » répond 503 stockage-indisponible avec Retry-After, rien n'est accusé ; au retour, le même envoi se rend", async () => {
    const eleve = await connecter(nginx.url, login(2));
    const devoirId = await devoirARendre(eleve, "Devoir de la classe de mesure");
    const contenu = copie(1_000_000);
    const { id } = await eleve.creerEnvoi(devoirId, "copie.pdf", contenu.length);
    expect((await eleve.patch(id, 0, contenu)).status).toBe(204);
    await s3.couper();
    let r: Reponse;
    try {
      r = await eleve.rendre(devoirId, [id]);
    } finally {
      await s3.retablir();
    }
    expect(r.status).toBe(503);
    expect(Number(r.entetes["retry-after"])).toBeGreaterThan(0);
    expect(r.json<{ erreur: { code: string } }>().erreur.code).toBe("stockage-indisponible");
    const moi = (await eleve.get("/v1/auth/moi")).json<{ id: string }>().id;
    expect(await base.db.select({ id: rendus.id }).from(rendus).where(eq(rendus.eleveId, moi))).toEqual([]);
    const encore = await eleve.rendre(devoirId, [id]);
    expect(encore.status).toBe(201);
    await verifierDansS3(encore.json<{ accuseReception: Accuse }>().accuseReception, contenu);
  }, 60_000);

  it("PostgreSQL redémarré sous charge : 503 avec Retry-After (jamais 500), puis reprise sans redémarrer l'API ; chaque accusé intact", async () => {
    const eleves: Client[] = await Promise.all(
      Array.from({ length: ELEVES_CHARGE }, (_, i) => connecter(nginx.url, login(i + 3))),
    );
    const devoirId = await devoirARendre(eleves[0]!, "Devoir de la classe de mesure");
    const contenus = eleves.map(() => copie(1_000_000));
    // The load: pupils uploading in small PATCHes and handing in, and a reader listing assignments.
    let lecture = true;
    const lectures: { t: number; status: number; retryAfter: string | undefined; code?: string }[] = [];
    const lecteur = (async () => {
      while (lecture) {
        const r = await requete(`${nginx.url}/v1/devoirs`, {
          entetes: { authorization: eleves[0]!.auth.authorization },
        }).catch(() => null);
        if (r)
          lectures.push({
            t: Date.now(),
            status: r.status,
            retryAfter: r.entetes["retry-after"] as string | undefined,
            code: r.status >= 400 ? codeErreur(r) : undefined,
          });
        await new Promise((ok) => setTimeout(ok, 100));
      }
    })();
    const charge = Promise.all(
      eleves.map(async (eleve, i) => {
        await new Promise((r) => setTimeout(r, Math.random() * 2_000));
        return rendreTenace(eleve, devoirId, contenus[i]!, {
          morceau: 100_000,
          limiteMs: 180_000,
          avantChaquePatch: () => new Promise((r) => setTimeout(r, 150)),
        });
      }),
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const pids = api.map((a) => a.pid);
    const arret = Date.now();
    await pg.arreter();
    await new Promise((r) => setTimeout(r, 4_000));
    await pg.demarrer();
    const retour = Date.now();
    const trajets = await charge;
    // The reader sees the service back within 30 s of PostgreSQL's return.
    const limite = Date.now() + 30_000;
    while (Date.now() < limite && lectures.at(-1)?.status !== 200)
      await new Promise((r) => setTimeout(r, 200));
    lecture = false;
    await lecteur;

    // The same two processes, never restarted.
    expect(api.map((a) => a.enfant.exitCode ?? a.enfant.signalCode)).toEqual([null, null]);
    expect(api.map((a) => a.pid)).toEqual(pids);
    expect(lectures.at(-1)!.status).toBe(200);
    // During the outage: 503 base-indisponible with Retry-After; never a 500, never a 502 from nginx.
    const pendant = lectures.filter((l) => l.t > arret + 500 && l.t < retour - 200);
    expect(pendant.length).toBeGreaterThan(0);
    expect(pendant.some((l) => l.status === 503)).toBe(true);
    const toutes = [
      ...lectures.map((l) => ({ etape: "lecture", status: l.status, retryAfter: l.retryAfter })),
      ...trajets.flatMap((t) => t.reponses),
    ];
    expect(toutes.filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);
    expect(toutes.filter((r) => r.status === 503 && !(Number(r.retryAfter) > 0))).toEqual([]);
    expect(new Set(lectures.filter((l) => l.status === 503).map((l) => l.code))).toEqual(
      new Set(["base-indisponible"]),
    );
    // Every pupil got a receipt, and every receipt is intact (database and bucket).
    expect(trajets.filter((t) => !t.accuse).map((t) => t.reponses.slice(-3))).toEqual([]);
    for (const [i, t] of trajets.entries()) await verifierDansS3(t.accuse!, contenus[i]!);
    const ids = trajets.map((t) => t.accuse!.renduId);
    expect(
      (await base.db.select().from(fichiersRendu).where(inArray(fichiersRendu.renduId, ids))).length,
    ).toBe(ELEVES_CHARGE);
    console.info(
      `PostgreSQL arrêté ${((retour - arret) / 1000).toFixed(1)} s : ${lectures.filter((l) => l.status === 503).length} lecture(s) 503, ` +
        `${trajets.reduce((n, t) => n + t.reponses.filter((r) => r.status === 503).length, 0)} réponse(s) 503 aux élèves, ` +
        `${trajets.reduce((n, t) => n + t.reprises, 0)} reprise(s) d'envoi`,
    );
  }, 300_000);
});
