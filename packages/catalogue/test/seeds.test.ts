import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documents } from "../src/index.js";
import { DOSSIER_SEEDS, DOSSIER_SEEDS_EQUIPE, lireSeed } from "./seeds.js";

describe("documents sources copiés dans le paquet", () => {
  it("contient chaque document cité par le catalogue", () => {
    const fichiers = readdirSync(DOSSIER_SEEDS).filter((f) => f.endsWith(".txt"));
    const cites = documents.map((d) => d.fichier);
    expect(cites.length).toBeGreaterThan(0);
    for (const f of cites) expect(fichiers).toContain(f);
    expect(lireSeed("000_f6abf3186c543793.txt")).toContain("Outils au service de l'enseignement");
  });

  // SHA256SUMS records each copy's digest: the copies are checked on every clone, and against the team's
  // notes too when they sit beside the repo (a mismatch there means the copies went stale).
  it("a les empreintes sha256 de SHA256SUMS, et vaut les notes d'équipe quand elles sont là", () => {
    const sha = (octets: Buffer) => createHash("sha256").update(octets).digest("hex");
    const attendues = new Map(
      readFileSync(DOSSIER_SEEDS + "SHA256SUMS", "utf8")
        .trim()
        .split("\n")
        .map((l) => {
          const [empreinte, fichier] = l.split(/\s+/);
          return [fichier!, empreinte!] as const;
        }),
    );
    const copies = readdirSync(DOSSIER_SEEDS).filter((f) => f.endsWith(".txt"));
    expect([...attendues.keys()].sort()).toEqual(copies.sort());
    for (const f of copies) expect(sha(readFileSync(DOSSIER_SEEDS + f)), f).toBe(attendues.get(f));
    if (existsSync(DOSSIER_SEEDS_EQUIPE)) {
      for (const f of readdirSync(DOSSIER_SEEDS_EQUIPE).filter((x) => x.endsWith(".txt"))) {
        expect(sha(readFileSync(DOSSIER_SEEDS_EQUIPE + f)), f).toBe(attendues.get(f));
      }
    }
  });
});
