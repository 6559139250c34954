import { describe, expect, it } from "vitest";
import { documents, getSource, sources } from "./sources.js";

describe("sources", () => {
  it("retrouve une section par son id", () => {
    expect(getSource("000-enseignement-visio")).toEqual({
      id: "000-enseignement-visio",
      document: "000_f6abf3186c543793.txt",
      section: "Outils au service de l'enseignement › Outils de visioconférence",
    });
    expect(getSource("inconnue")).toBeUndefined();
  });

  it("a des ids uniques qui commencent par le numéro de leur document", () => {
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    for (const s of sources) expect(s.document.startsWith(s.id.slice(0, 3))).toBe(true);
    expect(documents.map((d) => d.fichier)).toEqual(["000_f6abf3186c543793.txt", "001_bc1e88d46a71f26c.txt"]);
  });
});
