import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, creerBaseVide, enregistrerIdentite, type BaseVide, type DbHandle } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emettreJeton } from "../auth/session.js";
import { demarrer, type ServeurDemarre } from "../server.js";

// Two API processes on one PostgreSQL database: a profile changed through one (class, role: a new ENT
// sign-in) and a session closed through one are seen by the other within a second. On PostgreSQL there is no
// in-process session cache: every request reads the session and the user from the database.

const SECRET = "p".repeat(48);
let vide: BaseVide;
let dossier: string;
let base: DbHandle;
let a: ServeurDemarre;
let b: ServeurDemarre;

beforeAll(async () => {
  vide = await creerBaseVide(process.env.DATABASE_URL!);
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-i13-processus-"));
  const env = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: vide.url,
    TROUSSE_DATA_DIR: dossier,
    TROUSSE_SESSION_SECRET: SECRET,
    LOG_LEVEL: "silent",
  };
  a = await demarrer(env);
  b = await demarrer(env);
  base = await createDb({ url: vide.url, poolMax: 2 });
});
afterAll(async () => {
  await a?.arreter();
  await b?.arreter();
  await base?.close();
  await vide?.supprimer();
  await rm(dossier, { recursive: true, force: true });
});

const identite = (role: "eleve" | "enseignant", classes: string[]) => ({
  entId: "ent-i13",
  uid: "u-1",
  nomAffiche: "Camille Roux",
  role,
  etablissement: { uai: "0590001A", nom: "Collège des deux processus" },
  classes,
  groupes: [],
});

/** Polls `verifier` for at most 1 s; returns the ms it took, or throws. */
async function enMoinsDUneSeconde(verifier: () => Promise<boolean>): Promise<number> {
  const debut = Date.now();
  while (Date.now() - debut < 1_000) {
    if (await verifier()) return Date.now() - debut;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("pas vu en moins d'une seconde");
}

describe("deux processus, une base PostgreSQL", () => {
  it("un profil changé (classe, rôle) et une session fermée sont vus par l'autre processus en moins d'une seconde", async () => {
    const u = await enregistrerIdentite(base.db, identite("eleve", ["4A"]));
    const { jeton } = await emettreJeton(u, { secret: SECRET, dureeMinutes: 60 });
    const moi = async (s: ServeurDemarre) =>
      fetch(`http://127.0.0.1:${s.port}/v1/auth/moi`, { headers: { authorization: `Bearer ${jeton}` } });
    const profil = async (s: ServeurDemarre) =>
      (await (await moi(s)).json()) as { role: string; classes: string[] };
    expect(await profil(a)).toMatchObject({ role: "eleve", classes: ["4A"] });
    expect(await profil(b)).toMatchObject({ role: "eleve", classes: ["4A"] });

    // A new ENT sign-in changes the profile (here through the database, as process A's sign-in would).
    await enregistrerIdentite(base.db, identite("enseignant", ["3B"]));
    await enMoinsDUneSeconde(async () => {
      const p = await profil(b);
      return p.role === "enseignant" && p.classes.join() === "3B";
    });

    const sortie = await fetch(`http://127.0.0.1:${a.port}/v1/auth/deconnexion`, {
      method: "POST",
      headers: { authorization: `Bearer ${jeton}` },
    });
    expect(sortie.status).toBeLessThan(300);
    await enMoinsDUneSeconde(async () => {
      const r = await moi(b);
      return (
        r.status === 401 &&
        ((await r.json()) as { erreur: { code: string } }).erreur.code === "session-revoquee"
      );
    });
  });
});
