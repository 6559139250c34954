import { CRITERES, NON_RENSEIGNE, getOutil, outils, type Outil } from "@trousse/catalogue";
import { describe, expect, it } from "vitest";
import { evaluerDoctrine } from "./evaluer-doctrine.js";

describe("evaluerDoctrine", () => {
  it("évalue les six critères DINUM dans l'ordre du document 001", () => {
    const e = evaluerDoctrine(getOutil("classe-virtuelle-via")!);
    expect(e.criteres.map((c) => c.critere)).toEqual([...CRITERES]);
    expect(e.criteres.find((c) => c.critere === "rgpd")).toMatchObject({
      statut: "non-renseigne",
      libelle: "Protection des données personnelles et conformité stricte au RGPD",
      source: { id: "000-pilotage-visio", document: "000_f6abf3186c543793.txt" },
    });
    expect(e.criteres.find((c) => c.critere === "rgpd")!.justification).toContain(
      "« Réalisées par l'administration »",
    );
    // « Réalisées par l'administration » says who did the GDPR steps, not that the tool complies.
    expect(e.resume).toEqual({ conforme: 0, nonConforme: 0, nonRenseigne: 6 });
    expect(e.conformeSurToutCritereRenseigne).toBe(false);
    expect(e.doctrine.source.id).toBe("001-vigilance");
    expect(e.doctrine.vigilance.map((v) => v.texte)).toEqual([
      "Des cyber-attaques contre nos systèmes informatiques ont été signalées. La plupart avaient pour objectif de récupérer des données.",
      "Il est donc important d'accorder une vigilance particulière aux solutions proposées par les éditeurs.",
    ]);
    expect(e.doctrine.vigilance[0]!.source.section).toBe(
      "Renforcer la vigilance dans l'utilisation des outils numériques",
    );
    expect(e.doctrine.phrase).toMatch(
      /^Chaque mise en œuvre d'un outil doit respecter les règles données par la DINUM/,
    );
  });

  it("cite les deux démarches RGPD de Web-Conférence ODE (administration et établissement)", () => {
    const rgpd = evaluerDoctrine(getOutil("web-conference-ode")!).criteres.find((c) => c.critere === "rgpd")!;
    expect(rgpd.justification).toContain("« Réalisées par l'administration »");
    expect(rgpd.justification).toContain("« Réalisées par l'établissement »");
    expect(rgpd.sources.map((s) => s.id)).toEqual(["000-pilotage-visio", "000-enseignement-visio"]);
  });

  it("ne déclare pas conforme un outil dont aucun critère n'est renseigné", () => {
    for (const id of ["zoom", "ovhcloud", "pronote"]) {
      const e = evaluerDoctrine(getOutil(id)!);
      expect(e.resume).toEqual({ conforme: 0, nonConforme: 0, nonRenseigne: 6 });
      expect(e.conformeSurToutCritereRenseigne).toBe(false);
      for (const c of e.criteres) {
        expect(c.justification).toBe(NON_RENSEIGNE);
        expect(c.source).toBeUndefined();
      }
    }
  });

  it("garde la justification nuancée de Jitsi sur l'hébergement", () => {
    const c = evaluerDoctrine(getOutil("jitsi")!).criteres.find(
      (x) => x.critere === "droit-francais-europeen",
    )!;
    expect(c.statut).toBe("non-renseigne");
    expect(c.justification).toContain("« hébergé sur le site de l'académie »");
    expect(c.source?.id).toBe("000-pilotage-visio");
  });

  it("déclare conforme seulement ce qu'une donnée dit conforme, et lève le drapeau pour un non-conforme", () => {
    const o = JSON.parse(JSON.stringify(getOutil("tribu")!)) as Outil;
    o.doctrine.reversibilite = { statut: "conforme", justification: "Exemple de test.", sources: [] };
    expect(evaluerDoctrine(o).conformeSurToutCritereRenseigne).toBe(true);
  });

  it("compte un critère non conforme et lève le drapeau de conformité", () => {
    const o = JSON.parse(JSON.stringify(getOutil("tribu")!)) as Outil;
    o.doctrine.accessibilite = {
      statut: "non-conforme",
      justification: "Exemple de test.",
      sources: ["000-pilotage-communication"],
    };
    const e = evaluerDoctrine(o);
    expect(e.resume).toEqual({ conforme: 0, nonConforme: 1, nonRenseigne: 5 });
    expect(e.conformeSurToutCritereRenseigne).toBe(false);
  });

  it("traite un outil incomplet ou mal formé comme non renseigné, sans lever d'exception", () => {
    const incomplet = {
      ...getOutil("tribu")!,
      doctrine: { rgpd: { statut: "peut-etre" } },
    } as unknown as Outil;
    const e = evaluerDoctrine(incomplet);
    expect(e.resume.nonRenseigne).toBe(6);
    const sansDoctrine = { ...getOutil("tribu")!, doctrine: undefined } as unknown as Outil;
    expect(evaluerDoctrine(sansDoctrine).resume.nonRenseigne).toBe(6);
  });

  it("somme toujours à six critères pour chaque outil du catalogue", () => {
    for (const o of outils) {
      const { resume } = evaluerDoctrine(o);
      expect(resume.conforme + resume.nonConforme + resume.nonRenseigne, o.id).toBe(6);
    }
  });
});
