import { describe, expect, it } from "vitest";
import { catalogue } from "./catalogue.js";
import { validerCatalogue } from "./valider-catalogue.js";

describe("validerCatalogue", () => {
  it("accepte le catalogue embarqué et le rend identique", () => {
    const r = validerCatalogue(JSON.parse(JSON.stringify(catalogue)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.catalogue).toEqual(catalogue);
  });

  it("liste les erreurs avec leur chemin, sans lever d'exception", () => {
    const abime = JSON.parse(JSON.stringify(catalogue));
    abime.outils[3].contraintes.participantsMax.valeur = 1;
    abime.outils[0].id = "Pas Kebab";
    const r = validerCatalogue(abime);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.erreurs).toEqual(
        expect.arrayContaining([
          { chemin: "outils.0.id", message: "Identifiant d'outil invalide (kebab-case attendu)." },
          expect.objectContaining({ chemin: "outils.3.contraintes.participantsMax.valeur" }),
        ]),
      );
  });

  it.each([null, 42, "catalogue", [], {}])("refuse %j", (x) => {
    const r = validerCatalogue(x);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.erreurs.length).toBeGreaterThan(0);
  });
});
