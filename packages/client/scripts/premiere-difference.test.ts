import { describe, expect, it } from "vitest";
import { premiereDifference } from "./premiere-difference.js";

describe("premiereDifference", () => {
  it("ne dit rien de deux textes égaux", () => {
    expect(premiereDifference("a\nb\n", "a\nb\n")).toBeUndefined();
  });
  it("montre la première ligne qui diffère", () => {
    expect(premiereDifference("a\nb\nc\n", "a\nB\nC\n")).toBe("ligne 2 : attendu « b », trouvé « B »");
  });
  it("dit quand un texte est plus court", () => {
    expect(premiereDifference("a\nb", "a")).toBe("ligne 2 : attendu « b », trouvé (fin du fichier)");
  });
});
