import { describe, expect, it } from "vitest";
import { lirePreselection } from "./preselection.js";

describe("lirePreselection", () => {
  it("lit l'exemple de l'issue : ent, niveau en minuscules, rôle ENT", () => {
    expect(lirePreselection({ ent: "ode", niveau: "2d", role: "enseignant" })).toEqual({
      preselection: { ent: "ode", niveau: "2D", organisateur: "enseignant" },
      ignores: [],
    });
  });

  it("accepte majuscules, accents et formes courtes", () => {
    const { preselection, ignores } = lirePreselection({
      ent: "SN62",
      niveau: "1D",
      role: "Direction",
      avec: "Élèves, familles",
      objet: "Conseil de classe",
      participants: " 12 ",
    });
    expect(ignores).toEqual([]);
    expect(preselection).toEqual({
      ent: "sn62",
      niveau: "1D",
      organisateur: "personnel-direction",
      avec: ["eleves", "familles"],
      objet: "conseil-de-classe",
      participants: 12,
    });
  });

  it("les besoins : une liste fixe les trois (absents = faux), vide = aucun", () => {
    expect(lirePreselection({ besoins: "reservation-possible" }).preselection).toEqual({
      elevesIdentifies: false,
      reservationPossible: true,
      webConferenceEntEnCours: false,
    });
    expect(lirePreselection({ besoins: "" }).preselection).toEqual({
      elevesIdentifies: false,
      reservationPossible: false,
      webConferenceEntEnCours: false,
    });
  });

  it("ignore les valeurs inutilisables avec un message français et un code stable", () => {
    const { preselection, ignores } = lirePreselection({
      niveau: "3d",
      ent: "moodle",
      role: "eleve",
      participants: "1",
      avec: "eleves, martiens",
      objet: "apero",
      besoins: "tout",
    });
    expect(preselection).toEqual({});
    expect(ignores.map((i) => i.attribut)).toEqual([
      "role",
      "avec",
      "participants",
      "objet",
      "niveau",
      "ent",
      "besoins",
    ]);
    expect(ignores.every((i) => i.code === "attribut-invalide")).toBe(true);
    expect(ignores.find((i) => i.attribut === "niveau")?.message).toBe(
      'Attribut niveau="3d" ignoré : valeur attendue 1d ou 2d.',
    );
  });

  it("refuse les nombres de participants non entiers ou trop petits", () => {
    for (const v of ["2.5", "1e3", "-4", "abc", "0"])
      expect(lirePreselection({ participants: v }).preselection.participants).toBeUndefined();
    expect(lirePreselection({ participants: "2" }).preselection.participants).toBe(2);
  });
});
