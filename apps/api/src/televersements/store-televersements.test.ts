import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Upload } from "@tus/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreTeleversements } from "./store-televersements.js";

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(6000, 0x41)]);
let dossier: string;
beforeEach(async () => {
  dossier = await mkdtemp(path.join(tmpdir(), "store-tus-"));
});
afterEach(async () => rm(dossier, { recursive: true, force: true }));

const meta = {
  nom: "copie.pdf",
  devoir: "d1",
  proprietaire: "e1",
  familles: "document",
  tailleMax: "100000",
  nombreMax: "3",
};
const id = (n: number) => n.toString(16).padStart(32, "0");

async function creer(store: StoreTeleversements, n: number, creeIlYA: number, taille = PDF.length) {
  await store.create(
    new Upload({
      id: id(n),
      size: taille,
      offset: 0,
      metadata: { ...meta },
      creation_date: new Date(Date.now() - creeIlYA).toISOString(),
    }),
  );
}

describe("StoreTeleversements", () => {
  it("calcule le sha256 en flux, écrit tout, et décrit le fichier terminé", async () => {
    const store = new StoreTeleversements({ dossier });
    await store.initialiser();
    await creer(store, 1, 0);
    const offset = await store.write(Readable.from([PDF.subarray(0, 100), PDF.subarray(100)]), id(1), 0);
    expect(offset).toBe(PDF.length);
    expect(await store.lireTermine(id(1))).toMatchObject({
      sha256: createHash("sha256").update(PDF).digest("hex"),
      taille: PDF.length,
      mime: "application/pdf",
      famille: "document",
      nom: "copie.pdf",
      devoirId: "d1",
      proprietaireId: "e1",
    });
  });

  it("un envoi inachevé n'est pas « terminé »", async () => {
    const store = new StoreTeleversements({ dossier });
    await store.initialiser();
    await creer(store, 2, 0);
    await store.write(Readable.from([PDF.subarray(0, 5000)]), id(2), 0);
    expect(await store.lireTermine(id(2))).toBeNull();
    expect(await store.lireTermine("../../etc/passwd")).toBeNull();
  });

  it("le nettoyage supprime les envois inachevés expirés et les orphelins, garde le reste", async () => {
    const store = new StoreTeleversements({ dossier, expirationMs: 60_000, expirationTerminesMs: 3_600_000 });
    await store.initialiser();
    await creer(store, 3, 120_000); // inachevé, expiré
    await creer(store, 4, 1_000); // inachevé, récent
    await creer(store, 5, 120_000); // terminé il y a 2 min : gardé (rétention 1 h)
    await store.write(Readable.from([PDF]), id(5), 0);
    const orphelin = path.join(dossier, id(6));
    await writeFile(orphelin, "x");
    await utimes(orphelin, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect(await store.deleteExpired()).toBe(2);
    const restants = (await readdir(dossier)).filter((n) => !n.startsWith("."));
    expect(restants.sort()).toEqual([id(4), `${id(4)}.json`, id(5), `${id(5)}.json`].sort());
  });
});
