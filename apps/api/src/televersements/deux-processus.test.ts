import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@trousse/db";
import { exigerSession } from "../auth/exiger-session.js";
import { repondreAuxErreurs } from "../erreurs/repondre.js";
import { creerModuleRendus, type ModuleRendus } from "../rendre-un-devoir.js";
import { pdf } from "../rendus/test-support/echantillons.js";
import { pdfAvec } from "./test-support/documents.js";
import { creerDevoir, creerMonde, metadonneesTus, SECRET, type Monde } from "../rendus/test-support/monde.js";

// Deux instances de l'API sur la même base et le même dossier de données, comme deux processus derrière un
// répartiteur : sur PostgreSQL, chacune a son propre pool ; sur PGlite (un seul processus possible), elles
// partagent la base ouverte. Avant : chaque instance comptait les envois en attente de son côté (3 + 3).
let monde: Monde;
let secondeBase: DbHandle | null = null;
let second: ModuleRendus;
let appSeconde: Hono;
beforeAll(async () => {
  monde = await creerMonde();
  // On PostgreSQL, the world has its own database (creerBaseDeTest): the second instance opens the same one.
  const url = process.env.DATABASE_URL;
  if (url) {
    const r = await monde.base.db.execute(sql`select current_database() as nom`);
    const cible = new URL(url);
    cible.pathname = `/${(r as unknown as { rows: { nom: string }[] }).rows[0]!.nom}`;
    secondeBase = await createDb({ url: cible.toString(), poolMax: 4 });
  }
  const logger = pino({ level: "silent" });
  second = creerModuleRendus({
    db: (secondeBase ?? monde.base).db,
    exigerSession: exigerSession({
      db: (secondeBase ?? monde.base).db,
      config: { ents: [], sessionSecret: SECRET, sessionDureeMinutes: 60 },
      logger,
      demo: false,
      baseUrl: "http://trousse.test",
    }),
    dossierDonnees: monde.dossier,
    maintenant: () => monde.horloge.maintenant,
    periodeNettoyageMs: 0,
  });
  await second.pret;
  appSeconde = new Hono();
  appSeconde.route("/v1", second.app);
  appSeconde.onError(repondreAuxErreurs(logger));
});
afterAll(async () => {
  second.arreter();
  await secondeBase?.close();
  await monde.fermer();
});

function creation(instance: 0 | 1, devoirId: string, taille: number, nom = "copie.pdf"): Promise<Response> {
  const init: RequestInit = {
    method: "POST",
    headers: {
      authorization: `Bearer ${monde.jetons.eleve}`,
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(taille),
      "Upload-Metadata": metadonneesTus({ filename: nom, devoir: devoirId }),
    },
  };
  return instance === 0
    ? monde.requete("/v1/televersements", init)
    : Promise.resolve(appSeconde.request("http://trousse.test/v1/televersements", init));
}

function patch(instance: 0 | 1, id: string, offset: number, corps: Buffer): Promise<Response> {
  const init: RequestInit = {
    method: "PATCH",
    headers: {
      authorization: `Bearer ${monde.jetons.eleve}`,
      "Tus-Resumable": "1.0.0",
      "Upload-Offset": String(offset),
      "Content-Type": "application/offset+octet-stream",
    },
    body: new Uint8Array(corps),
  };
  return instance === 0
    ? monde.requete(`/v1/televersements/${id}`, init)
    : Promise.resolve(appSeconde.request(`http://trousse.test/v1/televersements/${id}`, init));
}

