import { describe, expect, it } from "vitest";
import {
  besoinsAPoser,
  construireBesoin,
  erreurEtape,
  ETAPES,
  etapesAPoser,
  lireParticipants,
} from "./etapes.js";

describe("etapesAPoser", () => {
  it("toutes les étapes sans présélection", () => {
    expect(etapesAPoser({})).toEqual([...ETAPES]);
  });
  it("saute les étapes présélectionnées", () => {
    expect(etapesAPoser({ ent: "ode", niveau: "2D", organisateur: "enseignant" })).toEqual([
      "avec",
      "participants",
      "objet",
      "besoins",
    ]);
  });
  it("garde l'étape des besoins tant qu'un besoin n'est pas fixé", () => {
    expect(etapesAPoser({ elevesIdentifies: true })).toContain("besoins");
    expect(
      etapesAPoser({ elevesIdentifies: true, reservationPossible: false, webConferenceEntEnCours: false }),
    ).not.toContain("besoins");
  });
});

describe("erreurEtape", () => {
  it("exige une réponse aux questions à choix unique", () => {
    expect(erreurEtape("organisateur", {})).toBe("choix-requis");
    expect(erreurEtape("organisateur", { organisateur: "enseignant" })).toBeNull();
    expect(erreurEtape("ent", {})).toBe("choix-requis");
  });
  it("exige au moins un interlocuteur", () => {
    expect(erreurEtape("avec", { avec: [] })).toBe("choix-multiple-requis");
    expect(erreurEtape("avec", { avec: ["familles"] })).toBeNull();
  });
  it("refuse plus de 500 participants, avec son propre code", () => {
    expect(erreurEtape("participants", { participants: "500" })).toBeNull();
    expect(erreurEtape("participants", { participants: "501" })).toBe("participants-trop-nombreux");
    expect(erreurEtape("participants", { participants: "100000" })).toBe("participants-trop-nombreux");
  });
  it("exige un nombre entier de participants ≥ 2", () => {
    expect(erreurEtape("participants", { participants: "1" })).toBe("participants-invalide");
    expect(erreurEtape("participants", { participants: "2,5" })).toBe("participants-invalide");
    expect(erreurEtape("participants", { participants: "" })).toBe("participants-invalide");
    expect(erreurEtape("participants", { participants: "12" })).toBeNull();
  });
  it("les cases à cocher sont facultatives, la réservation est un vrai oui/non à donner", () => {
    expect(erreurEtape("besoins", {})).toBe("choix-requis");
    expect(erreurEtape("besoins", { reservationPossible: false })).toBeNull();
    expect(erreurEtape("besoins", { reservationPossible: true })).toBeNull();
    expect(erreurEtape("besoins", {}, { reservationPossible: true })).toBeNull();
  });
});

describe("besoinsAPoser", () => {
  it("ne demande l'identification des élèves que si des élèves participent", () => {
    expect(besoinsAPoser({}, { avec: ["eleves"] })).toEqual([
      "elevesIdentifies",
      "reservationPossible",
      "webConferenceEntEnCours",
    ]);
    expect(besoinsAPoser({}, { avec: ["personnels-internes", "familles"] })).toEqual([
      "reservationPossible",
      "webConferenceEntEnCours",
    ]);
    expect(besoinsAPoser({ avec: ["eleves"], reservationPossible: true }, {})).toEqual([
      "elevesIdentifies",
      "webConferenceEntEnCours",
    ]);
  });
});

describe("lireParticipants", () => {
  it("entier sûr ≥ 2 seulement", () => {
    expect(lireParticipants("10")).toBe(10);
    expect(lireParticipants("99999999999999999999")).toBeUndefined();
    expect(lireParticipants(undefined)).toBeUndefined();
  });
});

describe("construireBesoin", () => {
  it("combine présélection et réponses ; les cases non cochées valent faux", () => {
    expect(
      construireBesoin(
        { ent: "ode", niveau: "2D" },
        {
          organisateur: "enseignant",
          avec: ["eleves"],
          participants: "25",
          objet: "cours",
          elevesIdentifies: true,
          reservationPossible: false,
        },
      ),
    ).toEqual({
      organisateur: "enseignant",
      avec: ["eleves"],
      participants: 25,
      objet: "cours",
      niveau: "2D",
      ent: "ode",
      elevesIdentifies: true,
      reservationPossible: false,
      webConferenceEntEnCours: false,
    });
  });
  it("la présélection l'emporte sur une réponse", () => {
    const besoin = construireBesoin(
      { participants: 12, reservationPossible: true },
      {
        organisateur: "enseignant",
        avec: ["familles"],
        participants: "3",
        objet: "reunion",
        niveau: "1D",
        ent: "aucun",
        reservationPossible: false,
      },
    );
    expect(besoin?.participants).toBe(12);
    expect(besoin?.reservationPossible).toBe(true);
  });
  it("ne prend jamais la réservation pour un « non » par défaut", () => {
    const reponses = {
      organisateur: "personnel-administratif" as const,
      avec: ["personnels-internes" as const],
      participants: "6",
      objet: "reunion" as const,
      niveau: "2D" as const,
      ent: "aucun" as const,
    };
    expect(construireBesoin({}, reponses)).toBeUndefined();
    expect(construireBesoin({}, { ...reponses, reservationPossible: true })?.reservationPossible).toBe(true);
  });
  it("sans élève, l'identification des élèves vaut faux (la question ne se pose pas)", () => {
    const besoin = construireBesoin(
      { elevesIdentifies: true, reservationPossible: true },
      {
        organisateur: "personnel-administratif",
        avec: ["personnels-internes"],
        participants: "6",
        objet: "reunion",
        niveau: "2D",
        ent: "aucun",
      },
    );
    expect(besoin?.elevesIdentifies).toBe(false);
  });
  it("undefined tant qu'une réponse manque ou est invalide", () => {
    expect(construireBesoin({}, { organisateur: "enseignant" })).toBeUndefined();
    expect(
      construireBesoin(
        {},
        {
          organisateur: "enseignant",
          avec: ["eleves"],
          participants: "1",
          objet: "cours",
          niveau: "1D",
          ent: "ode",
        },
      ),
    ).toBeUndefined();
  });
});
