import { instantVersHeureParis } from "@trousse/rules";
import { describe, expect, it } from "vitest";
import { prochaineEcheance } from "./demo-rendus.js";

describe("prochaineEcheance (devoirs de démonstration)", () => {
  it("23 h 59 heure de Paris, en hiver comme en été (pas d'arithmétique UTC)", () => {
    const hiver = prochaineEcheance(new Date("2026-01-15T10:00:00Z"), 7);
    expect(instantVersHeureParis(hiver)).toBe("2026-01-22T23:59");
    const ete = prochaineEcheance(new Date("2026-06-15T10:00:00Z"), 7);
    expect(instantVersHeureParis(ete)).toBe("2026-06-22T23:59");
  });

  it("le jour compté à Paris : à 0 h 30 à Paris (23 h 30 UTC la veille), dans 1 jour = demain à Paris", () => {
    const d = prochaineEcheance(new Date("2026-01-15T23:30:00Z"), 1);
    expect(instantVersHeureParis(d)).toBe("2026-01-17T23:59");
  });
});
