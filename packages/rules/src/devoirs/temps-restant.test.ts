import { describe, expect, it } from "vitest";
import { p } from "./fixtures.test-utils.js";
import { formaterTempsRestant, tempsRestant } from "./temps-restant.js";

const nbsp = "\u00a0";

describe("tempsRestant", () => {
  it("découpe en jours, heures, minutes, secondes", () => {
    expect(tempsRestant(p("2026-03-31T23:59"), p("2026-03-30T21:29"))).toEqual({
      totalMs: 95_400_000,
      jours: 1,
      heures: 2,
      minutes: 30,
      secondes: 0,
      moinsDe24h: false,
      depasse: false,
    });
  });

  it.each([
    ["exactement 24 h avant : pas encore urgent", p("2026-03-30T23:59"), false, false],
    ["24 h moins 1 s : urgent", new Date(p("2026-03-30T23:59").getTime() + 1000), true, false],
    ["à l'échéance exacte : 0, pas dépassé", p("2026-03-31T23:59"), true, false],
    ["1 ms après : dépassé, plus urgent", new Date(p("2026-03-31T23:59").getTime() + 1), false, true],
  ])("%s", (_cas, maintenant, moinsDe24h, depasse) => {
    const t = tempsRestant(p("2026-03-31T23:59"), maintenant);
    expect({ moinsDe24h: t.moinsDe24h, depasse: t.depasse }).toEqual({ moinsDe24h, depasse });
    expect(t.totalMs).toBeGreaterThanOrEqual(0);
  });

  it("compte des heures réelles à travers le passage à l'heure d'été (la nuit du 28 au 29 mars dure 23 h)", () => {
    const t = tempsRestant(p("2026-03-29T20:00"), p("2026-03-28T20:00"));
    expect([t.jours, t.heures]).toEqual([0, 23]);
    expect(t.moinsDe24h).toBe(true);
  });

  it("et à travers le retour à l'heure d'hiver (25 h du 24 au 25 octobre)", () => {
    const t = tempsRestant(p("2026-10-25T20:00"), p("2026-10-24T20:00"));
    expect([t.jours, t.heures]).toEqual([1, 1]);
  });
});

describe("formaterTempsRestant", () => {
  const echeance = p("2026-03-31T23:59");
  it.each([
    [p("2026-03-29T21:29"), `2${nbsp}jours 2${nbsp}heures`, `2${nbsp}days 2${nbsp}hours`],
    [p("2026-03-30T23:59"), `1${nbsp}jour`, `1${nbsp}day`],
    [p("2026-03-31T18:47"), `5${nbsp}heures 12${nbsp}minutes`, `5${nbsp}hours 12${nbsp}minutes`],
    [p("2026-03-31T23:58"), `1${nbsp}minute`, `1${nbsp}minute`],
    [new Date(echeance.getTime() - 30_000), "moins d'une minute", "less than a minute"],
    [new Date(echeance.getTime() + 1), "échéance dépassée", "past due"],
  ])("%s", (maintenant, fr, en) => {
    const t = tempsRestant(echeance, maintenant);
    expect(formaterTempsRestant(t)).toBe(fr);
    expect(formaterTempsRestant(t, "en")).toBe(en);
  });
});
