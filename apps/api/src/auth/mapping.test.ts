import { describe, expect, it } from "vitest";
import type { ErreurAuth } from "./erreurs.js";
import { CORRESPONDANCE_ENTCORE, CORRESPONDANCE_SDET, resoudreCorrespondance } from "./correspondances.js";
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
      structures: ["s-vh", "s-autre"],
    });
    expect(id.classes).toEqual(["4B", "3A"]);
    expect(id.etablissement).toEqual({ nom: "Lycée Victor Hugo", structureId: "s-vh" });
  });

  it("se rabat sur classes quand l'ENT n'envoie que ce champ", () => {
    expect(
      identiteDepuisClaims("x", "s", { type: "ELEVE", name: "A", classes: ["6A"], uai: "0750001A" }).classes,
    ).toEqual(["6A"]);
  });

  it("compose le nom à partir de firstName/lastName ou given_name/family_name", () => {
    expect(
      identiteDepuisClaims("x", "s", { type: "ELEVE", firstName: "Léa", lastName: "Martin", uai: "0750001A" })
        .nomAffiche,
    ).toBe("Léa Martin");
    expect(
      identiteDepuisClaims("x", "s", { type: "ELEVE", given_name: "Jo", family_name: "B", uai: "0750001A" })
        .nomAffiche,
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
      identiteDepuisClaims("x", "p", { type: "ENSEIGNANT", name: "P", childrenIds: ["e1"], uai: "0750001A" })
        .enfantsUids,
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

  it("refuse un élève ou un enseignant sans UAI ni structure, même avec un nom d'établissement (identite-sans-etablissement)", () => {
    for (const claims of [
      { type: "ELEVE", name: "A", classId: "3A", schoolName: "Collège Jean Moulin" },
      { type: "ENSEIGNANT", name: "B" },
      { type: "PERSEDUCNAT", name: "C", classNames: ["3A"] },
    ]) {
      let erreur: ErreurAuth | undefined;
      try {
        identiteDepuisClaims("ent-x", "s", claims);
      } catch (e) {
        erreur = e as ErreurAuth;
      }
      expect(erreur, claims.type).toMatchObject({ code: "identite-sans-etablissement", status: 502 });
      // The operator learns which attributes are missing, with which correspondence of which ENT.
      expect(erreur?.message).toContain("« uai » (UAI) ou « structures » (structure)");
      expect(erreur?.message).toContain("correspondance « entcore » de l'ENT « ent-x »");
    }
    expect(() =>
      identiteDepuisClaims("x", "s", { ENTPersonProfils: "National_ELV", cn: "A" }, CORRESPONDANCE_SDET),
    ).toThrow(
      /« ENTPersonStructRattachRNE », « ENTPersonStructRattachUAI » \(UAI\) ou « ENTPersonStructRattach »/,
    );
    // A parent or staff member without classes may come without a school.
    expect(identiteDepuisClaims("x", "p", { type: "PERSRELELEVE", name: "P" }).etablissement).toBeUndefined();
  });
});

describe("correspondances : entcore, SDET, explicite", () => {
  it("lit les attributs SDET d'un élève, d'un enseignant et d'un parent (CAS)", () => {
    const sdet = CORRESPONDANCE_SDET;
    expect(
      identiteDepuisClaims(
        "e",
        "u1",
        {
          ENTPersonProfils: ["National_ELV"],
          ENTPersonNom: ["Martin"],
          ENTPersonPrenom: ["Léa"],
          ENTPersonLogin: ["lea.martin"],
          ENTPersonStructRattach: ["ENTStructureSIREN=19620001000013,ou=structures,dc=ent,dc=fr"],
          ENTPersonStructRattachRNE: ['["0620001a"]'],
          ENTPersonStructRattachName: ["Collège Jean Moulin"],
          ENTEleveClasses: ["ENTStructureSIREN=19620001000013,ou=structures,dc=ent,dc=fr$3A"],
          ENTEleveGroupes: ["x$Latin"],
        },
        sdet,
      ),
    ).toEqual({
      entId: "e",
      uid: "u1",
      login: "lea.martin",
      nomAffiche: "Léa Martin",
      role: "eleve",
      classes: ["3A"],
      groupes: ["Latin"],
      etablissement: {
        nom: "Collège Jean Moulin",
        uai: "0620001A",
        structureId: "ENTStructureSIREN=19620001000013,ou=structures,dc=ent,dc=fr",
      },
    });
    // A teacher: empty pupil attributes (as entcore's KNE service sends them), classes in ENTAuxEnsClasses.
    const prof = identiteDepuisClaims(
      "e",
      "u2",
      {
        ENTPersonProfils: ["National_ENS"],
        ENTPersonNom: ["Durand"],
        ENTPersonPrenom: ["Marie"],
        ENTPersonStructRattach: ["1234"],
        ENTEleveClasses: [""],
        ENTAuxEnsClasses: ["1234$3A", "1234$4B"],
      },
      sdet,
    );
    expect(prof).toMatchObject({ role: "enseignant", classes: ["3A", "4B"], nomAffiche: "Marie Durand" });
    expect(prof.etablissement).toEqual({ nom: "Établissement 1234", structureId: "1234" });
    const parent = identiteDepuisClaims(
      "e",
      "u3",
      {
        ENTPersonProfils: ["National_TUT"],
        ENTPersonNom: ["Martin"],
        ENTPersonPrenom: ["Sophie"],
        ENTAuxPersRelEleveEleve: ["uid=u1,ou=people,dc=ent,dc=fr"],
      },
      sdet,
    );
    expect(parent).toMatchObject({ role: "parent", enfantsUids: ["u1"] });
    // ENTPersonNomAffichage (the SDET display name, cas:displayName in Edifice's data dictionary) first.
    const affiche = identiteDepuisClaims(
      "e",
      "u4",
      {
        ENTPersonProfils: ["National_ELV"],
        ENTPersonNomAffichage: ["DUPONT Léa"],
        ENTPersonNom: ["Dupont"],
        ENTPersonPrenom: ["Léa"],
        ENTPersonStructRattachRNE: ["0750001A"],
      },
      sdet,
    );
    expect(affiche.nomAffiche).toBe("DUPONT Léa");
    expect(roleDepuisType(["Autre", "national_2"], sdet)).toBe("parent");
    expect(roleDepuisType("National_ELV")).toBeUndefined();
  });

  it("une correspondance explicite remplace les champs de sa base et ajoute des valeurs de profil", () => {
    const c = resoudreCorrespondance({
      base: "sdet",
      classes: ["maClasse"],
      valeursProfil: { apprenant: "eleve" },
    });
    expect(c.nom).toBe("explicite");
    expect(c.uai).toEqual(CORRESPONDANCE_SDET.uai);
    expect(
      identiteDepuisClaims(
        "e",
        "u",
        { ENTPersonProfils: "APPRENANT", cn: "A", maClasse: "5C", ENTPersonStructRattach: "s" },
        c,
      ),
    ).toMatchObject({ role: "eleve", classes: ["5C"] });
    expect(resoudreCorrespondance(undefined)).toBe(CORRESPONDANCE_ENTCORE);
    expect(resoudreCorrespondance({ uai: ["codeEtab"] }).profil).toEqual(CORRESPONDANCE_ENTCORE.profil);
  });
});