describe(`deux instances sur une base (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("la limite d'envois en attente est comptée en base : 3 au plus, quelle que soit l'instance", async () => {
    monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
    const devoirId = await creerDevoir(monde); // nombreMax: 3
    const reponses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => creation((i % 2) as 0 | 1, devoirId, 1000)),
    );
    const statuts = reponses.map((r) => r.status).sort();
    expect(statuts).toEqual([201, 201, 201, 422, 422, 422, 422, 422]);
    const refus = reponses.find((r) => r.status === 422)!;
    expect(((await refus.json()) as { erreur: { code: string } }).erreur.code).toBe("trop-de-fichiers");
  });

  it("un envoi annulé sur une instance libère sa place sur l'autre", async () => {
    const devoirId = await creerDevoir(monde);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await creation(0, devoirId, 1000);
      expect(r.status).toBe(201);
      ids.push(r.headers.get("location")!.split("/").pop()!);
    }
    expect((await creation(1, devoirId, 1000)).status).toBe(422);
    const annulation = await monde.requete(`/v1/televersements/${ids[0]}`, {
      method: "DELETE",
      profil: "eleve",
      headers: { "Tus-Resumable": "1.0.0" },
    });
    expect(annulation.status).toBe(204);
    expect((await creation(1, devoirId, 1000)).status).toBe(201);
    void pdf;
  });

  it("un PDF est inspecté au fil de l'envoi, sans relecture ; fini sur l'autre instance, il y est relu en entier (un script de la première moitié est refusé)", async () => {
    const devoirId = await creerDevoir(monde, { titre: "Inspection au fil de l'envoi" });
    const sain = pdf(200_000, 5);
    const actif = pdfAvec([
      "<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
      "<< /Type /Pages /Kids [] /Count 0 >>",
      "<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
      `<< /Length 100000 >>\nstream\n${"x".repeat(100_000)}\nendstream`,
    ]);
    const relusAvant = [monde.module.store.inspectionsRelues, second.store.inspectionsRelues];
    // Whole on one instance, in two PATCHes: inspected as it arrived, not read again.
    const r1 = await creation(0, devoirId, sain.length);
    const id1 = r1.headers.get("location")!.split("/").pop()!;
    expect((await patch(0, id1, 0, sain.subarray(0, 100_000))).status).toBe(204);
    expect((await patch(0, id1, 100_000, sain.subarray(100_000))).status).toBe(204);
    expect(monde.module.store.inspectionsRelues).toBe(relusAvant[0]);
    // The active one: first half (with the script) on instance 0, the rest on instance 1, which never saw
    // the beginning: it reads the whole file again at the end, and refuses it.
    const r2 = await creation(0, devoirId, actif.length);
    const id2 = r2.headers.get("location")!.split("/").pop()!;
    const moitie = Math.floor(actif.length / 2);
    expect((await patch(0, id2, 0, actif.subarray(0, moitie))).status).toBe(204);
    const fin = await patch(1, id2, moitie, actif.subarray(moitie));
    expect(fin.status).toBe(415);
    expect(((await fin.json()) as { erreur: { code: string } }).erreur.code).toBe("document-actif");
    expect(second.store.inspectionsRelues).toBe(relusAvant[1]! + 1);
  });

  // A process killed after the last byte reached the disk and before it wrote the upload's end (sha256, type)
  // leaves exactly this: the whole file, and metadata without sha256. HEAD through the other process reports
  // offset = size, so the client goes on to « rendre » — which answered 409 « envoi pas terminé » forever.
  it("un envoi dont tous les octets sont sur le disque mais dont la fin n'a pas été écrite (processus tué entre les deux) est achevé par l'autre instance : « rendre » donne l'accusé", async () => {
    const devoirId = await creerDevoir(monde, { titre: "Tué entre le dernier octet et la fin" });
    const copie = pdf(150_000, 3);
    const r = await creation(0, devoirId, copie.length);
    expect(r.status).toBe(201);
    const id = r.headers.get("location")!.split("/").pop()!;
    // The first part through the API, the rest written straight to the file, as the killed PATCH had.
    expect((await patch(0, id, 0, copie.subarray(0, 50_000))).status).toBe(204);
    await writeFile(path.join(monde.dossier, "televersements", id), copie);
    const meta = JSON.parse(await readFile(path.join(monde.dossier, "televersements", `${id}.json`), "utf8"));
    expect(meta.metadata.sha256).toBeUndefined();

    const tete = await appSeconde.request(`http://trousse.test/v1/televersements/${id}`, {
      method: "HEAD",
      headers: { authorization: `Bearer ${monde.jetons.eleve}`, "Tus-Resumable": "1.0.0" },
    });
    expect(tete.headers.get("upload-offset")).toBe(String(copie.length));
    const rendu = await appSeconde.request(`http://trousse.test/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      headers: { authorization: `Bearer ${monde.jetons.eleve}`, "content-type": "application/json" },
      body: JSON.stringify({ televersements: [id] }),
    });
    expect(rendu.status).toBe(201);
    const { accuseReception } = (await rendu.json()) as {
      accuseReception: { fichiers: { sha256: string; taille: number }[] };
    };
    expect(accuseReception.fichiers[0]).toMatchObject({
      sha256: createHash("sha256").update(copie).digest("hex"),
      taille: copie.length,
    });
  });

  it("achevé ainsi, un document actif est refusé comme à la fin d'un envoi (415 document-actif), et l'envoi supprimé", async () => {
    const devoirId = await creerDevoir(monde, { titre: "Tué avant l'inspection" });
    const actif = pdfAvec([
      "<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
      "<< /Type /Pages /Kids [] /Count 0 >>",
      "<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
    ]);
    const r = await creation(0, devoirId, actif.length);
    const id = r.headers.get("location")!.split("/").pop()!;
    await writeFile(path.join(monde.dossier, "televersements", id), actif);
    const rendu = await appSeconde.request(`http://trousse.test/v1/devoirs/${devoirId}/rendre`, {
      method: "POST",
      headers: { authorization: `Bearer ${monde.jetons.eleve}`, "content-type": "application/json" },
      body: JSON.stringify({ televersements: [id] }),
    });
    expect(rendu.status).toBe(415);
    expect(((await rendu.json()) as { erreur: { code: string } }).erreur.code).toBe("document-actif");
    expect(await second.store.configstore.get(id)).toBeUndefined();
  });
});
