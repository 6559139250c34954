import { describe, expect, it } from "vitest";
import { ErreurRegle } from "./erreur-regle.js";
import { analyserInstant, versDate } from "./instant.js";

describe("analyserInstant", () => {
  it.each([
    ["2026-03-31T23:59:00+02:00", "2026-03-31T21:59:00.000Z"],
    ["2026-03-31T21:59:00Z", "2026-03-31T21:59:00.000Z"],
    ["2026-03-31T21:59Z", "2026-03-31T21:59:00.000Z"],
    ["2026-03-31T23:59:00.250+0200", "2026-03-31T21:59:00.250Z"],
    ["  2026-03-31T21:59:00Z  ", "2026-03-31T21:59:00.000Z"],
  ])("lit %s", (texte, iso) => {
    const r = analyserInstant(texte);
    expect(r.ok && r.date.toISOString()).toBe(iso);
  });

  it("copie un Date valide (pas d'alias)", () => {
    const d = new Date("2026-03-31T21:59:00Z");
    const r = analyserInstant(d);
    expect(r.ok && r.date).toEqual(d);
    expect(r.ok && r.date).not.toBe(d);
  });

  it.each([
    "2026-03-31T23:59", // sans fuseau : ambigu
    "2026-03-31",
    "2026-02-29T10:00Z", // 2026 n'est pas bissextile
    "2026-04-31T10:00Z",
    "2026-03-31T25:00Z",
    "2026-03-31T23:59+25:00",
    "31/03/2026",
    "",
    42,
    null,
    {},
    new Date("invalide"),
  ])("refuse %s avec date-invalide", (valeur) => {
    const r = analyserInstant(valeur);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("date-invalide");
      expect(r.message).toMatch(/^La date « .* » est invalide/);
    }
  });

  it("versDate lève une ErreurRegle avec le code date-invalide", () => {
    expect(() => versDate("demain")).toThrowError(
      expect.objectContaining({ code: "date-invalide" }) as Error,
    );
    expect(() => versDate("demain")).toThrowError(ErreurRegle);
  });
});
