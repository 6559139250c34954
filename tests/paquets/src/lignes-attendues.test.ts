import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lignesAttendues, lignesEnErreur } from "./lignes-attendues.js";

describe("lignes attendues en erreur", () => {
  it("lit les lignes qui suivent les commentaires numérotés des mauvais usages", () => {
    expect(lignesAttendues(join(import.meta.dirname, "..", "fixtures", "types", "rules.faux.ts"))).toEqual([
      8, 10, 12, 14,
    ]);
    expect(
      lignesAttendues(join(import.meta.dirname, "..", "fixtures", "types", "catalogue.faux.ts")),
    ).toEqual([5, 7]);
  });

  it("extrait les lignes en erreur de la sortie de tsc, pour le bon fichier seulement", () => {
    const sortie = [
      "rules.faux.ts(5,7): error TS2322: Type '\"en-retard\"' is not assignable to type 'StatutRendu'.",
      "rules.faux.ts(11,47): error TS2353: Object literal may only specify known properties.",
      "rules.faux.ts(11,7): error TS2741: Property 'avec' is missing.",
      "autre.ts(2,1): error TS1005: ';' expected.",
    ].join("\n");
    expect(lignesEnErreur(sortie, "rules.faux.ts")).toEqual([5, 11]);
  });
});
