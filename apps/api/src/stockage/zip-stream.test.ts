import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { lireZip } from "../rendus/test-support/lire-zip.js";
import { creerZip, type EntreeZip } from "./zip-stream.js";

async function lireTout(flux: Readable): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  for await (const m of flux) morceaux.push(m as Buffer);
  return Buffer.concat(morceaux);
}

function entree(nom: string, contenu: Buffer): EntreeZip {
  return {
    nom,
    taille: contenu.length,
    date: new Date(2026, 2, 31, 23, 59, 30),
    ouvrir: () => Readable.from([contenu]),
  };
}

describe("creerZip", () => {
  it("écrit des entrées relisibles, CRC32 et noms UTF-8 compris", async () => {
    const a = randomBytes(100_000);
    const b = Buffer.from("Bonjour, voici mon devoir.\n");
    const zip = await lireTout(
      creerZip([entree("Léa Dupont/devoir de français.pdf", a), entree("Zoé Martin/réponse.txt", b)]),
    );
    const { entrees, zip64 } = lireZip(zip);
    expect(zip64).toBe(false);
    expect(entrees.map((e) => e.nom)).toEqual([
      "Léa Dupont/devoir de français.pdf",
      "Zoé Martin/réponse.txt",
    ]);
    expect(entrees[0]!.contenu.equals(a)).toBe(true);
    expect(entrees[1]!.contenu.equals(b)).toBe(true);
    expect(entrees[0]!.drapeaux & 0x0800).toBe(0x0800);
    expect(entrees[0]!.drapeaux & 0x0008).toBe(0x0008);
  });

  it("lit chaque source par morceaux, une seule à la fois, au moment de l'écrire", async () => {
    const ouvertes: string[] = [];
    const source = (nom: string, n: number): EntreeZip => ({
      nom,
      taille: n * 1000,
      ouvrir: () => {
        ouvertes.push(nom);
        return Readable.from(
          (function* () {
            for (let i = 0; i < n; i++) yield Buffer.alloc(1000, i);
          })(),
        );
      },
    });
    const flux = creerZip([source("a", 5), source("b", 3)]);
    const zip = await lireTout(flux);
    expect(ouvertes).toEqual(["a", "b"]);
    expect(lireZip(zip).entrees[1]!.contenu.length).toBe(3000);
  });

  it("produit une archive vide valide", async () => {
    const zip = await lireTout(creerZip([]));
    expect(zip.length).toBe(22);
    expect(lireZip(zip).entrees).toEqual([]);
  });

  it("écrit le format ZIP64 quand on le force, relisible", async () => {
    const a = randomBytes(5000);
    const zip = await lireTout(creerZip([entree("a.bin", a)], { zip64Toujours: true }));
    const { entrees, zip64 } = lireZip(zip);
    expect(zip64).toBe(true);
    expect(entrees[0]!.zip64).toBe(true);
    expect(entrees[0]!.contenu.equals(a)).toBe(true);
  });

  it("passe en ZIP64 au-delà de 65 535 entrées", async () => {
    const vides = Array.from({ length: 65_536 }, (_, i) => entree(`f${i}`, Buffer.alloc(0)));
    const { entrees, zip64 } = lireZip(await lireTout(creerZip(vides)));
    expect(zip64).toBe(true);
    expect(entrees.length).toBe(65_536);
    expect(entrees[65_535]!.nom).toBe("f65535");
  }, 30_000);

  it("échoue si un fichier n'a pas la taille annoncée (archive jamais présentée comme complète)", async () => {
    const menteur: EntreeZip = { nom: "x", taille: 10, ouvrir: () => Readable.from([Buffer.alloc(4)]) };
    await expect(lireTout(creerZip([menteur]))).rejects.toThrow(/4 octets au lieu de 10/);
    const trop: EntreeZip = { nom: "y", taille: 2, ouvrir: () => Readable.from([Buffer.alloc(4)]) };
    await expect(lireTout(creerZip([trop]))).rejects.toThrow(/plus long que prévu/);
  });

  it("refuse deux entrées de même chemin", async () => {
    const e = entree("a.txt", Buffer.from("x"));
    await expect(lireTout(creerZip([e, e]))).rejects.toThrow(/en double/);
  });

  it("est accepté par unzip (outil indépendant), ZIP64 compris", async () => {
    const dossier = mkdtempSync(path.join(tmpdir(), "zip-"));
    const a = randomBytes(70_000);
    for (const zip64Toujours of [false, true]) {
      const fichier = path.join(dossier, `t${zip64Toujours}.zip`);
      writeFileSync(fichier, await lireTout(creerZip([entree("Élève/été.bin", a)], { zip64Toujours })));
      let sortie: Buffer;
      try {
        sortie = execFileSync("unzip", ["-p", fichier, "Élève/été.bin"]);
      } catch (erreur) {
        if ((erreur as NodeJS.ErrnoException).code === "ENOENT") {
          // unzip absent de cette machine : le lecteur intégré ci-dessus a déjà vérifié l'archive.
          expect(
            lireZip(
              await lireTout(creerZip([entree("Élève/été.bin", a)], { zip64Toujours })),
            ).entrees[0]!.contenu.equals(a),
          ).toBe(true);
          continue;
        }
        throw erreur;
      }
      expect(createHash("sha256").update(sortie).digest("hex")).toBe(
        createHash("sha256").update(a).digest("hex"),
      );
    }
  });
});
