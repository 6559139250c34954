import { describe, expect, it } from "vitest";
import { automne, complet, p, printemps, simple } from "./fixtures.test-utils.js";
import { statutRendu } from "./statut-rendu.js";

const ms = (d: Date, delta: number): Date => new Date(d.getTime() + delta);

describe("statutRendu — vue élève", () => {
  it.each([
    // [cas, devoir, renduLe | null, maintenant, statut attendu]
    ["avant l'ouverture", simple, null, p("2026-03-23T07:59"), "a-venir"],
    ["à l'instant de l'ouverture (inclus)", simple, null, p("2026-03-23T08:00"), "a-rendre"],
    ["pendant", simple, null, p("2026-03-30T12:00"), "a-rendre"],
    ["à l'échéance exacte 23 h 59 (incluse)", simple, null, p("2026-03-31T23:59"), "a-rendre"],
    ["1 ms après l'échéance, sans date limite", simple, null, ms(p("2026-03-31T23:59"), 1), "ferme"],
    ["rendu avant l'échéance", simple, p("2026-03-30T18:00"), p("2026-04-01T08:00"), "rendu"],
    ["rendu à l'échéance exacte", simple, p("2026-03-31T23:59"), p("2026-04-01T08:00"), "rendu"],
    ["entre échéance et date limite, non rendu", complet, null, p("2026-04-01T10:00"), "a-rendre"],
    ["à la date limite exacte (incluse)", complet, null, p("2026-04-02T23:59"), "a-rendre"],
    ["après la date limite, avant le corrigé", complet, null, ms(p("2026-04-02T23:59"), 1), "ferme"],
    [
      "rendu 1 ms après l'échéance",
      complet,
      ms(p("2026-03-31T23:59"), 1),
      p("2026-04-01T10:00"),
      "rendu-en-retard",
    ],
    ["corrigé publié, non rendu", complet, null, p("2026-04-03T08:00"), "corrige-disponible"],
    [
      "corrigé publié après un rendu à l'heure",
      complet,
      p("2026-03-30T18:00"),
      p("2026-04-03T09:00"),
      "corrige-disponible",
    ],
    [
      "corrigé pas encore publié (1 ms avant)",
      complet,
      p("2026-03-30T18:00"),
      ms(p("2026-04-03T08:00"), -1),
      "rendu",
    ],
    [
      "rendu daté après maintenant : ignoré",
      simple,
      p("2026-03-30T18:00"),
      p("2026-03-29T10:00"),
      "a-rendre",
    ],
    // Passage à l'heure d'été : entre 1 h 59 et 3 h 00 il ne s'écoule qu'une minute.
    ["printemps : 1 h 59, échéance à 3 h 30", printemps, null, p("2026-03-29T01:59"), "a-rendre"],
    ["printemps : rendu à 3 h 30 pile", printemps, p("2026-03-29T03:30"), p("2026-03-29T04:00"), "rendu"],
    [
      "printemps : rendu à 3 h 31",
      printemps,
      p("2026-03-29T03:31"),
      p("2026-03-29T04:00"),
      "rendu-en-retard",
    ],
    ["printemps : 3 h 31, non rendu", printemps, null, p("2026-03-29T03:31"), "ferme"],
    // Automne : l'échéance est la première 2 h 30 ; la seconde 2 h 30 arrive une heure plus tard.
    [
      "automne : rendu à la seconde 2 h 30",
      automne,
      new Date("2026-10-25T01:30:00Z"),
      p("2026-10-25T03:00"),
      "rendu-en-retard",
    ],
    [
      "automne : rendu à la première 2 h 30",
      automne,
      new Date("2026-10-25T00:30:00Z"),
      p("2026-10-25T03:00"),
      "rendu",
    ],
    [
      "automne : seconde 2 h 30, date limite 3 h 00 pas atteinte",
      automne,
      null,
      new Date("2026-10-25T01:30:00Z"),
      "a-rendre",
    ],
  ] as const)("%s → %s", (_cas, devoir, renduLe, maintenant, attendu) => {
    expect(statutRendu({ devoir, rendu: renduLe ? { renduLe } : null, maintenant })).toBe(attendu);
  });

  it("accepte des chaînes ISO avec décalage pour toutes les dates", () => {
    const devoir = { ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:59:00+02:00" };
    expect(
      statutRendu({ devoir, rendu: { renduLe: "2026-03-31T21:59:00Z" }, maintenant: "2026-04-01T00:00:00Z" }),
    ).toBe("rendu");
  });

  it("lève une erreur claire (code stable) sur des dates invalides", () => {
    expect(() =>
      statutRendu({
        devoir: { ouverture: "2026-04-01T00:00Z", echeance: "2026-03-01T00:00Z" },
        maintenant: new Date(),
      }),
    ).toThrowError(expect.objectContaining({ code: "echeance-avant-ouverture" }) as Error);
    expect(() => statutRendu({ devoir: simple, maintenant: "maintenant" })).toThrowError(
      expect.objectContaining({ code: "date-invalide" }) as Error,
    );
  });
});
