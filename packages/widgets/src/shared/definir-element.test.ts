import { describe, expect, it } from "vitest";
import { definirElement, type RegistreElements } from "./definir-element.js";
import { obtenirTrousse } from "./trousse-global.js";

/** A registry that behaves like CustomElementRegistry: defining a taken name throws. */
class Registre implements RegistreElements {
  readonly definis = new Map<string, CustomElementConstructor>();
  get(nom: string) {
    return this.definis.get(nom);
  }
  define(nom: string, c: CustomElementConstructor) {
    if (this.definis.has(nom)) throw new DOMException(`"${nom}" has already been used`, "NotSupportedError");
    this.definis.set(nom, c);
  }
}
const A = class {} as unknown as CustomElementConstructor;
const B = class {} as unknown as CustomElementConstructor;

describe("definirElement", () => {
  it("définit une fois, puis ignore sans erreur et compte les tentatives", () => {
    const registre = new Registre();
    const fenetre = {};
    expect(definirElement("trousse-x", A, registre, fenetre)).toBe(true);
    expect(() => definirElement("trousse-x", B, registre, fenetre)).not.toThrow();
    expect(definirElement("trousse-x", B, registre, fenetre)).toBe(false);
    expect(registre.get("trousse-x")).toBe(A);
    expect(obtenirTrousse(fenetre).elements["trousse-x"]?.tentatives).toBe(3);
  });

  it("ne fait rien sans registre (rendu côté serveur)", () => {
    expect(definirElement("trousse-y", A, undefined, {})).toBe(false);
  });
});
