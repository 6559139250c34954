import { describe, expect, it } from "vitest";
import { dateDePurge } from "./date-de-purge.js";
import { complet, p, simple } from "./fixtures.test-utils.js";

describe("dateDePurge", () => {
  it.each([
    ["défaut : échéance en mars 2026 → 1er octobre 2026 0 h", simple, {}, "2026-10-01T00:00"],
    [
      "échéance le 31 août 23 h 59 : encore l'année qui finit",
      { ouverture: p("2026-08-01T08:00"), echeance: p("2026-08-31T23:59") },
      {},
      "2026-10-01T00:00",
    ],
    [
      "échéance le 1er septembre 0 h : année suivante",
      { ouverture: p("2026-08-01T08:00"), echeance: p("2026-09-01T00:00") },
      {},
      "2027-10-01T00:00",
    ],
    [
      "la référence est la dernière date (corrigé)",
      {
        ouverture: p("2026-08-01T08:00"),
        echeance: p("2026-08-20T23:59"),
        publicationCorrige: p("2026-09-02T08:00"),
      },
      {},
      "2027-10-01T00:00",
    ],
    [
      "fin d'année au 14 juillet, sans délai",
      simple,
      { finAnneeScolaire: { mois: 7, jour: 14 }, delaiMois: 0 },
      "2026-07-15T00:00",
    ],
    [
      "délai de 6 mois : 31 août + 6 mois → 28 février (pas de 31)",
      simple,
      { delaiMois: 6 },
      "2027-03-01T00:00",
    ],
    [
      "délai de 12 mois : 31 août 2027 → purge le 1er septembre 2027",
      complet,
      { delaiMois: 12 },
      "2027-09-01T00:00",
    ],
  ] as const)("%s", (_cas, devoir, options, localAttendu) => {
    expect(dateDePurge(devoir, options).toISOString()).toBe(p(localAttendu).toISOString());
  });

  it.each([
    [{ finAnneeScolaire: { mois: 13, jour: 1 } }],
    [{ finAnneeScolaire: { mois: 2, jour: 30 } }],
    [{ finAnneeScolaire: { mois: 6, jour: 0 } }],
    [{ delaiMois: -1 }],
    [{ delaiMois: 1.5 }],
    [{ delaiMois: 37 }],
  ])("refuse un réglage hors bornes %j (purge-invalide)", (options) => {
    expect(() => dateDePurge(simple, options)).toThrowError(
      expect.objectContaining({ code: "purge-invalide" }) as Error,
    );
  });

  it("un délai accordé qui passe la fin de l'année scolaire reporte la purge d'un an ; un délai dans l'année ne change rien", () => {
    const devoir = { ouverture: "2026-08-17T08:00:00+02:00", echeance: "2026-08-28T23:59:00+02:00" };
    expect(dateDePurge(devoir).toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(dateDePurge(devoir, {}, [{ echeance: "2026-08-30T23:59:00+02:00" }]).toISOString()).toBe(
      "2026-09-30T22:00:00.000Z",
    );
    const reporte = dateDePurge(devoir, {}, [null, { dateLimite: "2026-09-04T23:59:00+02:00" }]);
    expect(reporte.toISOString()).toBe("2027-09-30T22:00:00.000Z");
  });
});
