import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ecrireFichierAtomique, SynchroniseurDossiers } from "./fsync.js";

let dossier: string;
beforeEach(async () => {
  dossier = await mkdtemp(path.join(tmpdir(), "fsync-"));
});
afterEach(async () => rm(dossier, { recursive: true, force: true }));

describe("SynchroniseurDossiers", () => {
  it("regroupe 100 demandes simultanées en au plus 2 fsync", async () => {
    const s = new SynchroniseurDossiers();
    await Promise.all(Array.from({ length: 100 }, () => s.synchroniser(dossier)));
    expect(s.fsyncs).toBeGreaterThanOrEqual(1);
    expect(s.fsyncs).toBeLessThanOrEqual(2);
  });

  it("une demande faite pendant un fsync en cours attend le suivant", async () => {
    const s = new SynchroniseurDossiers();
    const premier = s.synchroniser(dossier);
    const second = s.synchroniser(dossier);
    await Promise.all([premier, second]);
    expect(s.fsyncs).toBe(2);
    await s.synchroniser(dossier);
    expect(s.fsyncs).toBe(3);
  });
});

describe("ecrireFichierAtomique", () => {
  it("remplace le contenu sans laisser de fichier temporaire", async () => {
    const f = path.join(dossier, "a.json");
    await ecrireFichierAtomique(f, "1", { durable: true });
    await ecrireFichierAtomique(f, "2", { durable: false });
    expect(await readFile(f, "utf8")).toBe("2");
    expect(await readdir(dossier)).toEqual(["a.json"]);
  });
});
