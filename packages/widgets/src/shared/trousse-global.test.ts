import { describe, expect, it } from "vitest";
import { obtenirTrousse } from "./trousse-global.js";
import { VERSION } from "./version.js";

describe("obtenirTrousse", () => {
  it("crée un seul objet Trousse, non énumérable, et le réutilise", () => {
    const fenetre = {};
    const a = obtenirTrousse(fenetre);
    const b = obtenirTrousse(fenetre);
    expect(a).toBe(b);
    expect(a.version).toBe(VERSION);
    expect(a.versions).toEqual([VERSION]);
    expect(Object.keys(fenetre)).toEqual([]);
    expect(Object.getOwnPropertyNames(fenetre)).toEqual(["Trousse"]);
  });

  it("ajoute sa version à un objet créé par une autre version", () => {
    const fenetre = { Trousse: { version: "0.0.9", versions: ["0.0.9"], elements: {} } };
    const t = obtenirTrousse(fenetre);
    expect(t).toBe(fenetre.Trousse);
    expect(t.version).toBe("0.0.9");
    expect(t.versions).toEqual(["0.0.9", VERSION]);
  });

  it("ne touche pas un window.Trousse étranger de la page hôte", () => {
    const etranger = { autreChose: true };
    const fenetre = { Trousse: etranger };
    const t = obtenirTrousse(fenetre);
    expect(t).not.toBe(etranger);
    expect(fenetre.Trousse).toEqual({ autreChose: true });
    expect(t.versions).toEqual([VERSION]);
  });
});
