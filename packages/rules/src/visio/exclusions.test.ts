import { catalogue, getOutil } from "@trousse/catalogue";
import { describe, expect, it } from "vitest";
import { ORDRE_REGLES_EXCLUSION, exclusion } from "./exclusions.js";
import { coursIdentifie2D, reunionInterne } from "./fixtures.test-utils.js";
import { LIBELLES_REGLES_EXCLUSION } from "./libelles.js";
import { CODES_REGLE_EXCLUSION } from "./types.js";

const outil = (id: string) => getOutil(id)!;

describe("exclusion", () => {
  it("examine les règles dans l'ordre documenté", () => {
    expect(ORDRE_REGLES_EXCLUSION).toEqual([
      "entreprise-internationale",
      "ent-requis",
      "audio-seulement",
      "participants-max-depasse",
      "reservation-requise",
      "session-simultanee-occupee",
      "eleves-non-identifies",
      "niveau-non-couvert",
      "usage-interne-personnels",
      "public-non-couvert",
    ]);
    for (const code of ORDRE_REGLES_EXCLUSION) expect(CODES_REGLE_EXCLUSION).toContain(code);
  });

  it("retient la première règle qui s'applique", () => {
    const b = { ...reunionInterne, participants: 12, reservationPossible: false };
    expect(exclusion(outil("renavisio"), b, catalogue)?.regle).toBe("participants-max-depasse");
    const c = { ...coursIdentifie2D, ent: "sn62" as const, participants: 80, webConferenceEntEnCours: true };
    expect(exclusion(outil("web-conference-ode"), c, catalogue)?.regle).toBe("ent-requis");
  });

  it("ne rend rien pour un outil qui convient", () => {
    expect(exclusion(outil("big-blue-button-apps-education"), reunionInterne, catalogue)).toBeUndefined();
  });

  it("explique l'ENT requis et l'identification réservée au 2D en citant le document", () => {
    expect(exclusion(outil("web-conference-ode"), { ...coursIdentifie2D, ent: "sn62" }, catalogue)).toEqual({
      outilId: "web-conference-ode",
      nom: "Web-Conférence ODE",
      regle: "ent-requis",
      raison:
        "Cet outil demande l'ENT ODE (« Web-Conférence ODE ») ; l'école ou l'établissement utilise l'ENT SN62.",
      source: {
        id: "000-pilotage-visio",
        document: "000_f6abf3186c543793.txt",
        section:
          "Outils au service du pilotage, de l'accompagnement et de la formation des équipes › Outils de visioconférence",
        extrait: "Web-Conférence ODE",
      },
    });
    const cned = exclusion(outil("classe-virtuelle-cned"), { ...coursIdentifie2D, niveau: "1D" }, catalogue)!;
    expect(cned.raison).toBe(
      "L'identification des élèves n'est prévue que pour le 2D : « Une possibilité désormais de sécuriser les accès avec identification des élèves (pour le 2D) » ; le besoin concerne le 1D.",
    );
  });

  it("a un libellé français pour chaque code de règle", () => {
    for (const code of CODES_REGLE_EXCLUSION)
      expect(LIBELLES_REGLES_EXCLUSION[code].length).toBeGreaterThan(3);
  });
});
