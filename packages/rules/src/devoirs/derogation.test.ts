import { describe, expect, it } from "vitest";
import { corrigeVisible } from "./corrige-visible.js";
import { datesEffectives, delaiEnCours, validerDerogation } from "./derogation.js";
import { complet, p, simple } from "./fixtures.test-utils.js";
import { libelleDelaiAccorde } from "./libelle-delai.js";
import { peutRemplacer, peutRendre } from "./peut-rendre.js";
import { statutRendu } from "./statut-rendu.js";
import { statutSuivi } from "./statut-suivi.js";

const ms = (d: Date, delta: number): Date => new Date(d.getTime() + delta);
const codes = (r: ReturnType<typeof validerDerogation>) => (r.ok ? [] : r.erreurs.map((e) => e.code));

describe("validerDerogation", () => {
  it.each([
    ["échéance plus tardive", complet, { echeance: p("2026-04-07T23:59") }, []],
    ["date limite seule, après la date limite du devoir", complet, { dateLimite: p("2026-04-05T23:59") }, []],
    ["date limite seule, devoir sans date limite", simple, { dateLimite: p("2026-04-01T12:00") }, []],
    ["les deux", complet, { echeance: p("2026-04-07T23:59"), dateLimite: p("2026-04-09T23:59") }, []],
    [
      "échéance et date limite égales",
      complet,
      { echeance: p("2026-04-07T23:59"), dateLimite: p("2026-04-07T23:59") },
      [],
    ],
    ["rien", complet, {}, ["delai-vide"]],
    ["chaînes vides", complet, { echeance: "", dateLimite: null }, ["delai-vide"]],
    ["pas un objet", complet, "demain", ["delai-vide"]],
    ["date illisible", complet, { echeance: "le 7 avril" }, ["date-invalide"]],
    [
      "échéance égale à celle du devoir",
      complet,
      { echeance: p("2026-03-31T23:59") },
      ["delai-echeance-trop-tot"],
    ],
    ["échéance plus tôt", complet, { echeance: p("2026-03-30T23:59") }, ["delai-echeance-trop-tot"]],
    [
      "date limite avant l'échéance accordée",
      complet,
      { echeance: p("2026-04-07T23:59"), dateLimite: p("2026-04-06T23:59") },
      ["delai-date-limite-avant-echeance"],
    ],
    [
      "date limite avant l'échéance du devoir",
      simple,
      { dateLimite: p("2026-03-30T23:59") },
      ["delai-date-limite-avant-echeance"],
    ],
    [
      "date limite égale à celle du devoir",
      complet,
      { dateLimite: p("2026-04-02T23:59") },
      ["delai-date-limite-trop-tot"],
    ],
    [
      "date limite égale à l'échéance (devoir sans date limite)",
      simple,
      { dateLimite: p("2026-03-31T23:59") },
      ["delai-date-limite-trop-tot"],
    ],
    [
      "échéance plus tardive mais date limite qui retire du temps",
      complet,
      { echeance: p("2026-04-01T12:00"), dateLimite: p("2026-04-01T12:00") },
      ["delai-date-limite-trop-tot"],
    ],
  ] as const)("%s", (_cas, devoir, derogation, attendus) => {
    expect(codes(validerDerogation(devoir, derogation))).toEqual(attendus);
  });

  it("explique en français et en anglais, dates en heure de Paris", () => {
    const r = validerDerogation(complet, { echeance: p("2026-03-30T23:59") });
    expect(r).toEqual({
      ok: false,
      erreurs: [
        {
          code: "delai-echeance-trop-tot",
          champ: "echeance",
          message:
            "L'échéance accordée (lundi 30 mars 2026 à 23\u00a0h\u00a059) doit être après celle du devoir (mardi 31 mars 2026 à 23\u00a0h\u00a059).",
          messageEn:
            "The granted due date (Monday 30 March 2026 at 23:59) must be after the assignment's (Tuesday 31 March 2026 at 23:59).",
        },
      ],
    });
  });

  it("rend les dates validées", () => {
    expect(validerDerogation(simple, { echeance: "2026-04-07T23:59:00+02:00" })).toEqual({
      ok: true,
      derogation: { echeance: p("2026-04-07T23:59"), dateLimite: null },
    });
  });
});

