// Propriétés des règles de devoirs, vérifiées sur des devoirs tirés au hasard (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corrigeVisible } from "./corrige-visible.js";
import { type DatesDevoir, finDesRendus, validerDatesDevoir } from "./dates-devoir.js";
import { type Derogation, datesEffectives, validerDerogation } from "./derogation.js";
import { peutRemplacer, peutRendre } from "./peut-rendre.js";
import { STATUTS_RENDU, type StatutRendu, statutRendu } from "./statut-rendu.js";
import { STATUTS_SUIVI, statutSuivi } from "./statut-suivi.js";

const HEURE = 3_600_000;
// Autour des changements d'heure de 2026 pour les exercer souvent : du 1er mars au 30 novembre 2026.
const DEBUT = Date.UTC(2026, 2, 1);
const FIN = Date.UTC(2026, 10, 30);

/** Un devoir valide : ouverture < échéance ≤ date limite ≤ corrigé (les deux derniers facultatifs). */
const devoirArb: fc.Arbitrary<DatesDevoir> = fc
  .record({
    ouverture: fc.integer({ min: DEBUT, max: FIN }),
    duree: fc.integer({ min: 1, max: 30 * 24 * HEURE }),
    retard: fc.option(fc.integer({ min: 0, max: 7 * 24 * HEURE })),
    corrige: fc.option(fc.integer({ min: 0, max: 14 * 24 * HEURE })),
  })
  .map(({ ouverture, duree, retard, corrige }) => {
    const echeance = ouverture + duree;
    const fin = echeance + (retard ?? 0);
    return {
      ouverture: new Date(ouverture),
      echeance: new Date(echeance),
      dateLimite: retard === null ? null : new Date(fin),
      publicationCorrige: corrige === null ? null : new Date(fin + corrige),
    };
  });

const instantArb = fc
  .integer({ min: DEBUT - 10 * 24 * HEURE, max: FIN + 60 * 24 * HEURE })
  .map((n) => new Date(n));
const ORDRE_SANS_RENDU: StatutRendu[] = ["a-venir", "a-rendre", "ferme", "corrige-disponible"];

describe("propriétés des statuts", () => {
  it("statutRendu est total et déterministe", () => {
    fc.assert(
      fc.property(devoirArb, fc.option(instantArb), instantArb, (devoir, renduLe, maintenant) => {
        const entree = { devoir, rendu: renduLe ? { renduLe } : null, maintenant };
        const s = statutRendu(entree);
        expect(STATUTS_RENDU).toContain(s);
        expect(statutRendu(entree)).toBe(s);
      }),
    );
  });

  it("statutSuivi est total et déterministe", () => {
    fc.assert(
      fc.property(
        devoirArb,
        fc.option(instantArb),
        fc.option(instantArb),
        instantArb,
        (devoir, renduLe, vuLe, maintenant) => {
          const entree = { devoir, rendu: renduLe ? { renduLe } : null, vuLe, maintenant };
          const s = statutSuivi(entree);
          expect(STATUTS_SUIVI).toContain(s);
          expect(statutSuivi(entree)).toBe(s);
        },
      ),
    );
  });

  it("un rendu avant (ou à) l'échéance n'est jamais en retard", () => {
    fc.assert(
      fc.property(
        devoirArb,
        fc.integer({ min: 0, max: 30 * 24 * HEURE }),
        instantArb,
        (devoir, avance, apres) => {
          const echeance = (devoir.echeance as Date).getTime();
          const renduLe = new Date(echeance - avance);
          const maintenant = new Date(Math.max(echeance, apres.getTime()));
          const rendu = { renduLe };
          expect(statutSuivi({ devoir, rendu, maintenant })).toBe("rendu");
          expect(["rendu", "corrige-disponible"]).toContain(statutRendu({ devoir, rendu, maintenant }));
        },
      ),
    );
  });

  it("après la date limite (ou l'échéance sans date limite), peutRendre n'est jamais ok", () => {
    fc.assert(
      fc.property(devoirArb, fc.integer({ min: 1, max: 90 * 24 * HEURE }), (devoir, apres) => {
        const fin = ((devoir.dateLimite as Date | null) ?? (devoir.echeance as Date)).getTime();
        const r = peutRendre({ devoir, maintenant: new Date(fin + apres) });
        expect(r.ok).toBe(false);
        expect(
          peutRemplacer({ devoir, rendu: { renduLe: devoir.ouverture }, maintenant: new Date(fin + apres) })
            .ok,
        ).toBe(false);
      }),
    );
  });

  it("peutRendre est ok exactement quand statutRendu sans rendu vaut « a-rendre » (hors corrigé)", () => {
    fc.assert(
      fc.property(devoirArb, instantArb, (devoir, maintenant) => {
        const s = statutRendu({ devoir, maintenant });
        const r = peutRendre({ devoir, maintenant });
        if (s === "a-rendre") expect(r.ok).toBe(true);
        if (s === "a-venir" || s === "ferme") expect(r.ok).toBe(false);
      }),
    );
  });

  it("monotone : sans rendu, quand le temps avance, le statut ne revient jamais en arrière", () => {
    fc.assert(
      fc.property(devoirArb, fc.array(instantArb, { minLength: 2, maxLength: 12 }), (devoir, instants) => {
        const rangs = [...instants]
          .sort((a, b) => a.getTime() - b.getTime())
          .map((maintenant) => ORDRE_SANS_RENDU.indexOf(statutRendu({ devoir, maintenant })));
        expect(rangs).not.toContain(-1);
        for (let i = 1; i < rangs.length; i++)
          expect(rangs[i]).toBeGreaterThanOrEqual(rangs[i - 1] as number);
      }),
    );
  });
});

