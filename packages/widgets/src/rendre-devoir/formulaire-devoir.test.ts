import { describe, expect, it } from "vitest";
import { lireFormulaire, saisieDepuisFormulaire, valeursInitiales } from "./formulaire-devoir.js";
import type { Devoir } from "./types-api.js";

describe("valeursInitiales", () => {
  it("propose un devoir ouvert maintenant, à rendre dans 7 jours à 18 h (heure de Paris)", () => {
    const v = valeursInitiales(undefined, new Date("2026-03-23T08:00:00Z"));
    expect(v.ouverture).toBe("2026-03-23T09:00");
    expect(v.echeance).toBe("2026-03-30T18:00");
  });

  it("montre les instants d'un devoir existant en heure de Paris, changement d'heure compris", () => {
    const devoir = {
      titre: "T",
      consignes: "",
      groupe: { id: "g", nom: "3eA", nature: "classe" },
      dates: {
        ouverture: "2026-03-23T08:00:00Z",
        echeance: "2026-03-31T21:59:00Z",
        dateLimite: null,
        publicationCorrige: null,
      },
      contraintes: { familles: ["document"], tailleMaxOctets: 10 * 1024 * 1024, nombreMax: 2 },
      declarationHonneur: null,
    } as unknown as Devoir;
    const v = valeursInitiales(devoir);
    expect(v.ouverture).toBe("2026-03-23T09:00");
    expect(v.echeance).toBe("2026-03-31T23:59");
    expect(v.tailleMaxMo).toBe("10");
    expect(v.dateLimite).toBe("");
  });
});

describe("saisieDepuisFormulaire et lireFormulaire", () => {
  it("lit le formulaire en corps de requête : dates murales, Mo en octets, dates vides à null", () => {
    const f = new FormData();
    for (const [k, v] of Object.entries({
      groupeId: "g1",
      titre: "  Exposé  ",
      consignes: "Lire",
      ouverture: "2026-03-23T09:00",
      echeance: "2026-03-31T23:59",
      dateLimite: "",
      publicationCorrige: "2026-04-02T08:00",
      tailleMaxMo: "10",
      nombreMax: "3",
      declarationHonneur: " ",
    }))
      f.append(k, v);
    f.append("familles", "image");
    f.append("familles", "document");
    f.append("familles", "executable");
    expect(saisieDepuisFormulaire(lireFormulaire(f))).toEqual({
      groupeId: "g1",
      titre: "Exposé",
      consignes: "Lire",
      ouverture: "2026-03-23T09:00",
      echeance: "2026-03-31T23:59",
      dateLimite: null,
      publicationCorrige: "2026-04-02T08:00",
      contraintes: { familles: ["document", "image"], tailleMaxOctets: 10 * 1024 * 1024, nombreMax: 3 },
      declarationHonneur: null,
    });
  });

  it("n'envoie pas de groupe en modification", () => {
    const v = { ...valeursInitiales(undefined), groupeId: "", titre: "T" };
    expect(saisieDepuisFormulaire(v)).not.toHaveProperty("groupeId");
  });
});
