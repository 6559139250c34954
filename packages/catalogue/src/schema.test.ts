import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogue, getOutil } from "./catalogue.js";
import { catalogueSchema, outilSchema, type Catalogue } from "./schema.js";

const copie = (): Catalogue => JSON.parse(JSON.stringify(catalogue)) as Catalogue;
const messages = (c: unknown) => {
  const r = catalogueSchema.safeParse(c);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`);
};

describe("catalogueSchema", () => {
  it("refuse un outil en double, en français", () => {
    const c = copie();
    c.outils.push(c.outils[0]!);
    expect(messages(c)).toContain(
      `outils.${c.outils.length - 1}.id : Outil en double : « classe-virtuelle-via ».`,
    );
  });

  it("refuse une référence à une source inconnue, avec son chemin", () => {
    const c = copie();
    c.outils[1]!.fiches[0]!.source = "000-inexistante";
    expect(messages(c)).toContain(
      "outils.1.fiches.0.source : L'outil « jitsi » cite une source inconnue : « 000-inexistante ».",
    );
  });

  it("refuse une source dont le document n'est pas déclaré", () => {
    const c = copie();
    c.sources[0]!.document = "999_0000000000000000.txt";
    expect(messages(c)).toContain("sources.0.document : Document inconnu : « 999_0000000000000000.txt ».");
  });

  it("refuse un identifiant qui n'est pas en kebab-case, un niveau inconnu, une URL invalide", () => {
    const o = { ...getOutil("renavisio")!, id: "Renavisio", niveaux: ["3D"], url: "pas une url" };
    const r = outilSchema.safeParse(o);
    expect(r.success).toBe(false);
    const m = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(m).toContain("Identifiant d'outil invalide (kebab-case attendu).");
    expect(m).toContain("Niveau inconnu (attendu : 1D ou 2D).");
    expect(m).toContain("URL invalide.");
  });

  it("refuse un maximum de participants non entier et un texte vide", () => {
    const o = JSON.parse(JSON.stringify(getOutil("renavisio")!));
    o.contraintes.participantsMax.valeur = 10.5;
    o.fiches[0].limites.push("  ");
    const r = outilSchema.safeParse(o);
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join("."))).toEqual([
      "fiches.0.limites.2",
      "contraintes.participantsMax.valeur",
    ]);
  });

  it("produit un JSON Schema (z.toJSONSchema) qui décrit les outils", () => {
    const schema = z.toJSONSchema(catalogueSchema, { target: "draft-2020-12" }) as unknown as {
      properties: { outils: { items: { required: string[] } } };
    };
    expect(schema.properties.outils.items.required).toEqual(
      expect.arrayContaining(["id", "nom", "categories", "contraintes", "doctrine", "provenance"]),
    );
  });
});
