import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CONTRAINTES_PAR_DEFAUT,
  PLAFOND_TAILLE_OCTETS,
  contraintesFichiersSchema,
  validerContraintesFichiers,
} from "./contraintes.js";

describe("contraintesFichiersSchema", () => {
  it("applique les valeurs par défaut", () => {
    expect(validerContraintesFichiers({})).toEqual({ ok: true, contraintes: CONTRAINTES_PAR_DEFAUT });
    expect(validerContraintesFichiers(undefined)).toEqual({ ok: true, contraintes: CONTRAINTES_PAR_DEFAUT });
    expect(CONTRAINTES_PAR_DEFAUT).toEqual({
      familles: ["document", "image"],
      tailleMaxOctets: 104_857_600,
      nombreMax: 5,
    });
  });

  it("accepte les bornes : 1 et 20 fichiers, plafond de 2 Go", () => {
    for (const nombreMax of [1, 20]) expect(validerContraintesFichiers({ nombreMax }).ok).toBe(true);
    expect(validerContraintesFichiers({ tailleMaxOctets: PLAFOND_TAILLE_OCTETS }).ok).toBe(true);
    expect(PLAFOND_TAILLE_OCTETS).toBe(2_147_483_648);
  });

  it.each([
    [{ familles: [] }, "familles", "familles-invalides", "Choisissez au moins une famille de fichiers."],
    [
      { familles: ["executable"] },
      "familles.0",
      "familles-invalides",
      "Famille de fichiers inconnue : attendu document, image, audio ou video.",
    ],
    [
      { familles: ["image", "image"] },
      "familles",
      "familles-invalides",
      "Une famille de fichiers est en double.",
    ],
    [{ nombreMax: 0 }, "nombreMax", "nombre-max-invalide", "nombreMax doit être au moins 1."],
    [{ nombreMax: 21 }, "nombreMax", "nombre-max-invalide", "nombreMax ne peut pas dépasser 20."],
    [{ nombreMax: 2.5 }, "nombreMax", "nombre-max-invalide", "nombreMax doit être un nombre entier."],
    [
      { tailleMaxOctets: PLAFOND_TAILLE_OCTETS + 1 },
      "tailleMaxOctets",
      "taille-max-invalide",
      "tailleMaxOctets ne peut pas dépasser 2147483648.",
    ],
    [
      { tailleMaxOctets: "10 Mo" },
      "tailleMaxOctets",
      "taille-max-invalide",
      "tailleMaxOctets doit être un nombre.",
    ],
    [
      { tailleTotaleMaxOctets: 0 },
      "tailleTotaleMaxOctets",
      "taille-totale-invalide",
      "tailleTotaleMaxOctets doit être au moins 1.",
    ],
    [{ extension: "pdf" }, "", "contraintes-invalides", "Champ inconnu : extension."],
    ["tout", "", "contraintes-invalides", "Les contraintes de fichiers doivent être un objet."],
  ])("%j → %s / %s", (entree, champ, code, message) => {
    expect(validerContraintesFichiers(entree)).toEqual({ ok: false, erreurs: [{ champ, code, message }] });
  });

  it("se convertit en JSON Schema pour la documentation de l'API", () => {
    const schema = z.toJSONSchema(contraintesFichiersSchema, { io: "input" }) as {
      properties: Record<string, { default?: unknown; maximum?: number }>;
    };
    expect(schema.properties.nombreMax).toMatchObject({ default: 5, maximum: 20 });
    expect(schema.properties.tailleMaxOctets?.maximum).toBe(PLAFOND_TAILLE_OCTETS);
  });
});
