import { describe, expect, it } from "vitest";
import { complet, p, simple } from "./fixtures.test-utils.js";
import { statutSuivi } from "./statut-suivi.js";

describe("statutSuivi — vue enseignant", () => {
  it.each([
    // [cas, devoir, renduLe | null, vuLe | null, maintenant, attendu]
    ["jamais ouvert, avant l'échéance", simple, null, null, p("2026-03-25T10:00"), "non-ouvert"],
    ["ouvert le 24", simple, null, p("2026-03-24T17:00"), p("2026-03-25T10:00"), "vu"],
    [
      "vu le … mais dans le futur : ignoré",
      simple,
      null,
      p("2026-03-26T17:00"),
      p("2026-03-25T10:00"),
      "non-ouvert",
    ],
    ["vu, à l'échéance exacte : encore vu", simple, null, p("2026-03-24T17:00"), p("2026-03-31T23:59"), "vu"],
    [
      "vu, échéance passée : non rendu",
      simple,
      null,
      p("2026-03-24T17:00"),
      p("2026-04-01T00:00"),
      "non-rendu",
    ],
    ["jamais ouvert, échéance passée : non rendu", simple, null, null, p("2026-04-01T00:00"), "non-rendu"],
    [
      "non rendu dès l'échéance, même avec une date limite",
      complet,
      null,
      null,
      p("2026-04-01T10:00"),
      "non-rendu",
    ],
    ["rendu à l'heure", simple, p("2026-03-30T18:00"), p("2026-03-24T17:00"), p("2026-04-10T00:00"), "rendu"],
    [
      "rendu en retard pendant le délai",
      complet,
      p("2026-04-01T10:00"),
      null,
      p("2026-04-10T00:00"),
      "rendu-en-retard",
    ],
    [
      "rendu reste rendu après le corrigé",
      complet,
      p("2026-03-30T18:00"),
      null,
      p("2026-04-10T00:00"),
      "rendu",
    ],
  ] as const)("%s → %s", (_cas, devoir, renduLe, vuLe, maintenant, attendu) => {
    expect(statutSuivi({ devoir, rendu: renduLe ? { renduLe } : null, vuLe, maintenant })).toBe(attendu);
  });

  it("lève date-invalide si vuLe est illisible", () => {
    expect(() =>
      statutSuivi({ devoir: simple, vuLe: "hier", maintenant: p("2026-03-25T10:00") }),
    ).toThrowError(expect.objectContaining({ code: "date-invalide" }) as Error);
  });
});
