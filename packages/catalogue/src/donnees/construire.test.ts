import { describe, expect, it } from "vitest";
import { NIVEAUX_DEDUITS, NON_RENSEIGNE, fiche, outil } from "./construire.js";

describe("fiche et outil", () => {
  it("dérive catégories, publics, niveaux, ENT requis et doctrine RGPD des fiches", () => {
    const o = outil({
      id: "essai",
      nom: "Essai",
      fiches: [
        fiche(
          "000-travaux",
          ["enseignement"],
          ["remise-travaux"],
          ["ENT 2D", "ent-2d"],
          [],
          [],
          "etablissement",
        ),
      ],
    });
    expect(o.categories).toEqual(["remise-travaux"]);
    expect(o.publics).toEqual(["enseignement"]);
    expect(o.niveaux).toEqual(["2D"]);
    expect(o.contraintes.entRequis).toEqual({ ents: "tous", texte: "ENT 2D", source: "000-travaux" });
    expect(o.doctrine.rgpd.statut).toBe("non-renseigne");
    expect(o.doctrine.rgpd.justification).toContain("« Réalisées par l'établissement »");
    expect(o.doctrine.rgpd.sources).toEqual(["000-travaux"]);
    expect(o.deductions).toBeUndefined();
    expect(o.doctrine.reversibilite).toEqual({
      statut: "non-renseigne",
      justification: NON_RENSEIGNE,
      sources: [],
    });
    expect(o.provenance).toEqual({ nature: "document", sources: ["000-travaux"] });
  });

  it("garde les deux niveaux quand l'accès ne passe pas par l'ENT, et aucune URL inventée", () => {
    const o = outil({
      id: "essai",
      nom: "Essai",
      fiches: [fiche("001-vigilance", ["enseignement"], ["ent"])],
    });
    expect(o.niveaux).toEqual(["1D", "2D"]);
    expect(o.deductions).toEqual([
      { champ: "niveaux", nature: "deduit", justification: NIVEAUX_DEDUITS, sources: ["001-vigilance"] },
    ]);
    expect(o.contraintes).toEqual({});
    expect(o.doctrine.rgpd.statut).toBe("non-renseigne");
    expect("url" in o).toBe(false);
  });
});
