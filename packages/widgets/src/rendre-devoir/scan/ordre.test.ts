import { validerNomFichier } from "@trousse/rules";
import { describe, expect, it } from "vitest";
import { deplacer, nomDuPdf } from "./ordre.js";

describe("deplacer", () => {
  it("moves up, down, and clamps at both ends without losing an item", () => {
    expect(deplacer(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(deplacer(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(deplacer(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(deplacer(["a", "b", "c"], 2, 9)).toEqual(["a", "b", "c"]);
    expect(deplacer(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });
});

describe("nomDuPdf", () => {
  it("names the PDF after the assignment, safe for the server's name rules", () => {
    expect(nomDuPdf("Rédaction : mon été")).toBe("Rédaction _ mon été.pdf");
    const n = nomDuPdf("Exposé <img src=x onerror=alert(1)>");
    expect(n.endsWith(".pdf")).toBe(true);
    expect(validerNomFichier(n).ok).toBe(true);
    expect(nomDuPdf("..")).toBe("copie.pdf");
  });
});
