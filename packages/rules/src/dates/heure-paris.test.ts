import { describe, expect, it } from "vitest";
import { ErreurRegle } from "./erreur-regle.js";
import { analyserHeureParis, heureParisVersInstant, instantVersHeureParis } from "./heure-paris.js";

describe("analyserHeureParis — heure murale de Paris → instant", () => {
  it.each([
    // [heure de Paris, instant UTC attendu, cas]
    ["2026-01-15T12:00", "2026-01-15T11:00:00.000Z", "normale"], // hiver, UTC+1
    ["2026-07-15T12:00", "2026-07-15T10:00:00.000Z", "normale"], // été, UTC+2
    ["2026-03-31T23:59", "2026-03-31T21:59:00.000Z", "normale"], // échéance type à 23 h 59
    ["2026-03-31T23:59:30", "2026-03-31T21:59:30.000Z", "normale"],
    // Printemps : dimanche 29 mars 2026, 2 h → 3 h.
    ["2026-03-29T01:59", "2026-03-29T00:59:00.000Z", "normale"],
    ["2026-03-29T02:00", "2026-03-29T01:00:00.000Z", "trou-ete"], // inexistante → 3 h 00 CEST
    ["2026-03-29T02:30", "2026-03-29T01:30:00.000Z", "trou-ete"], // inexistante → 3 h 30 CEST
    ["2026-03-29T02:59", "2026-03-29T01:59:00.000Z", "trou-ete"],
    ["2026-03-29T03:00", "2026-03-29T01:00:00.000Z", "normale"],
    // Automne : dimanche 25 octobre 2026, 3 h → 2 h.
    ["2026-10-25T01:59", "2026-10-24T23:59:00.000Z", "normale"],
    ["2026-10-25T02:00", "2026-10-25T00:00:00.000Z", "ambigue-automne"], // première occurrence (CEST)
    ["2026-10-25T02:30", "2026-10-25T00:30:00.000Z", "ambigue-automne"],
    ["2026-10-25T02:59", "2026-10-25T00:59:00.000Z", "ambigue-automne"],
    ["2026-10-25T03:00", "2026-10-25T02:00:00.000Z", "normale"],
    // Autres années : dernier dimanche de mars / octobre.
    ["2025-03-30T02:15", "2025-03-30T01:15:00.000Z", "trou-ete"],
    ["2027-10-31T02:15", "2027-10-31T00:15:00.000Z", "ambigue-automne"],
    ["2024-02-29T08:00", "2024-02-29T07:00:00.000Z", "normale"],
  ])("%s → %s (%s)", (local, iso, cas) => {
    const r = analyserHeureParis(local);
    expect(r.ok && { iso: r.date.toISOString(), cas: r.cas }).toEqual({ iso, cas });
  });

  it.each([
    "2026-02-29T08:00",
    "2026-13-01T08:00",
    "2026-03-31T24:00",
    "2026-03-31 23:59",
    "2026-03-31T23:59Z",
    "",
    12,
    null,
  ])("refuse %s avec le code heure-locale-invalide", (texte) => {
    const r = analyserHeureParis(texte);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("heure-locale-invalide");
      expect(r.message).toContain("AAAA-MM-JJTHH:MM");
    }
  });

  it("heureParisVersInstant lève une ErreurRegle sur une heure invalide", () => {
    expect(() => heureParisVersInstant("31/03/2026 23:59")).toThrowError(ErreurRegle);
    expect(heureParisVersInstant("2026-03-29T02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("accepte un autre fuseau (outre-mer) : La Réunion est à UTC+4 sans heure d'été", () => {
    expect(heureParisVersInstant("2026-03-29T02:30", "Indian/Reunion").toISOString()).toBe(
      "2026-03-28T22:30:00.000Z",
    );
  });
});

describe("instantVersHeureParis", () => {
  it.each([
    ["2026-03-31T21:59:00Z", "2026-03-31T23:59"],
    ["2026-03-29T00:59:59Z", "2026-03-29T01:59"],
    ["2026-03-29T01:00:00Z", "2026-03-29T03:00"],
    ["2026-10-25T00:30:00Z", "2026-10-25T02:30"], // première 2 h 30
    ["2026-10-25T01:30:00Z", "2026-10-25T02:30"], // seconde 2 h 30
  ])("%s → %s", (iso, local) => {
    expect(instantVersHeureParis(new Date(iso))).toBe(local);
  });

  it("fait l'aller-retour avec heureParisVersInstant hors trou", () => {
    for (const local of ["2026-01-01T00:00", "2026-06-30T17:45", "2026-12-31T23:59"]) {
      expect(instantVersHeureParis(heureParisVersInstant(local))).toBe(local);
    }
  });
});
