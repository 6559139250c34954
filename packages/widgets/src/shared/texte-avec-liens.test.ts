import { describe, expect, it } from "vitest";
import { decouperLiens } from "./texte-avec-liens.js";

describe("decouperLiens", () => {
  it("fait des liens des seules adresses http(s), la ponctuation finale reste du texte", () => {
    expect(decouperLiens("Voir https://fr.vikidia.org/wiki/Volcan.")).toEqual([
      { texte: "Voir " },
      { lien: "https://fr.vikidia.org/wiki/Volcan" },
      { texte: "." },
    ]);
    expect(decouperLiens("(http://a.fr/x?y=1), fin")).toEqual([
      { texte: "(" },
      { lien: "http://a.fr/x?y=1" },
      { texte: "), fin" },
    ]);
  });

  it("javascript:, data:, ftp: et le HTML restent du texte", () => {
    for (const t of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://a.fr/f"])
      expect(
        decouperLiens(t).every((m) => "texte" in m),
        t,
      ).toBe(true);
    // Markup stays text around the one real address it holds.
    expect(decouperLiens('<a href="https://x.fr">x</a>')).toEqual([
      { texte: '<a href="' },
      { lien: "https://x.fr" },
      { texte: '">x</a>' },
    ]);
    expect(decouperLiens("sans lien")).toEqual([{ texte: "sans lien" }]);
    expect(decouperLiens("")).toEqual([]);
  });
});
