import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { besoinArbitraire } from "./arbitraires.test-utils.js";
import { besoinVisioSchema } from "./besoin-schema.js";
import { reunionInterne } from "./fixtures.test-utils.js";
import { validerBesoinVisio } from "./valider-besoin.js";
import { champsInvalides } from "./verifications.js";

describe("validerBesoinVisio", () => {
  it("accepte un besoin valide et retire les champs inconnus", () => {
    const r = validerBesoinVisio({ ...reunionInterne, inconnu: 1 });
    expect(r).toEqual({ ok: true, besoin: reunionInterne });
  });

  it.each([
    ["participants", { participants: 1 }, "participants-invalide"],
    ["participants", { participants: 2.5 }, "participants-invalide"],
    ["participants", { participants: "12" }, "participants-invalide"],
    ["participants", { participants: Number.NaN }, "participants-invalide"],
    ["participants", { participants: 501 }, "participants-trop-nombreux"],
    ["participants", { participants: 100_000 }, "participants-trop-nombreux"],
    ["avec", { avec: [] }, "avec-invalide"],
    ["avec", { avec: ["eleves", "voisins"] }, "avec-invalide"],
    ["organisateur", { organisateur: "maire" }, "organisateur-invalide"],
    ["objet", { objet: "fete" }, "objet-invalide"],
    ["niveau", { niveau: "3D" }, "niveau-invalide"],
    ["ent", { ent: "ODE" }, "ent-invalide"],
    ["elevesIdentifies", { elevesIdentifies: "oui" }, "eleves-identifies-invalide"],
    ["reservationPossible", { reservationPossible: undefined }, "reservation-possible-invalide"],
    ["webConferenceEntEnCours", { webConferenceEntEnCours: 0 }, "web-conference-ent-en-cours-invalide"],
  ])("refuse %s = %j avec le code %s", (champ, modif, code) => {
    const r = validerBesoinVisio({ ...reunionInterne, ...modif });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.erreurs).toHaveLength(1);
      expect(r.erreurs[0]).toMatchObject({ champ, code });
      expect(r.erreurs[0]!.message).toMatch(/[a-zé]/);
    }
  });

  it("accepte jusqu'à 500 participants ; au-delà, un message français clair", () => {
    expect(validerBesoinVisio({ ...reunionInterne, participants: 500 }).ok).toBe(true);
    expect(validerBesoinVisio({ ...reunionInterne, participants: 501 })).toEqual({
      ok: false,
      erreurs: [
        {
          champ: "participants",
          code: "participants-trop-nombreux",
          message:
            "Le nombre de participants ne peut pas dépasser 500 (organisateur compris) : les documents du ministère ne donnent la capacité que de deux outils (10 et 50 personnes), et Trousse ne recommande aucun outil au-delà de 500 personnes.",
        },
      ],
    });
  });

  it.each([null, undefined, 42, "besoin", [reunionInterne]])("refuse %j sans lever d'exception", (entree) => {
    expect(validerBesoinVisio(entree)).toEqual({
      ok: false,
      erreurs: [expect.objectContaining({ champ: "", code: "besoin-invalide" })],
    });
  });

  it("liste toutes les erreurs d'un objet vide, en français", () => {
    const r = validerBesoinVisio({});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.erreurs.map((e) => e.champ)).toEqual([
        "organisateur",
        "avec",
        "participants",
        "objet",
        "niveau",
        "ent",
        "elevesIdentifies",
        "reservationPossible",
        "webConferenceEntEnCours",
      ]);
      expect(r.erreurs.find((e) => e.champ === "participants")?.message).toBe(
        "Le nombre de participants doit être un nombre entier supérieur ou égal à 2 (organisateur compris).",
      );
    }
  });

  it("champsInvalides (le contrôle de recommanderVisio) refuse exactement les mêmes champs", () => {
    const besoinAbime = fc
      .tuple(besoinArbitraire, fc.dictionary(fc.constantFrom(...Object.keys(reunionInterne)), fc.anything()))
      .map(([b, abimes]) => ({ ...b, ...abimes }));
    fc.assert(
      fc.property(fc.oneof(besoinArbitraire, besoinAbime, fc.anything()), (x) => {
        const v = validerBesoinVisio(x);
        expect(champsInvalides(x)).toEqual(v.ok ? [] : v.erreurs.map((e) => e.champ));
      }),
      { numRuns: 500 },
    );
  });

  it("ne lève jamais d'exception, quelle que soit l'entrée", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(() => validerBesoinVisio(x)).not.toThrow();
      }),
    );
  });
});

describe("besoinVisioSchema", () => {
  /** Un besoin presque valide dont certains champs sont remplacés par n'importe quoi. */
  const besoinAbime = fc
    .tuple(besoinArbitraire, fc.dictionary(fc.constantFrom(...Object.keys(reunionInterne)), fc.anything()))
    .map(([b, abimes]) => ({ ...b, ...abimes }));

  it("accepte exactement ce que validerBesoinVisio accepte, avec les mêmes champs en erreur et messages", () => {
    fc.assert(
      fc.property(fc.oneof(besoinArbitraire, besoinAbime), (x) => {
        const v = validerBesoinVisio(x);
        const z = besoinVisioSchema.safeParse(x);
        expect(z.success).toBe(v.ok);
        if (v.ok && z.success) expect(z.data).toEqual(v.besoin);
        if (!v.ok && !z.success) {
          const champsZod = [...new Set(z.error.issues.map((i) => String(i.path[0])))].sort();
          expect(champsZod).toEqual(v.erreurs.map((e) => e.champ).sort());
          for (const i of z.error.issues)
            expect(v.erreurs.find((e) => e.champ === String(i.path[0]))?.message).toBe(i.message);
        }
      }),
      { numRuns: 500 },
    );
  });
});