describe("datesEffectives", () => {
  it("sans délai : les dates du devoir", () => {
    expect(datesEffectives(complet, null)).toEqual({
      ouverture: p("2026-03-23T08:00"),
      echeance: p("2026-03-31T23:59"),
      dateLimite: p("2026-04-02T23:59"),
      publicationCorrige: p("2026-04-03T08:00"),
    });
  });

  it("échéance prolongée au-delà de la date limite du devoir : plus de délai de retard, corrigé repoussé", () => {
    expect(datesEffectives(complet, { echeance: p("2026-04-07T23:59") })).toEqual({
      ouverture: p("2026-03-23T08:00"),
      echeance: p("2026-04-07T23:59"),
      dateLimite: p("2026-04-07T23:59"),
      publicationCorrige: p("2026-04-07T23:59"),
    });
  });

  it("échéance prolongée avant la date limite du devoir : la date limite du devoir reste", () => {
    const e = datesEffectives(complet, { echeance: p("2026-04-01T12:00") });
    expect(e.echeance).toEqual(p("2026-04-01T12:00"));
    expect(e.dateLimite).toEqual(p("2026-04-02T23:59"));
    expect(e.publicationCorrige).toEqual(p("2026-04-03T08:00"));
  });

  it("date limite seule : échéance du devoir, retard accepté jusqu'à la date accordée", () => {
    const e = datesEffectives(simple, { dateLimite: p("2026-04-05T23:59") });
    expect(e).toEqual({
      ouverture: p("2026-03-23T08:00"),
      echeance: p("2026-03-31T23:59"),
      dateLimite: p("2026-04-05T23:59"),
      publicationCorrige: null,
    });
  });

  it("un délai devenu plus court que le devoir (devoir modifié depuis) ne raccourcit rien", () => {
    expect(
      datesEffectives(complet, { echeance: p("2026-03-30T23:59"), dateLimite: p("2026-04-01T00:00") }),
    ).toEqual(datesEffectives(complet, null));
  });
});

