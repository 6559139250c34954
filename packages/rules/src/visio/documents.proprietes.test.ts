// The documents' constraints, restated by hand from the two ministry documents (never read from the
// catalogue's code), checked over the whole input domain: every organiser, audience, purpose, level, ENT
// and yes/no answer, and participant counts from 2 to the bound (limits included).
import { catalogue } from "@trousse/catalogue";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { besoinArbitraire } from "./arbitraires.test-utils.js";
import { recommanderVisio } from "./recommander.js";
import type { BesoinVisio, ResultatVisio } from "./types.js";

type Section = "pilotage" | "enseignement";

/** What the documents say of each tool, written from the documents themselves. */
const DOCUMENTS: Record<
  string,
  {
    sections: Section[];
    /** « Réunions jusqu'à 10 personnes », « …pour 50 participants… ». */
    max?: number;
    /** « Soumis à réservation ». */
    reservation?: true;
    /** « A ce jour, une seule session simultanée… par école ou collège ». */
    sessionUnique?: true;
    /** « pour organiser des audioconférences ». */
    audioSeulement?: true;
    /** Levels for which an access with identified pupils is written. */
    identification?: ("1D" | "2D")[];
    /** « Les personnels de direction… peuvent s'appuyer sur Via et sur Scaleway pour la tenue des conseils de classe ». */
    conseilsDeClasse?: true;
    /** « réservée prioritairement pour un usage interne entre personnels ». */
    interne?: true;
    /** « Web-Conférence ODE », « ENT 1D/2D ». */
    entOde?: true;
    /** The address a document gives. */
    url?: string;
  }
> = {
  "classe-virtuelle-via": {
    sections: ["pilotage"],
    conseilsDeClasse: true,
    interne: true,
    url: "https://cvirtuelle.phm.education.gouv.fr/",
  },
  jitsi: { sections: ["pilotage"] },
  "web-conference-ode": {
    sections: ["pilotage", "enseignement"],
    max: 50,
    sessionUnique: true,
    identification: ["1D", "2D"],
    entOde: true,
  },
  renavisio: { sections: ["pilotage"], max: 10, reservation: true, url: "https://renavisio.renater.fr/" },
  "scaleway-education": {
    sections: ["pilotage"],
    conseilsDeClasse: true,
    url: "https://educnat-ensemble.scaleway.com/",
  },
  "big-blue-button-apps-education": { sections: ["pilotage", "enseignement"] },
  "classe-virtuelle-cned": { sections: ["enseignement"], identification: ["2D"] },
  ovhcloud: {
    sections: ["pilotage"],
    audioSeulement: true,
    url: "https://www.ovh.com/cgi-bin/telephony/webconf.pl",
  },
};

const DOCUMENTS_SOURCES = ["000_f6abf3186c543793.txt", "001_bc1e88d46a71f26c.txt"];
const RUNS = 2_000;

const avecEleves = (b: BesoinVisio) => b.avec.includes("eleves");
const avecElevesOuFamilles = (b: BesoinVisio) => avecEleves(b) || b.avec.includes("familles");

const SOURCES_CATALOGUE = new Set(catalogue.sources.map((s) => s.id));

/** Fails with the tool and the broken constraint (plain checks: `expect` is too slow for 2 000 needs). */
function exiger(condition: unknown, message: string): void {
  if (!condition) throw new Error(message);
}

