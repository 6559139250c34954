import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { avecDependances, decouvrirPaquets } from "./decouvrir-paquets.js";

const racine = mkdtempSync(join(tmpdir(), "trousse-decouverte-"));
afterAll(() => rmSync(racine, { recursive: true, force: true }));

function paquet(dossier: string, contenu: object): void {
  mkdirSync(join(racine, "packages", dossier), { recursive: true });
  writeFileSync(join(racine, "packages", dossier, "package.json"), JSON.stringify(contenu));
}

paquet("b", {
  name: "@trousse/b",
  version: "1.0.0",
  dependencies: { "@trousse/a": "workspace:*", zod: "catalog:" },
});
paquet("a", { name: "@trousse/a", version: "0.1.0" });
paquet("prive", { name: "@trousse/prive", version: "0.0.0", private: true });
paquet("c", { name: "@trousse/c", version: "0.1.0", dependencies: { "@trousse/b": "workspace:*" } });
mkdirSync(join(racine, "packages", "sans-package-json"));

describe("decouvrirPaquets", () => {
  it("trouve les paquets non privés, triés, avec leurs dépendances internes", () => {
    const p = decouvrirPaquets(racine);
    expect(p.map((x) => [x.nom, x.version, x.dependancesInternes])).toEqual([
      ["@trousse/a", "0.1.0", []],
      ["@trousse/b", "1.0.0", ["@trousse/a"]],
      ["@trousse/c", "0.1.0", ["@trousse/b"]],
    ]);
  });

  it("avecDependances suit les dépendances transitives", () => {
    expect(avecDependances("@trousse/c", decouvrirPaquets(racine))).toEqual([
      "@trousse/c",
      "@trousse/b",
      "@trousse/a",
    ]);
  });

  it("trouve au moins @trousse/catalogue et @trousse/rules dans le vrai dépôt", () => {
    const noms = decouvrirPaquets(join(import.meta.dirname, "..", "..", "..")).map((x) => x.nom);
    expect(noms).toEqual(expect.arrayContaining(["@trousse/catalogue", "@trousse/rules"]));
  });
});
