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

  it.runIf(existsSync(DOSSIER_SEEDS_EQUIPE))("est identique aux notes d'équipe quand elles sont là", () => {
    for (const f of readdirSync(DOSSIER_SEEDS_EQUIPE).filter((x) => x.endsWith(".txt"))) {
      expect(readFileSync(DOSSIER_SEEDS + f).equals(readFileSync(DOSSIER_SEEDS_EQUIPE + f)), f).toBe(true);
    }
  });
});
