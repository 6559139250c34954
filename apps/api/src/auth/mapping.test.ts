import { describe, expect, it } from "vitest";
import type { ErreurAuth } from "./erreurs.js";
import { identiteDepuisClaims, roleDepuisType } from "./mapping.js";

describe("roleDepuisType", () => {
  it("associe les quatre types ODE aux rôles Trousse", () => {
    expect(roleDepuisType("ELEVE")).toBe("eleve");
    expect(roleDepuisType("ENSEIGNANT")).toBe("enseignant");
    expect(roleDepuisType("PERSRELELEVE")).toBe("parent");
    expect(roleDepuisType("PERSEDUCNAT")).toBe("personnel");
  });
  it("accepte les noms de profil entcore et un tableau (attribut CAS)", () => {
    expect(roleDepuisType("Teacher")).toBe("enseignant");
    expect(roleDepuisType(["Relative"])).toBe("parent");
  });
  it("ne donne aucun rôle aux autres profils", () => {
    expect(roleDepuisType("SUPERADMIN")).toBeUndefined();
    expect(roleDepuisType("Guest")).toBeUndefined();
    expect(roleDepuisType(undefined)).toBeUndefined();
  });
});

describe("identiteDepuisClaims", () => {
  it("lit le userinfo ODE d'une application cliente (classId, schoolName, uai en tableau)", () => {
    expect(
      identiteDepuisClaims("ode", "sub-1", {
        type: "ELEVE",
        username: "Léa Martin",
        login: "lea.martin",
        classId: "3A",
        schoolName: "Collège Jean Moulin",
        uai: ["0751234a"],
      }),
    ).toEqual({
      entId: "ode",
      uid: "sub-1",
      login: "lea.martin",
      nomAffiche: "Léa Martin",
      role: "eleve",
      classes: ["3A"],
      groupes: [],
      etablissement: { nom: "Collège Jean Moulin", uai: "0751234A" },
    });
  });

  it("préfère classNames (noms) à classes (identifiants entcore) et retire le préfixe « structure$ »", () => {
    const id = identiteDepuisClaims("ode", "s", {
      type: "ENSEIGNANT",
      name: "Marie Durand",
      classNames: ["0751234A$4B", "3A", "3A"],
      classes: ["c9a1-uuid"],
      structureNames: ["Lycée Victor Hugo", "Autre"],
    });
    expect(id.classes).toEqual(["4B", "3A"]);
    expect(id.etablissement).toEqual({ nom: "Lycée Victor Hugo" });
  });

  it("se rabat sur classes quand l'ENT n'envoie que ce champ", () => {
    expect(identiteDepuisClaims("x", "s", { type: "ELEVE", name: "A", classes: ["6A"] }).classes).toEqual([
      "6A",
    ]);
  });

  it("compose le nom à partir de firstName/lastName ou given_name/family_name", () => {
    expect(
      identiteDepuisClaims("x", "s", { type: "ELEVE", firstName: "Léa", lastName: "Martin" }).nomAffiche,
    ).toBe("Léa Martin");
    expect(
      identiteDepuisClaims("x", "s", { type: "ELEVE", given_name: "Jo", family_name: "B" }).nomAffiche,
    ).toBe("Jo B");
  });

  it("relie les enfants d'un parent par childrenIds, sinon par les clés de children", () => {
    expect(
      identiteDepuisClaims("x", "p", { type: "PERSRELELEVE", name: "P", childrenIds: ["e1", "e2"] })
        .enfantsUids,
    ).toEqual(["e1", "e2"]);
    expect(
      identiteDepuisClaims("x", "p", {
        type: "PERSRELELEVE",
        name: "P",
        children: { e3: { firstName: "A" } },
      }).enfantsUids,
    ).toEqual(["e3"]);
  });

  it("n'attribue pas d'enfants à un autre rôle qu'un parent", () => {
    expect(
      identiteDepuisClaims("x", "p", { type: "ENSEIGNANT", name: "P", childrenIds: ["e1"] }).enfantsUids,
    ).toBeUndefined();
  });

  it("nomme l'établissement par son UAI quand l'ENT ne donne que lui", () => {
    expect(
      identiteDepuisClaims("x", "s", { type: "PERSEDUCNAT", name: "N", uai: "0692345B" }).etablissement,
    ).toEqual({
      nom: "Établissement 0692345B",
      uai: "0692345B",
    });
  });

  it("refuse un profil non pris en charge et une identité sans nom, avec un code stable", () => {
    expect(() => identiteDepuisClaims("x", "s", { type: "SUPERADMIN", name: "A" })).toThrow(
      expect.objectContaining({ code: "profil-non-pris-en-charge", status: 403 }) as ErreurAuth,
    );
    expect(() => identiteDepuisClaims("x", "s", { type: "ELEVE" })).toThrow(
      expect.objectContaining({ code: "identite-invalide" }) as ErreurAuth,
    );
    expect(() => identiteDepuisClaims("x", " ", { type: "ELEVE", name: "A" })).toThrow(
      expect.objectContaining({ code: "identite-invalide" }) as ErreurAuth,
    );
  });
});
