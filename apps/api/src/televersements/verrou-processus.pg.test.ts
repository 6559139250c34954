import http from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { creerBaseVide, type BaseVide } from "@trousse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../rendus/test-support/echantillons.js";
import { demarrer, type ServeurDemarre } from "../server.js";

// Two API processes (two `demarrer`: each its own tus locker, store, pool and PostgreSQL session — nothing
// shared but the database and the data folder, exactly as two processes) and one upload. Two PATCHes at the
// same offset, started together, one on each process: they must never both write the file. Before the
// cross-process lock, both answered 204 and wrote the same file at once.

let vide: BaseVide;
let dossier: string;
let a: ServeurDemarre;
let b: ServeurDemarre;
let jeton: string;
let devoirId: string;

const b64 = (t: string) => Buffer.from(t).toString("base64");

beforeAll(async () => {
  vide = await creerBaseVide(process.env.DATABASE_URL!);
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-i13-verrou-"));
  const env = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: vide.url,
    TROUSSE_DATA_DIR: dossier,
    TROUSSE_DEMO: "1",
    TROUSSE_SESSION_SECRET: "s".repeat(48),
    LOG_LEVEL: "silent",
  };
  a = await demarrer(env);
  b = await demarrer(env);
  const r = await fetch(`http://127.0.0.1:${a.port}/v1/auth/demo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "lea.martin" }),
  });
  jeton = ((await r.json()) as { jeton: string }).jeton;
  const { devoirs } = (await (
    await fetch(`http://127.0.0.1:${a.port}/v1/devoirs`, { headers: { authorization: `Bearer ${jeton}` } })
  ).json()) as { devoirs: { id: string; statut: string }[] };
  devoirId = devoirs.find((d) => d.statut === "a-rendre")!.id;
});
afterAll(async () => {
  await a?.arreter();
  await b?.arreter();
  await vide?.supprimer();
  await rm(dossier, { recursive: true, force: true });
});

/** A PATCH that streams `corps` in 64 KiB pieces every 15 ms (it lasts long enough to overlap another). */
function patchLent(
  port: number,
  id: string,
  corps: Buffer,
): Promise<{ status: number; offset: string | null }> {
  return new Promise((ok, ko) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "PATCH",
        path: `/v1/televersements/${id}`,
        headers: {
          authorization: `Bearer ${jeton}`,
          "Tus-Resumable": "1.0.0",
          "Upload-Offset": "0",
          "Content-Type": "application/offset+octet-stream",
          "Content-Length": String(corps.length),
        },
      },
      (res) => {
        res.resume();
        res.once("end", () =>
          ok({ status: res.statusCode ?? 0, offset: String(res.headers["upload-offset"] ?? "") || null }),
        );
      },
    );
    req.once("error", ko);
    let position = 0;
    const suite = () => {
      if (position >= corps.length) return void req.end();
      req.write(corps.subarray(position, position + 65_536));
      position += 65_536;
      setTimeout(suite, 15);
    };
    suite();
  });
}

describe("deux processus, un envoi", () => {
  it("deux PATCH au même décalage sur deux processus ne s'entremêlent jamais : un seul écrit, l'autre 409/423", async () => {
    // Repeated: the race (both pass the offset check before either wrote) is a few milliseconds wide.
    const constats: string[] = [];
    for (let essai = 0; essai < 10; essai++) constats.push(await unEssai(essai));
    expect(constats).toEqual(Array.from({ length: 10 }, () => "un seul écrit"));
  });

  it("un PATCH resté en plan sur un processus (client parti) est arrêté : l'envoi reprend par l'autre processus", async () => {
    const taille = 512 * 1024;
    const corps = pdf(taille, 5);
    const creation = await fetch(`http://127.0.0.1:${a.port}/v1/televersements`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${jeton}`,
        "Tus-Resumable": "1.0.0",
        "Upload-Length": String(taille),
        "Upload-Metadata": `filename ${b64("reprise.pdf")},devoir ${b64(devoirId)}`,
      },
    });
    const id = creation.headers.get("location")!.split("/").pop()!;
    // On A: 100 000 bytes sent, then the client goes silent with its connection open.
    const enPlan = new Promise<number>((ok, ko) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: a.port,
          method: "PATCH",
          path: `/v1/televersements/${id}`,
          headers: {
            authorization: `Bearer ${jeton}`,
            "Tus-Resumable": "1.0.0",
            "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Content-Length": String(taille),
          },
        },
        (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.once("error", ko);
      req.write(corps.subarray(0, 100_000));
    });
    await new Promise((r) => setTimeout(r, 300));
    const auth = { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" };
    // Through B: HEAD waits, then asks A to let go; it gets what A kept.
    const tete = await fetch(`http://127.0.0.1:${b.port}/v1/televersements/${id}`, {
      method: "HEAD",
      headers: auth,
    });
    expect(tete.status).toBe(200);
    expect(await enPlan).toBe(204);
    const offset = Number(tete.headers.get("upload-offset"));
    expect(offset).toBe(100_000);
    const suite = await fetch(`http://127.0.0.1:${b.port}/v1/televersements/${id}`, {
      method: "PATCH",
      headers: {
        ...auth,
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      },
      body: corps.subarray(offset),
    });
    expect(suite.status).toBe(204);
    expect((await readFile(path.join(dossier, "televersements", id))).equals(corps)).toBe(true);
  });
});

async function unEssai(essai: number): Promise<string> {
  const taille = 1024 * 1024;
  const creation = await fetch(`http://127.0.0.1:${a.port}/v1/televersements`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${jeton}`,
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(taille),
      "Upload-Metadata": `filename ${b64(`copie ${essai}.pdf`)},devoir ${b64(devoirId)}`,
    },
  });
  if (creation.status !== 201) return `création ${creation.status}`;
  const id = creation.headers.get("location")!.split("/").pop()!;
  const corpsA = pdf(taille, 1);
  const corpsB = pdf(taille, 2);
  const [ra, rb] = await Promise.all([patchLent(a.port, id, corpsA), patchLent(b.port, id, corpsB)]);
  const statuts = [ra.status, rb.status].sort();
  const tete = await fetch(`http://127.0.0.1:${b.port}/v1/televersements/${id}`, {
    method: "HEAD",
    headers: { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" },
  });
  const offset = Number(tete.headers.get("upload-offset"));
  const surDisque = (await readFile(path.join(dossier, "televersements", id))).subarray(0, offset);
  // Retire l'envoi (la limite de fichiers du devoir compte les envois en attente).
  await fetch(`http://127.0.0.1:${a.port}/v1/televersements/${id}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${jeton}`, "Tus-Resumable": "1.0.0" },
  });
  if (statuts[0] !== 204 || ![409, 423].includes(statuts[1]!)) return `statuts ${statuts.join(" et ")}`;
  // What is on disk is a prefix of ONE of the two bodies, never a mixture.
  const gagnant = ra.status === 204 ? corpsA : corpsB;
  if (offset === 0 || !surDisque.equals(gagnant.subarray(0, offset))) return `mélange sur ${offset} octets`;
  return "un seul écrit";
}
