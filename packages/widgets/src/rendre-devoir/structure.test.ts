// The shape of <trousse-rendre-devoir>'s source (issue 10, « Structure »): no import loop, state in
// controllers that never import the element, and one i18n system (shared/i18n) for both widgets.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function fichiers(dossier: string): string[] {
  return readdirSync(dossier).flatMap((n) => {
    const p = join(dossier, n);
    if (statSync(p).isDirectory()) return fichiers(p);
    return /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });
}

/** Relative imports of a file (type-only ones too: a loop of types is still a loop of files). */
function imports(fichier: string): string[] {
  const source = readFileSync(fichier, "utf8");
  return [...source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) =>
    resolve(dirname(fichier), m[1]!.replace(/\.js$/, ".ts")),
  );
}

const tous = fichiers(SRC);
const graphe = new Map(tous.map((f) => [f, imports(f).filter((i) => tous.includes(i))]));

function cycle(): string[] | undefined {
  const etat = new Map<string, "encours" | "fini">();
  const pile: string[] = [];
  const visiter = (f: string): string[] | undefined => {
    if (etat.get(f) === "fini") return undefined;
    if (etat.get(f) === "encours") return [...pile.slice(pile.indexOf(f)), f];
    etat.set(f, "encours");
    pile.push(f);
    for (const s of graphe.get(f) ?? []) {
      const c = visiter(s);
      if (c) return c;
    }
    pile.pop();
    etat.set(f, "fini");
    return undefined;
  };
  for (const f of tous) {
    const c = visiter(f);
    if (c) return c.map((x) => relative(SRC, x));
  }
  return undefined;
}

describe("structure des widgets", () => {
  it("aucune boucle d'import dans src (types compris)", () => {
    expect(cycle()).toBeUndefined();
  });

  it("contrôleurs et vues de <trousse-rendre-devoir> n'importent jamais l'élément", () => {
    const element = join(SRC, "rendre-devoir", "rendre-devoir.ts");
    const fautifs = tous.filter(
      (f) => f !== join(SRC, "rendre-devoir", "define.ts") && graphe.get(f)!.includes(element),
    );
    expect(fautifs.map((f) => relative(SRC, f))).toEqual([]);
  });

  it("un seul système de textes : shared/i18n, pour les deux widgets", () => {
    const horsI18n = tous.filter(
      (f) => !f.includes(`${join("shared", "i18n")}`) && /(^|\/)(textes|messages)[^/]*\.ts$/.test(f),
    );
    expect(horsI18n.map((f) => relative(SRC, f))).toEqual([]);
    for (const element of ["choisir-visio/choisir-visio.ts", "rendre-devoir/rendre-devoir.ts"])
      expect(readFileSync(join(SRC, element), "utf8")).toMatch(/shared\/i18n\/(messages|rendre-devoir)\.js/);
  });
});