/** Checks one need against every constraint of the documents. */
function verifier(b: BesoinVisio, r: ResultatVisio): void {
  for (const rec of r.recommandations) {
    const id = rec.outilId;
    const d = DOCUMENTS[id];
    // Only the tools the documents name are ever recommended (no international company).
    exiger(d, `${id} : outil non nommé par les documents`);
    if (!d) continue;
    exiger(d.max === undefined || b.participants <= d.max, `${id} : plus de ${d.max} participants`);
    exiger(!d.reservation || b.reservationPossible, `${id} : « Soumis à réservation »`);
    exiger(!d.sessionUnique || !b.webConferenceEntEnCours, `${id} : une seule session simultanée`);
    exiger(!d.audioSeulement || b.objet === "audioconference", `${id} : audioconférences seulement`);
    exiger(!d.entOde || b.ent === "ode", `${id} : ENT ODE`);
    exiger(!d.interne || !b.avec.includes("partenaires-externes"), `${id} : usage interne entre personnels`);
    // Identification by level, asked only about pupils.
    exiger(
      !(b.elevesIdentifies && avecEleves(b)) || (d.identification ?? []).includes(b.niveau),
      `${id} : élèves identifiés en ${b.niveau}`,
    );
    // Audience by section: pupils or families → teaching tools, or a conseil de classe held by the
    // « personnels de direction » on Via or Scaleway.
    const conseil =
      d.conseilsDeClasse && b.objet === "conseil-de-classe" && b.organisateur === "personnel-direction";
    exiger(
      !avecElevesOuFamilles(b) || d.sections.includes("enseignement") || conseil,
      `${id} : présenté pour le pilotage, pas pour les élèves ou les familles`,
    );
    // A tool presented only for teaching is not for an audience without pupils.
    exiger(
      avecEleves(b) || d.sections.includes("pilotage"),
      `${id} : présenté pour l'enseignement seulement`,
    );
    // At least one reason, each sourced in one of the two documents.
    exiger(rec.raisons.length > 0, `${id} : aucune raison`);
    for (const raison of rec.raisons)
      exiger(
        DOCUMENTS_SOURCES.includes(raison.source.document) && SOURCES_CATALOGUE.has(raison.source.id),
        `${id} : raison sans source (${raison.code})`,
      );
    // Never a dead end: a next step, and the documents' own address when they give one.
    exiger(rec.prochaineEtape.texte.length > 20, `${id} : pas de prochaine étape`);
    exiger(rec.prochaineEtape.url === d.url, `${id} : adresse ${rec.prochaineEtape.url} au lieu de ${d.url}`);
    exiger(
      !d.url || rec.prochaineEtape.texte.includes(d.url),
      `${id} : adresse absente de la prochaine étape`,
    );
  }
  for (const e of r.exclusions) {
    exiger(!/document 00\d|objet «/.test(e.raison), `${e.outilId} : mot interne dans « ${e.raison} »`);
    exiger(
      !e.deduction || !/[«»]/.test(e.deduction),
      `${e.outilId} : déduction présentée comme une citation`,
    );
  }
}

describe("recommanderVisio : les contraintes des documents sur tout le domaine", () => {
  it(`respecte chaque contrainte écrite des documents (${RUNS} besoins)`, () => {
    fc.assert(
      fc.property(besoinArbitraire, (b) => verifier(b, recommanderVisio(b))),
      { numRuns: RUNS },
    );
  });

  it("l'identification des élèves ne change rien quand aucun élève ne participe", () => {
    const sansEleves = besoinArbitraire.map((b) => ({
      ...b,
      avec: b.avec.filter((a) => a !== "eleves").length
        ? b.avec.filter((a) => a !== "eleves")
        : ["familles" as const],
    }));
    fc.assert(
      fc.property(sansEleves, (b) => {
        const oui = recommanderVisio({ ...b, elevesIdentifies: true });
        const non = recommanderVisio({ ...b, elevesIdentifies: false });
        expect(oui.recommandations).toEqual(non.recommandations);
        expect(oui.exclusions).toEqual(non.exclusions);
      }),
      { numRuns: 500 },
    );
  });

  it("sans élève, la Classe virtuelle du CNED est écartée en citant « Outils au service de l'enseignement »", () => {
    fc.assert(
      fc.property(
        besoinArbitraire.filter((b) => !avecEleves(b)),
        (b) => {
          const e = recommanderVisio(b).exclusions.find((x) => x.outilId === "classe-virtuelle-cned");
          expect(e).toBeDefined();
          if (e?.regle === "public-non-couvert") {
            expect(e.raison).toContain("« Outils au service de l'enseignement »");
            expect(e.source?.section).toMatch(/^Outils au service de l'enseignement/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("conseil de classe avec élèves ou familles : Via et Scaleway seulement pour les personnels de direction", () => {
    const conseils = besoinArbitraire.map((b) => ({
      ...b,
      objet: "conseil-de-classe" as const,
      avec: avecElevesOuFamilles(b) ? b.avec : [...b.avec, "familles" as const],
    }));
    fc.assert(
      fc.property(conseils, (b) => {
        const ids = recommanderVisio(b).recommandations.map((r) => r.outilId);
        if (b.organisateur !== "personnel-direction") {
          expect(ids).not.toContain("scaleway-education");
          expect(ids).not.toContain("classe-virtuelle-via");
        }
      }),
      { numRuns: 500 },
    );
  });
});
