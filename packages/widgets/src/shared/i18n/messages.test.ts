import { describe, expect, it } from "vitest";
import { langueDepuis } from "./langue.js";
import { chargerMessages, messages } from "./messages.js";

describe("langueDepuis", () => {
  it("anglais pour en et ses variantes, français sinon", () => {
    expect(langueDepuis("en")).toBe("en");
    expect(langueDepuis("EN-gb")).toBe("en");
    expect(langueDepuis("fr")).toBe("fr");
    expect(langueDepuis("eng")).toBe("fr");
    expect(langueDepuis("")).toBe("fr");
    expect(langueDepuis(null)).toBe("fr");
  });
});

describe("messages", () => {
  it("français par défaut, avec accords au pluriel", () => {
    const m = messages().choisirVisio;
    expect(m.titre).toBe("Choisir un outil de visioconférence");
    expect(m.resume(1, 0)).toBe("1 outil recommandé, 0 outil écarté.");
    expect(m.resume(3, 5)).toBe("3 outils recommandés, 5 outils écartés.");
    expect(messages("fr").commun.etape(2, 7)).toBe("Étape 2 sur 7");
  });

  it("l'anglais n'est chargé qu'à la demande ; le français sert en attendant", async () => {
    expect(messages("en").commun.suivant).toBe("Suivant");
    const charge = await chargerMessages("en");
    expect(charge.commun.suivant).toBe("Next");
    expect(messages("en")).toBe(charge);
    expect(await chargerMessages("fr")).toBe(messages("fr"));
  });

  it("anglais complet : chaque texte existe et diffère du français pour les questions", async () => {
    const fr = messages("fr").choisirVisio;
    const en = (await chargerMessages("en")).choisirVisio;
    expect(en.resume(1, 2)).toBe("1 tool recommended, 2 tools ruled out.");
    for (const cle of Object.keys(fr.questions) as (keyof typeof fr.questions)[]) {
      expect(en.questions[cle]).toBeTruthy();
      expect(en.questions[cle]).not.toBe(fr.questions[cle]);
    }
    expect(Object.keys(en.organisateurs)).toEqual(Object.keys(fr.organisateurs));
    expect(Object.keys(en.interlocuteurs)).toEqual(Object.keys(fr.interlocuteurs));
    expect(Object.keys(en.objets)).toEqual(Object.keys(fr.objets));
  });
});
