import { catalogue, getOutil, utilisableAvecEnt } from "@trousse/catalogue";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { besoinArbitraire } from "./arbitraires.test-utils.js";
import { recommanderVisio } from "./recommander.js";
import { CODES_REGLE_EXCLUSION } from "./types.js";

const visioAudio = catalogue.outils
  .filter((o) => o.categories.includes("visioconference") || o.categories.includes("audioconference"))
  .map((o) => o.id)
  .sort();

describe("recommanderVisio : propriétés", () => {
  it("aucune recommandation ne viole une contrainte dure", () => {
    fc.assert(
      fc.property(besoinArbitraire, (b) => {
        for (const r of recommanderVisio(b).recommandations) {
          const o = getOutil(r.outilId)!;
          const c = o.contraintes;
          expect(o.origine).not.toBe("entreprise-internationale");
          if (c.participantsMax) expect(b.participants).toBeLessThanOrEqual(c.participantsMax.valeur);
          if (c.reservationObligatoire) expect(b.reservationPossible).toBe(true);
          if (c.sessionsSimultaneesParEtablissement) expect(b.webConferenceEntEnCours).toBe(false);
          if (c.audioSeulement) expect(b.objet).toBe("audioconference");
          // Identification is asked about pupils only: without pupils it rules nothing out.
          if (b.elevesIdentifies && b.avec.includes("eleves"))
            expect(c.elevesIdentifies?.niveaux ?? []).toContain(b.niveau);
          expect(utilisableAvecEnt(o, b.ent)).toBe(true);
          if (o.usages.some((u) => u.code === "usage-interne-personnels"))
            expect(b.avec).not.toContain("partenaires-externes");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("est déterministe : même entrée, même sortie", () => {
    fc.assert(
      fc.property(besoinArbitraire, (b) => {
        expect(recommanderVisio(JSON.parse(JSON.stringify(b)) as typeof b)).toEqual(recommanderVisio(b));
      }),
      { numRuns: 200 },
    );
  });

  it("chaque outil de visio/audio est soit recommandé, soit exclu, jamais les deux", () => {
    fc.assert(
      fc.property(besoinArbitraire, (b) => {
        const r = recommanderVisio(b);
        const rec = r.recommandations.map((x) => x.outilId);
        const exc = r.exclusions.map((x) => x.outilId);
        expect(rec.filter((id) => exc.includes(id))).toEqual([]);
        expect([...rec, ...exc].sort()).toEqual(visioAudio);
      }),
      { numRuns: 300 },
    );
  });

  it("chaque exclusion a une règle connue et une raison non vide", () => {
    fc.assert(
      fc.property(besoinArbitraire, (b) => {
        for (const e of recommanderVisio(b).exclusions) {
          expect(CODES_REGLE_EXCLUSION).toContain(e.regle);
          expect(e.raison.trim().length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("les rangs vont de 1 à n, les scores décroissent, les égalités sont départagées par id", () => {
    fc.assert(
      fc.property(besoinArbitraire, (b) => {
        const recs = recommanderVisio(b).recommandations;
        expect(recs.map((r) => r.rang)).toEqual(recs.map((_, i) => i + 1));
        for (let i = 1; i < recs.length; i++) {
          const [a, c] = [recs[i - 1]!, recs[i]!];
          expect(a.score).toBeGreaterThanOrEqual(c.score);
          if (a.score === c.score) expect(a.outilId < c.outilId).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("chaque recommandation cite au moins une raison sourcée", () => {
    fc.assert(
      fc.property(besoinArbitraire, (b) => {
        for (const r of recommanderVisio(b).recommandations) {
          expect(r.raisons.length).toBeGreaterThan(0);
          for (const x of r.raisons) {
            expect(x.texte.length).toBeGreaterThan(0);
            expect(catalogue.sources.map((s) => s.id)).toContain(x.source.id);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
