import { describe, expect, it } from "vitest";
import { complet, p, printemps, simple } from "./fixtures.test-utils.js";
import { peutRemplacer, peutRendre } from "./peut-rendre.js";

const ms = (d: Date, delta: number): Date => new Date(d.getTime() + delta);

describe("peutRendre", () => {
  it.each([
    [
      "1 ms avant l'ouverture",
      simple,
      ms(p("2026-03-23T08:00"), -1),
      { ok: false, code: "pas-encore-ouvert" },
    ],
    ["à l'ouverture", simple, p("2026-03-23T08:00"), { ok: true, enRetard: false }],
    ["à l'échéance exacte", simple, p("2026-03-31T23:59"), { ok: true, enRetard: false }],
    [
      "1 ms après l'échéance, sans date limite",
      simple,
      ms(p("2026-03-31T23:59"), 1),
      { ok: false, code: "echeance-depassee" },
    ],
    [
      "1 ms après l'échéance, avec date limite",
      complet,
      ms(p("2026-03-31T23:59"), 1),
      { ok: true, enRetard: true },
    ],
    ["à la date limite exacte", complet, p("2026-04-02T23:59"), { ok: true, enRetard: true }],
    [
      "1 ms après la date limite",
      complet,
      ms(p("2026-04-02T23:59"), 1),
      { ok: false, code: "date-limite-depassee" },
    ],
    ["printemps : 1 h 59, échéance 3 h 30", printemps, p("2026-03-29T01:59"), { ok: true, enRetard: false }],
  ] as const)("%s", (_cas, devoir, maintenant, attendu) => {
    expect(peutRendre({ devoir, maintenant })).toMatchObject(attendu);
  });

  it("explique un refus en français et en anglais, avec la date en heure de Paris", () => {
    const r = peutRendre({ devoir: complet, maintenant: p("2026-04-05T10:00") });
    expect(r).toEqual({
      ok: false,
      code: "date-limite-depassee",
      message:
        "La date limite était le jeudi 2 avril 2026 à 23\u00a0h\u00a059 : ce devoir ne peut plus être rendu.",
      messageEn:
        "The cut-off date was Thursday 2 April 2026 at 23:59: this assignment can no longer be handed in.",
    });
    const avant = peutRendre({ devoir: simple, maintenant: p("2026-03-20T10:00") });
    expect(!avant.ok && avant.message).toBe(
      "Ce devoir ouvre le lundi 23 mars 2026 à 8\u00a0h\u00a000 : il ne peut pas encore être rendu.",
    );
  });
});

describe("peutRemplacer", () => {
  const rendu = { renduLe: p("2026-03-30T18:00") };
  it.each([
    ["avec un rendu, avant l'échéance", complet, rendu, p("2026-03-31T20:00"), { ok: true }],
    ["avec un rendu, à l'échéance exacte", complet, rendu, p("2026-03-31T23:59"), { ok: true }],
    [
      "après l'échéance, même pendant le délai de retard",
      complet,
      rendu,
      ms(p("2026-03-31T23:59"), 1),
      { ok: false, code: "echeance-depassee" },
    ],
    ["sans rendu", complet, null, p("2026-03-31T20:00"), { ok: false, code: "aucun-rendu" }],
    [
      "rendu daté après maintenant",
      complet,
      rendu,
      p("2026-03-29T20:00"),
      { ok: false, code: "aucun-rendu" },
    ],
    ["avant l'ouverture", complet, rendu, p("2026-03-20T20:00"), { ok: false, code: "pas-encore-ouvert" }],
  ] as const)("%s", (_cas, devoir, r, maintenant, attendu) => {
    expect(peutRemplacer({ devoir, rendu: r, maintenant })).toMatchObject(attendu);
  });
});
