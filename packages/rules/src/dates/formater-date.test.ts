import { describe, expect, it } from "vitest";
import { formaterDateParis } from "./formater-date.js";

const nbsp = "\u00a0";

describe("formaterDateParis", () => {
  it.each([
    ["2026-03-31T21:59:00Z", `mardi 31 mars 2026 à 23${nbsp}h${nbsp}59`, "Tuesday 31 March 2026 at 23:59"],
    [
      "2026-04-01T06:05:00Z",
      `mercredi 1er avril 2026 à 8${nbsp}h${nbsp}05`,
      "Wednesday 1 April 2026 at 08:05",
    ],
    ["2026-01-05T23:00:00Z", `mardi 6 janvier 2026 à 0${nbsp}h${nbsp}00`, "Tuesday 6 January 2026 at 00:00"],
    // Nuit du changement d'heure d'automne : les deux 2 h 30 s'affichent pareil.
    [
      "2026-10-25T00:30:00Z",
      `dimanche 25 octobre 2026 à 2${nbsp}h${nbsp}30`,
      "Sunday 25 October 2026 at 02:30",
    ],
    [
      "2026-10-25T01:30:00Z",
      `dimanche 25 octobre 2026 à 2${nbsp}h${nbsp}30`,
      "Sunday 25 October 2026 at 02:30",
    ],
    // Printemps : 1 h 59 puis 3 h 00.
    ["2026-03-29T01:00:00Z", `dimanche 29 mars 2026 à 3${nbsp}h${nbsp}00`, "Sunday 29 March 2026 at 03:00"],
  ])("%s → « %s » / « %s »", (iso, fr, en) => {
    expect(formaterDateParis(iso)).toBe(fr);
    expect(formaterDateParis(new Date(iso), "en")).toBe(en);
  });

  it("lève date-invalide sur un instant invalide plutôt que d'afficher « Invalid Date »", () => {
    expect(() => formaterDateParis("bientôt")).toThrowError(/invalide/);
  });
});
