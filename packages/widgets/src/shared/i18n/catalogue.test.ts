import { describe, expect, it } from "vitest";
import { creerCatalogue, pluriel } from "./catalogue.js";

describe("creerCatalogue", () => {
  it("français d'abord ; l'anglais chargé une fois, à la demande", async () => {
    let chargements = 0;
    const c = creerCatalogue({ bonjour: "Bonjour" }, () => {
      chargements++;
      return Promise.resolve({ bonjour: "Hello" });
    });
    expect(c.messages("en").bonjour).toBe("Bonjour");
    expect(c.pret("fr")).toBe(true);
    expect(c.pret("en")).toBe(false);
    expect((await c.charger("en")).bonjour).toBe("Hello");
    await c.charger("en");
    expect(chargements).toBe(1);
    expect(c.messages("en").bonjour).toBe("Hello");
    expect(c.messages().bonjour).toBe("Bonjour");
  });

  it("pluriel : 0 et 1 au singulier, comme en français", () => {
    expect(pluriel(0, "fichier", "fichiers")).toBe("fichier");
    expect(pluriel(1, "fichier", "fichiers")).toBe("fichier");
    expect(pluriel(2, "fichier", "fichiers")).toBe("fichiers");
  });
});
