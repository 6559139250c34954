import { describe, expect, it } from "vitest";
import { nommeurExport } from "./noms-export.js";

describe("nommeurExport", () => {
  it("garde le nom et l'extension, distingue deux fichiers de même nom, ajoute l'extension manquante", () => {
    const nommer = nommeurExport();
    expect(nommer(["rendus", "Exposé", "Léa Martin"], "copie.pdf", "application/pdf")).toBe(
      "rendus/Exposé/Léa Martin/copie.pdf",
    );
    expect(nommer(["rendus", "Exposé", "Léa Martin"], "Copie.PDF", "application/pdf")).toBe(
      "rendus/Exposé/Léa Martin/Copie (2).PDF",
    );
    expect(nommer(["rendus", "Exposé", "Léa Martin"], "copie.pdf", "application/pdf")).toBe(
      "rendus/Exposé/Léa Martin/copie (3).pdf",
    );
    expect(nommer(["devoirs", "Exposé"], "scan", "image/jpeg")).toBe("devoirs/Exposé/scan.jpg");
    expect(nommer(["a/../b"], "../../etc/passwd", "text/plain")).toBe("b/passwd.txt");
    expect(nommer([".."], "..", "application/octet-stream")).toBe("_/fichier");
  });
});