describe("les règles de statut suivent le délai de l'élève", () => {
  const derogation = { echeance: p("2026-04-07T23:59") };
  const apresLimite = p("2026-04-05T10:00");

  it("peutRendre : refusé pour la classe, à l'heure pour l'élève ; bornes incluses", () => {
    expect(peutRendre({ devoir: complet, maintenant: apresLimite })).toMatchObject({
      ok: false,
      code: "date-limite-depassee",
    });
    expect(peutRendre({ devoir: complet, derogation, maintenant: apresLimite })).toEqual({
      ok: true,
      enRetard: false,
    });
    expect(peutRendre({ devoir: complet, derogation, maintenant: p("2026-04-07T23:59") })).toEqual({
      ok: true,
      enRetard: false,
    });
    const apres = peutRendre({ devoir: complet, derogation, maintenant: ms(p("2026-04-07T23:59"), 1) });
    expect(apres).toMatchObject({ ok: false, code: "date-limite-depassee" });
    expect(!apres.ok && apres.message).toBe(
      "La date limite était le mardi 7 avril 2026 à 23\u00a0h\u00a059 : ce devoir ne peut plus être rendu.",
    );
  });

  it("peutRendre : date limite seule, en retard jusqu'à elle incluse", () => {
    const d = { dateLimite: p("2026-04-05T23:59") };
    expect(peutRendre({ devoir: simple, derogation: d, maintenant: p("2026-04-05T23:59") })).toEqual({
      ok: true,
      enRetard: true,
    });
    expect(
      peutRendre({ devoir: simple, derogation: d, maintenant: ms(p("2026-04-05T23:59"), 1) }),
    ).toMatchObject({ ok: false });
  });

  it("peutRemplacer : jusqu'à l'échéance accordée", () => {
    const rendu = { renduLe: p("2026-04-01T10:00") };
    expect(peutRemplacer({ devoir: complet, rendu, maintenant: apresLimite })).toMatchObject({
      ok: false,
      code: "echeance-depassee",
    });
    expect(peutRemplacer({ devoir: complet, rendu, derogation, maintenant: apresLimite })).toEqual({
      ok: true,
    });
  });

  it("statutRendu et statutSuivi", () => {
    expect(statutRendu({ devoir: complet, maintenant: apresLimite })).toBe("corrige-disponible");
    expect(statutRendu({ devoir: complet, derogation, maintenant: apresLimite })).toBe("a-rendre");
    expect(statutSuivi({ devoir: complet, maintenant: apresLimite })).toBe("non-rendu");
    expect(statutSuivi({ devoir: complet, derogation, maintenant: apresLimite })).toBe("non-ouvert");
    const rendu = { renduLe: apresLimite };
    expect(statutSuivi({ devoir: complet, rendu, derogation, maintenant: apresLimite })).toBe("rendu");
    expect(statutRendu({ devoir: complet, rendu, derogation, maintenant: apresLimite })).toBe("rendu");
    expect(statutRendu({ devoir: complet, derogation, maintenant: p("2026-04-08T00:00") })).toBe(
      "corrige-disponible",
    );
  });

  it("un rendu à l'heure sous un délai le reste une fois le délai retiré (echeanceAccordee)", () => {
    const rendu = { renduLe: apresLimite, echeanceAccordee: p("2026-04-07T23:59") };
    expect(statutSuivi({ devoir: complet, rendu, maintenant: p("2026-04-10T00:00") })).toBe("rendu");
    expect(
      statutSuivi({ devoir: complet, rendu: { renduLe: apresLimite }, maintenant: p("2026-04-10T00:00") }),
    ).toBe("rendu-en-retard");
  });

  it("corrigeVisible : caché à l'élève tant que son délai court, visible à sa fin (incluse)", () => {
    const fin = p("2026-04-07T23:59");
    expect(corrigeVisible({ devoir: complet, enseignant: false, maintenant: apresLimite })).toBe(true);
    expect(corrigeVisible({ devoir: complet, derogation, enseignant: false, maintenant: apresLimite })).toBe(
      false,
    );
    expect(corrigeVisible({ devoir: complet, derogation, enseignant: false, maintenant: ms(fin, -1) })).toBe(
      false,
    );
    expect(corrigeVisible({ devoir: complet, derogation, enseignant: false, maintenant: fin })).toBe(true);
    expect(corrigeVisible({ devoir: complet, derogation, enseignant: true, maintenant: apresLimite })).toBe(
      true,
    );
    const limiteSeule = { dateLimite: p("2026-04-09T12:00") };
    expect(
      corrigeVisible({
        devoir: complet,
        derogation: limiteSeule,
        enseignant: false,
        maintenant: p("2026-04-08T12:00"),
      }),
    ).toBe(false);
  });

  it("delaiEnCours : jusqu'à la fin des rendus de l'élève incluse", () => {
    const fin = p("2026-04-07T23:59");
    expect(delaiEnCours({ devoir: complet, derogation, maintenant: fin })).toBe(true);
    expect(delaiEnCours({ devoir: complet, derogation, maintenant: ms(fin, 1) })).toBe(false);
    expect(delaiEnCours({ devoir: complet, derogation: null, maintenant: p("2026-03-25T10:00") })).toBe(
      false,
    );
  });
});

describe("libelleDelaiAccorde", () => {
  it("échéance prolongée, avec ou sans retard au-delà", () => {
    expect(libelleDelaiAccorde(complet, { echeance: p("2026-04-07T23:59") })).toEqual({
      fr: "Délai accordé jusqu'au mardi 7 avril 2026 à 23\u00a0h\u00a059.",
      en: "Extension granted until Tuesday 7 April 2026 at 23:59.",
    });
    expect(
      libelleDelaiAccorde(complet, { echeance: p("2026-04-07T23:59"), dateLimite: p("2026-04-09T18:00") })
        ?.fr,
    ).toBe(
      "Délai accordé jusqu'au mardi 7 avril 2026 à 23\u00a0h\u00a059. Rendu en retard accepté jusqu'au jeudi 9 avril 2026 à 18\u00a0h\u00a000.",
    );
  });

  it("date limite seule", () => {
    expect(libelleDelaiAccorde(simple, { dateLimite: p("2026-04-05T23:59") })).toEqual({
      fr: "Délai accordé : rendu en retard accepté jusqu'au dimanche 5 avril 2026 à 23\u00a0h\u00a059.",
      en: "Extension granted: late hand-in accepted until Sunday 5 April 2026 at 23:59.",
    });
  });

  it("sans délai, ou un délai qui ne donne plus rien : null", () => {
    expect(libelleDelaiAccorde(complet, null)).toBeNull();
    expect(libelleDelaiAccorde(complet, { echeance: p("2026-03-30T23:59") })).toBeNull();
  });
});
