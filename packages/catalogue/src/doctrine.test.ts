import { describe, expect, it } from "vitest";
import { lireSeed } from "../test/seeds.js";
import { CRITERES_DOCTRINE, PHRASE_DOCTRINE } from "./doctrine.js";
import { getSource } from "./sources.js";
import { CRITERES } from "./vocabulaire.js";

describe("CRITERES_DOCTRINE", () => {
  const doc = lireSeed(getSource(CRITERES_DOCTRINE.source)!.document);

  it("cite la phrase de doctrine du document 001 mot pour mot", () => {
    expect(doc).toContain(PHRASE_DOCTRINE);
    expect(CRITERES_DOCTRINE.phrase).toBe(PHRASE_DOCTRINE);
  });

  it("donne les six critères, chacun avec un extrait de la phrase", () => {
    expect(CRITERES_DOCTRINE.criteres.map((c) => c.id)).toEqual([...CRITERES]);
    for (const c of CRITERES_DOCTRINE.criteres) {
      expect(PHRASE_DOCTRINE).toContain(c.extrait);
      expect(c.libelle.length).toBeGreaterThan(5);
    }
  });
});
