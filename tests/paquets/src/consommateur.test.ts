// Test consommateur : chaque paquet publié est empaqueté (pnpm pack), installé avec npm dans un projet
// neuf hors du dépôt, utilisé depuis un script Node ESM, et ses types sont vérifiés par tsc (strict,
// NodeNext) — un bon usage doit passer, un mauvais usage doit échouer aux lignes prévues.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executer } from "./commande.js";
import { type PaquetPublie, avecDependances, decouvrirPaquets } from "./decouvrir-paquets.js";
import { construireSiBesoin, empaqueter } from "./empaqueter.js";
import { lignesAttendues, lignesEnErreur } from "./lignes-attendues.js";
import { creerProjetConsommateur, ecrireTsconfig } from "./projet-consommateur.js";

const RACINE = join(import.meta.dirname, "..", "..", "..");
const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const DECLARES = Object.keys(
  (
    JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies,
);

const paquets = decouvrirPaquets(RACINE);
const temporaire = mkdtempSync(join(tmpdir(), "trousse-paquets-"));
const archives = new Map<string, string>();

/** Les fichiers visés par une carte `exports` (hors motifs `*`). */
function ciblesExports(exports: unknown): string[] {
  if (typeof exports === "string") return exports.includes("*") ? [] : [exports];
  if (exports && typeof exports === "object") return Object.values(exports).flatMap(ciblesExports);
  return [];
}

/** Le suffixe des fixtures d'un paquet : « @trousse/rules » → « rules ». */
const court = (p: PaquetPublie): string => p.nom.replace(/^@trousse\//, "");

beforeAll(() => {
  for (const p of paquets) {
    // Les paquets déclarés en devDependencies sont construits par turbo (^build) avant ce test ; un paquet
    // publié nouveau, pas encore déclaré, est construit ici (avec ses dépendances du dépôt).
    construireSiBesoin(p, RACINE, !DECLARES.includes(p.nom));
    archives.set(p.nom, empaqueter(p, temporaire));
  }
}, 900_000);

afterAll(() => rmSync(temporaire, { recursive: true, force: true }));

describe("paquets publiés", () => {
  it("trouve au moins @trousse/catalogue et @trousse/rules", () => {
    expect(paquets.map((p) => p.nom)).toEqual(
      expect.arrayContaining(["@trousse/catalogue", "@trousse/rules"]),
    );
  });

  describe.each(paquets.map((p) => [p.nom, p] as const))("%s", (_nom, paquet) => {
    const projet = join(temporaire, `projet-${court(paquet)}`);

    beforeAll(() => {
      const aInstaller = avecDependances(paquet.nom, paquets).map((n) => archives.get(n) ?? "");
      creerProjetConsommateur(projet, aInstaller);
    }, 900_000);

    it("l'archive installée n'a plus de workspace:* ni de catalog:, et tout ce qu'elle exporte existe", () => {
      const installe = join(projet, "node_modules", ...paquet.nom.split("/"));
      const texte = readFileSync(join(installe, "package.json"), "utf8");
      expect(texte).not.toMatch(/workspace:|catalog:/);
      const pj = JSON.parse(texte) as { exports: unknown; version: string };
      expect(pj.version).toBe(paquet.version);
      const cibles = ciblesExports(pj.exports);
      expect(cibles.length).toBeGreaterThan(0);
      for (const cible of cibles) expect(existsSync(join(installe, cible)), cible).toBe(true);
      expect(existsSync(join(installe, "src")), "les sources ne sont pas publiées").toBe(false);
      expect(existsSync(join(installe, "README.md"))).toBe(true);
    });

    it("s'importe et s'utilise depuis un script Node ESM", () => {
      const dedie = join(FIXTURES, "usages", `${court(paquet)}.mjs`);
      const script = existsSync(dedie) ? dedie : join(FIXTURES, "usages", "generique.mjs");
      copyFileSync(script, join(projet, "usage.mjs"));
      const r = executer(process.execPath, ["usage.mjs", paquet.nom], { dossier: projet, delaiMs: 120_000 });
      expect(r.erreurs).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.sortie.trim().split("\n").pop() ?? "{}")).toMatchObject({ paquet: paquet.nom });
    });

    const typesOk = join(FIXTURES, "types", `${court(paquet)}.ts`);
    const typesFaux = join(FIXTURES, "types", `${court(paquet)}.faux.ts`);
    const dedie = existsSync(typesOk);

    it("ses types passent tsc strict (NodeNext) pour un bon usage", () => {
      if (dedie) copyFileSync(typesOk, join(projet, "usage.ts"));
      else {
        // Sans scénario dédié : les déclarations doivent au moins se charger sans erreur.
        const contenu = `import * as paquet from "${paquet.nom}";\nexport const cles: string[] = Object.keys(paquet);\n`;
        writeFileSync(join(projet, "usage.ts"), contenu);
      }
      // Avec un scénario dédié, tous les .d.ts sont vérifiés (les nôtres et ceux de zod, qui attend `File` :
      // d'où la bibliothèque DOM, comme chez un consommateur navigateur). Que nos paquets purs n'utilisent
      // aucun type du DOM est garanti par leur propre build (lib ES2023, types: []).
      ecrireTsconfig(projet, ["usage.ts"], { dom: true, verifierBibliotheques: dedie });
      const r = executer(process.execPath, [TSC, "-p", "tsconfig.json"], {
        dossier: projet,
        delaiMs: 180_000,
      });
      expect(r.sortie + r.erreurs).toBe("");
      expect(r.code).toBe(0);
    });

    // Un programme TypeScript (fixtures/programmes/<paquet>.ts) est compilé (strict, NodeNext, sans
    // skipLibCheck) puis lancé par son lanceur (<paquet>.mjs, qui démarre un petit serveur local) : les appels
    // typés marchent vraiment.
    const programme = join(FIXTURES, "programmes", `${court(paquet)}.ts`);
    if (existsSync(programme)) {
      it("un programme TypeScript compilé (strict, sans skipLibCheck) marche contre un serveur local", () => {
        copyFileSync(programme, join(projet, "programme.ts"));
        copyFileSync(programme.replace(/\.ts$/, ".mjs"), join(projet, "lancer-programme.mjs"));
        ecrireTsconfig(projet, ["programme.ts"], {
          dom: true,
          verifierBibliotheques: true,
          sortie: "sortie",
        });
        const tsc = executer(process.execPath, [TSC, "-p", "tsconfig.json"], {
          dossier: projet,
          delaiMs: 180_000,
        });
        expect(tsc.sortie + tsc.erreurs).toBe("");
        expect(tsc.code).toBe(0);
        const r = executer(process.execPath, ["lancer-programme.mjs", "sortie/programme.js"], {
          dossier: projet,
          delaiMs: 120_000,
        });
        expect(r.erreurs).toBe("");
        expect(r.code).toBe(0);
        expect(JSON.parse(r.sortie.trim().split("\n").pop() ?? "{}")).toMatchObject({ paquet: paquet.nom });
      });
    }

    // Un mauvais usage n'est écrit que pour les paquets qui ont un scénario de types dédié.
    if (existsSync(typesFaux)) {
      it("ses types refusent un mauvais usage, aux lignes prévues", () => {
        copyFileSync(typesFaux, join(projet, "faux.ts"));
        ecrireTsconfig(projet, ["faux.ts"], { dom: true, verifierBibliotheques: true });
        const r = executer(process.execPath, [TSC, "-p", "tsconfig.json"], {
          dossier: projet,
          delaiMs: 180_000,
        });
        expect(r.code).not.toBe(0);
        expect(lignesEnErreur(r.sortie, "faux.ts")).toEqual(lignesAttendues(typesFaux));
      });
    }
  });
});
