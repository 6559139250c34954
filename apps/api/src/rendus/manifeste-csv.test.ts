import { describe, expect, it } from "vitest";
import { celluleCsv, manifesteCsv } from "./manifeste-csv.js";

describe("manifesteCsv", () => {
  it("écrit l'en-tête puis une ligne par fichier avec le sha256, BOM et CRLF", () => {
    const csv = manifesteCsv([
      {
        eleve: "Léa Dupont",
        classe: "3A",
        statut: "rendu",
        renduLe: "2026-03-31T21:59:00.000Z",
        version: 2,
        fichier: "devoir.pdf",
        chemin: "Léa Dupont/devoir.pdf",
        taille: 1234,
        sha256: "ab".repeat(32),
      },
    ]);
    expect(csv.startsWith("\uFEFFélève;classe;statut")).toBe(true);
    const lignes = csv.slice(1).split("\r\n");
    expect(lignes).toHaveLength(3);
    expect(lignes[1]).toBe(
      `Léa Dupont;3A;rendu;2026-03-31T21:59:00.000Z;2;devoir.pdf;Léa Dupont/devoir.pdf;1234;${"ab".repeat(32)}`,
    );
    expect(lignes[2]).toBe("");
  });

  it("échappe guillemets et séparateurs, neutralise les formules", () => {
    expect(celluleCsv('mon "devoir"; v2')).toBe('"mon ""devoir""; v2"');
    expect(celluleCsv('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(celluleCsv("+33")).toBe("'+33");
    expect(celluleCsv(42)).toBe("42");
  });
});
