import { describe, expect, it } from "vitest";
import { getOutil, outils } from "./catalogue.js";
import { ENTS_FILTRE, filtrerOutils, utilisableAvecEnt } from "./filtrer.js";

const ids = (f: Parameters<typeof filtrerOutils>[1]) => filtrerOutils(outils, f).map((o) => o.id);

describe("filtrerOutils", () => {
  it("sans filtre, rend tous les outils dans l'ordre", () => {
    expect(ids({})).toEqual(outils.map((o) => o.id));
    expect(filtrerOutils(outils)).not.toBe(outils);
  });

  it("filtre par catégorie", () => {
    expect(ids({ categorie: "audioconference" })).toEqual(["renavisio", "ovhcloud"]);
    expect(ids({ categorie: "vie-scolaire" })).toEqual(["pronote"]);
  });

  it("filtre par public et par niveau", () => {
    expect(ids({ public: "enseignement", categorie: "visioconference" })).toEqual([
      "web-conference-ode",
      "big-blue-button-apps-education",
      "classe-virtuelle-cned",
    ]);
    expect(ids({ niveau: "1D" })).not.toContain("formulaire-sn62");
    expect(ids({ niveau: "2D" })).not.toContain("carnet-de-liaison");
  });

  it("filtre par ENT de l'école", () => {
    expect(ids({ ent: "sn62" })).toContain("formulaire-sn62");
    expect(ids({ ent: "sn62" })).not.toContain("casier-ode");
    expect(ids({ ent: "ode" })).toContain("casier-ode");
    expect(ids({ ent: "autre" })).toContain("messagerie");
    expect(ids({ ent: "autre" })).not.toContain("pages-rubriques-portail");
    const sansEnt = ids({ ent: "aucun" });
    expect(sansEnt).toContain("renavisio");
    expect(sansEnt).not.toContain("messagerie");
    expect(sansEnt).not.toContain("web-conference-ode");
  });

  it("recherche sans tenir compte des accents ni de la casse", () => {
    expect(ids({ q: "WEB-CONFERENCE" })).toEqual(["web-conference-ode"]);
    expect(ids({ q: "chahut" })).toEqual(["web-conference-ode"]);
    expect(ids({ q: "réservation" })).toEqual(["renavisio"]);
    expect(ids({ q: "reservation" })).toEqual(["renavisio"]);
    expect(ids({ q: "  Scaleway  " })).toEqual(["scaleway-education"]);
    expect(ids({ q: "date butoir" })).toEqual(["exercices-multimedia"]);
    expect(ids({ q: "introuvable-xyz" })).toEqual([]);
  });

  it("combine les critères (ET)", () => {
    expect(ids({ categorie: "visioconference", ent: "aucun", q: "national" })).toEqual([
      "classe-virtuelle-via",
      "big-blue-button-apps-education",
      "classe-virtuelle-cned",
    ]);
  });
});

describe("utilisableAvecEnt", () => {
  it.each([
    ["web-conference-ode", "ode", true],
    ["web-conference-ode", "sn62", false],
    ["web-conference-ode", "autre", false],
    ["pages-rubriques-portail", "sn62", true],
    ["messagerie", "autre", true],
    ["messagerie", "aucun", false],
    ["renavisio", "aucun", true],
  ] as const)("%s avec l'ENT %s : %s", (id, ent, attendu) => {
    expect(utilisableAvecEnt(getOutil(id)!, ent)).toBe(attendu);
  });
});

describe("ENTS_FILTRE", () => {
  it("liste les valeurs acceptées par le filtre ent", () => {
    expect(ENTS_FILTRE).toEqual(["ode", "sn62", "autre", "aucun"]);
  });
});