/** Un délai tiré au hasard autour des dates du devoir (valide ou non : les règles doivent rester totales). */
const derogationArb = (devoir: DatesDevoir): fc.Arbitrary<Derogation> => {
  const base = (devoir.echeance as Date).getTime();
  const date = fc.option(
    fc.integer({ min: base - 5 * 24 * HEURE, max: base + 20 * 24 * HEURE }).map((n) => new Date(n)),
  );
  return fc.record({ echeance: date, dateLimite: date });
};
const devoirEtDelaiArb = devoirArb.chain((devoir) =>
  derogationArb(devoir).map((derogation) => ({ devoir, derogation })),
);

describe("propriétés des délais accordés (dérogations)", () => {
  it("les dates effectives sont toujours celles d'un devoir valide", () => {
    fc.assert(
      fc.property(devoirEtDelaiArb, ({ devoir, derogation }) => {
        expect(validerDatesDevoir(datesEffectives(devoir, derogation)).ok).toBe(true);
      }),
    );
  });

  it("un délai ne retire jamais rien : ce que la classe peut rendre, l'élève le peut, et pas plus en retard", () => {
    fc.assert(
      fc.property(devoirEtDelaiArb, instantArb, ({ devoir, derogation }, maintenant) => {
        const classe = peutRendre({ devoir, maintenant });
        const eleve = peutRendre({ devoir, derogation, maintenant });
        if (classe.ok) {
          expect(eleve.ok).toBe(true);
          if (eleve.ok && !classe.enRetard) expect(eleve.enRetard).toBe(false);
        }
      }),
    );
  });

  // A granted due date that stays before the assignment's cut-off gives more time « à l'heure » but not a
  // later end of hand-ins (fast-check found it: due date +1 ms, cut-off three days later): each granted date
  // gives time where it applies, and nothing ends earlier.
  it("un délai valide donne toujours du temps en plus : l'échéance accordée recule l'échéance, la date limite accordée recule la fin des rendus", () => {
    fc.assert(
      fc.property(devoirEtDelaiArb, ({ devoir, derogation }) => {
        const v = validerDerogation(devoir, derogation);
        if (!v.ok) return;
        const classe = datesEffectives(devoir, null);
        const eleve = datesEffectives(devoir, derogation);
        if (v.derogation.echeance)
          expect(eleve.echeance.getTime()).toBeGreaterThan(classe.echeance.getTime());
        if (v.derogation.dateLimite)
          expect(finDesRendus(eleve).getTime()).toBeGreaterThan(finDesRendus(classe).getTime());
        expect(finDesRendus(eleve).getTime()).toBeGreaterThanOrEqual(finDesRendus(classe).getTime());
        expect(eleve.echeance.getTime()).toBeGreaterThanOrEqual(classe.echeance.getTime());
      }),
    );
  });

  it("exemple trouvé par fast-check : échéance accordée avant la date limite du devoir, fin des rendus inchangée", () => {
    const devoir = {
      ouverture: new Date("2026-07-18T01:17:45.831Z"),
      echeance: new Date("2026-07-18T01:17:45.842Z"),
      dateLimite: new Date("2026-07-21T21:30:16.752Z"),
    };
    const derogation = { echeance: new Date("2026-07-18T01:17:45.843Z"), dateLimite: null };
    expect(validerDerogation(devoir, derogation).ok).toBe(true);
    const eleve = datesEffectives(devoir, derogation);
    expect(eleve.echeance.toISOString()).toBe("2026-07-18T01:17:45.843Z");
    expect(finDesRendus(eleve).toISOString()).toBe("2026-07-21T21:30:16.752Z");
  });

  it("tant que l'élève peut encore rendre (avant la fin de son délai), son corrigé reste caché", () => {
    fc.assert(
      fc.property(devoirEtDelaiArb, instantArb, ({ devoir, derogation }, maintenant) => {
        const fin = finDesRendus(datesEffectives(devoir, derogation)).getTime();
        const visible = corrigeVisible({ devoir, derogation, enseignant: false, maintenant });
        if (maintenant.getTime() < fin) expect(visible).toBe(false);
        // Et le statut « corrigé disponible » dit la même chose que corrigeVisible.
        expect(statutRendu({ devoir, derogation, maintenant }) === "corrige-disponible").toBe(visible);
      }),
    );
  });

  it("statutSuivi avec délai : jamais « non-rendu » avant l'échéance de l'élève", () => {
    fc.assert(
      fc.property(devoirEtDelaiArb, instantArb, ({ devoir, derogation }, maintenant) => {
        const e = datesEffectives(devoir, derogation);
        if (maintenant.getTime() <= e.echeance.getTime())
          expect(statutSuivi({ devoir, derogation, maintenant })).not.toBe("non-rendu");
      }),
    );
  });
});
