import { libelleDelaiAccorde } from "@trousse/rules";
import { describe, expect, it } from "vitest";
import { phraseDelai } from "./delai.js";

const devoir = {
  ouverture: "2026-03-23T07:00:00.000Z",
  echeance: "2026-03-31T21:59:00.000Z",
  dateLimite: "2026-04-02T21:59:00.000Z",
};

describe("phraseDelai : la phrase des règles, dans la langue du widget", () => {
  it("échéance prolongée : la même phrase que les règles (celle du serveur), en français et en anglais", () => {
    const accorde = { echeance: "2026-04-07T21:59:00.000Z", dateLimite: null };
    const regle = libelleDelaiAccorde(devoir, accorde)!;
    const vu = { ...accorde, libelle: regle.fr };
    expect(phraseDelai(devoir, vu, "fr")).toBe(regle.fr);
    expect(phraseDelai(devoir, vu, "fr")).toBe(
      "Délai accordé jusqu'au mardi 7 avril 2026 à 23\u00a0h\u00a059.",
    );
    expect(phraseDelai(devoir, vu, "en")).toBe(regle.en);
    // A list line has no opening date: the same sentence.
    const { ouverture: _o, ...ligne } = devoir;
    expect(phraseDelai(ligne, vu, "en")).toBe(regle.en);
  });

  it("seulement la date limite : « rendu en retard accepté jusqu'au … »", () => {
    const vu = { echeance: devoir.echeance, dateLimite: "2026-04-05T21:59:00.000Z", libelle: "x" };
    expect(phraseDelai(devoir, vu, "fr")).toMatch(
      /^Délai accordé : rendu en retard accepté jusqu'au dimanche 5 avril 2026/,
    );
  });

  it("sans délai : rien ; sans les dates du devoir : la phrase du serveur", () => {
    expect(phraseDelai(devoir, null, "fr")).toBeNull();
    expect(
      phraseDelai(
        undefined,
        { echeance: devoir.echeance, dateLimite: null, libelle: "Délai accordé jusqu'au …" },
        "en",
      ),
    ).toBe("Délai accordé jusqu'au …");
  });
});
