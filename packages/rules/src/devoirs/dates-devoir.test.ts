import { describe, expect, it } from "vitest";
import { ErreurRegle } from "../dates/erreur-regle.js";
import { datesDuDevoir, exigerDatesDevoir, finDesRendus, validerDatesDevoir } from "./dates-devoir.js";

const ouverture = "2026-03-23T08:00:00+01:00";
const echeance = "2026-03-31T23:59:00+02:00";

describe("validerDatesDevoir", () => {
  it("accepte des dates cohérentes et les convertit en Date (optionnelles à null)", () => {
    const r = validerDatesDevoir({ ouverture, echeance });
    expect(r).toEqual({
      ok: true,
      dates: {
        ouverture: new Date("2026-03-23T07:00:00Z"),
        echeance: new Date("2026-03-31T21:59:00Z"),
        dateLimite: null,
        publicationCorrige: null,
      },
    });
  });

  it.each([
    [
      "échéance avant l'ouverture",
      { ouverture, echeance: "2026-03-20T10:00:00+01:00" },
      "echeance-avant-ouverture",
      "echeance",
    ],
    [
      "échéance égale à l'ouverture",
      { ouverture, echeance: ouverture },
      "echeance-avant-ouverture",
      "echeance",
    ],
    [
      "date limite avant l'échéance",
      { ouverture, echeance, dateLimite: "2026-03-30T23:59:00+02:00" },
      "date-limite-avant-echeance",
      "dateLimite",
    ],
    [
      "corrigé avant l'échéance",
      { ouverture, echeance, publicationCorrige: "2026-03-31T12:00:00+02:00" },
      "corrige-avant-echeance",
      "publicationCorrige",
    ],
    [
      "corrigé entre échéance et date limite",
      {
        ouverture,
        echeance,
        dateLimite: "2026-04-02T23:59:00+02:00",
        publicationCorrige: "2026-04-01T08:00:00+02:00",
      },
      "corrige-avant-date-limite",
      "publicationCorrige",
    ],
    [
      "échéance invalide (30 février)",
      { ouverture, echeance: "2026-02-30T10:00:00Z" },
      "date-invalide",
      "echeance",
    ],
    ["échéance sans fuseau", { ouverture, echeance: "2026-03-31T23:59" }, "date-invalide", "echeance"],
    ["ouverture manquante", { echeance }, "date-manquante", "ouverture"],
    ["date invalide (Date NaN)", { ouverture: new Date(Number.NaN), echeance }, "date-invalide", "ouverture"],
  ])("%s → %s", (_cas, dates, code, champ) => {
    const r = validerDatesDevoir(dates);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.erreurs.map((e) => [e.code, e.champ])).toContainEqual([code, champ]);
    for (const e of r.erreurs) {
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.messageEn.length).toBeGreaterThan(10);
    }
  });

  it("accepte date limite = échéance et corrigé = date limite (bornes incluses)", () => {
    const r = validerDatesDevoir({ ouverture, echeance, dateLimite: echeance, publicationCorrige: echeance });
    expect(r.ok).toBe(true);
  });

  it("donne un message français qui cite les dates en heure de Paris", () => {
    const r = validerDatesDevoir({ ouverture: "2026-04-01T08:00:00+02:00", echeance });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.erreurs[0]?.message).toBe(
      "L'échéance (mardi 31 mars 2026 à 23\u00a0h\u00a059) doit être après la date d'ouverture (mercredi 1er avril 2026 à 8\u00a0h\u00a000).",
    );
  });

  it("rend toutes les erreurs à la fois, sans lever", () => {
    const r = validerDatesDevoir({ ouverture: "hier", echeance: 42, dateLimite: "n'importe quoi" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.erreurs.map((e) => e.champ)).toEqual(["ouverture", "echeance", "dateLimite"]);
  });

  it.each([null, undefined, "2026", [], 3])("refuse une entrée qui n'est pas un objet (%s)", (entree) => {
    const r = validerDatesDevoir(entree);
    expect(r.ok ? "" : r.erreurs[0]?.code).toBe("dates-manquantes");
  });
});

describe("exigerDatesDevoir / finDesRendus", () => {
  it("lève une ErreurRegle portant le code de la première erreur", () => {
    expect(() => exigerDatesDevoir({ ouverture, echeance: "2026-03-01T00:00:00Z" })).toThrowError(
      ErreurRegle,
    );
    try {
      exigerDatesDevoir({ ouverture, echeance: "2026-03-01T00:00:00Z" });
    } catch (e) {
      expect((e as ErreurRegle).code).toBe("echeance-avant-ouverture");
    }
  });

  it("la fin des rendus est la date limite si elle existe, sinon l'échéance", () => {
    const sans = exigerDatesDevoir({ ouverture, echeance });
    const avec = exigerDatesDevoir({ ouverture, echeance, dateLimite: "2026-04-02T23:59:00+02:00" });
    expect(finDesRendus(sans).toISOString()).toBe("2026-03-31T21:59:00.000Z");
    expect(finDesRendus(avec).toISOString()).toBe("2026-04-02T21:59:00.000Z");
  });
});

describe("datesDuDevoir", () => {
  it("ne garde que les quatre dates, null pour une date facultative absente", () => {
    const ouverture = new Date("2026-03-23T07:00:00Z");
    const echeance = new Date("2026-03-31T21:59:00Z");
    const ligne = { id: "x", titre: "Exposé", ouverture, echeance, familles: ["document"] };
    expect(datesDuDevoir(ligne)).toEqual({ ouverture, echeance, dateLimite: null, publicationCorrige: null });
    expect(Object.keys(datesDuDevoir({ ...ligne, dateLimite: echeance }))).toEqual([
      "ouverture",
      "echeance",
      "dateLimite",
      "publicationCorrige",
    ]);
  });
});
