import { describe, expect, it } from "vitest";
import { normaliserOrigine, origineAutorisee } from "./origines.js";

describe("normaliserOrigine", () => {
  it("rend la forme canonique d'une origine http(s)", () => {
    expect(normaliserOrigine("https://ENT.Exemple.fr")).toBe("https://ent.exemple.fr");
    expect(normaliserOrigine("https://ent.exemple.fr:443/")).toBe("https://ent.exemple.fr");
    expect(normaliserOrigine("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
  });
  it("refuse tout ce qui n'est pas exactement une origine", () => {
    for (const texte of [
      "https://ent.exemple.fr/page",
      "https://a@ent.fr",
      "javascript:alert(1)",
      "null",
      "*",
      "https://ent.fr?x",
      "ftp://ent.fr",
      "",
    ]) {
      expect(normaliserOrigine(texte), texte).toBeNull();
    }
  });
});

describe("origineAutorisee", () => {
  const base = "https://trousse.exemple.fr";
  it("accepte les origines de l'ENT et celle de l'API", () => {
    expect(origineAutorisee("https://ent.exemple.fr", ["https://ent.exemple.fr/"], base)).toBe(true);
    expect(origineAutorisee("https://trousse.exemple.fr", [], base)).toBe(true);
  });
  it("refuse les autres, même ressemblantes", () => {
    expect(origineAutorisee("https://ent.exemple.fr.pirate.example", ["https://ent.exemple.fr"], base)).toBe(
      false,
    );
    expect(origineAutorisee("http://ent.exemple.fr", ["https://ent.exemple.fr"], base)).toBe(false);
    expect(origineAutorisee("https://ent.exemple.fr:8443", ["https://ent.exemple.fr"], base)).toBe(false);
  });
});
