import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chargeEcheances } from "./charge-echeances.js";

const h = (hhmm: string) => `2026-03-31T${hhmm}:00+02:00`;

describe("chargeEcheances", () => {
  it("compte les rendus attendus dans l'heure (± 30 min, borne exclue) et propose des créneaux plus calmes", () => {
    const existantes = [
      { echeance: h("22:00"), rendus: 120 },
      { echeance: h("22:10"), rendus: 30 },
      { echeance: h("22:30"), rendus: 1000 }, // à 30 min pile : pas dans l'heure de 22 h 00
      { echeance: h("21:00"), rendus: 5 },
    ];
    const r = chargeEcheances(existantes, h("22:00"));
    expect(r.rendusMemeHeure).toBe(150);
    expect(r.devoirsMemeHeure).toBe(2);
    expect(r.suggestions.length).toBe(3);
    // The quietest first (0), nearest, later before earlier: 21 h 30 (21 h 00 and 22 h 00 are at 30 min
    // exactly, outside its hour), 23 h 00, then 23 h 30 before 20 h 30.
    expect(r.suggestions.map((s) => [s.decalageMinutes, s.rendus])).toEqual([
      [-30, 0],
      [60, 0],
      [90, 0],
    ]);
    expect(r.suggestions[0]!.libelle.replace(/\u00a0/g, " ")).toBe(
      "mardi 31 mars 2026 à 21 h 30 : 0 rendu attendu dans l'heure",
    );
    expect(r.message).toMatch(
      /^150 rendus sont déjà attendus dans l'établissement dans l'heure de cette échéance \(2 devoirs\)\. Plus calme : /,
    );
  });

  it("une heure calme : aucune suggestion", () => {
    const r = chargeEcheances([{ echeance: h("18:00"), rendus: 30 }], h("22:00"));
    expect(r).toMatchObject({ rendusMemeHeure: 0, devoirsMemeHeure: 0, suggestions: [] });
    expect(r.message).toBe("Aucun autre rendu n'est attendu dans l'heure.");
  });

  it("propriétés : chaque suggestion est strictement plus calme, dans la portée, au pas demandé", () => {
    const base = Date.parse(h("20:00"));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ m: fc.integer({ min: -300, max: 300 }), rendus: fc.integer({ min: 0, max: 500 }) }),
          { maxLength: 30 },
        ),
        fc.integer({ min: -60, max: 60 }),
        (liste, choix) => {
          const existantes = liste.map((e) => ({
            echeance: new Date(base + e.m * 60_000),
            rendus: e.rendus,
          }));
          const t = base + choix * 60_000;
          const r = chargeEcheances(existantes, new Date(t));
          const attendu = liste.filter((e) => Math.abs(e.m - choix) < 30).reduce((s, e) => s + e.rendus, 0);
          expect(r.rendusMemeHeure).toBe(attendu);
          expect(r.suggestions.length).toBeLessThanOrEqual(3);
          for (const s of r.suggestions) {
            expect(s.rendus).toBeLessThan(r.rendusMemeHeure);
            expect(Math.abs(s.decalageMinutes)).toBeLessThanOrEqual(180);
            expect(s.decalageMinutes % 30 === 0).toBe(true);
            expect(chargeEcheances(existantes, s.echeance).rendusMemeHeure).toBe(s.rendus);
          }
          for (let i = 1; i < r.suggestions.length; i++)
            expect(r.suggestions[i]!.rendus).toBeGreaterThanOrEqual(r.suggestions[i - 1]!.rendus);
        },
      ),
    );
  });
});
