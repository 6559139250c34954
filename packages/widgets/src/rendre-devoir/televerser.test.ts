import { describe, expect, it } from "vitest";
import { DELAIS_REPRISE, delaiOccupe, idDepuisUrl, messageErreurEnvoi } from "./televerser.js";

describe("televerser (parties pures)", () => {
  it("prend l'id d'envoi dans l'adresse tus", () => {
    expect(idDepuisUrl("https://trousse.example.fr/v1/televersements/3f2a9c")).toBe("3f2a9c");
    expect(idDepuisUrl("http://127.0.0.1:8787/v1/televersements/abc/")).toBe("abc");
  });

  it("reprend plusieurs fois, de plus en plus espacé", () => {
    expect(DELAIS_REPRISE[0]).toBe(0);
    expect(DELAIS_REPRISE.length).toBeGreaterThanOrEqual(5);
    expect([...DELAIS_REPRISE].sort((a, b) => a - b)).toEqual(DELAIS_REPRISE);
  });

  it("montre le message français de l'API, sinon une explication", () => {
    const avec = Object.assign(new Error("tus"), {
      originalResponse: {
        getBody: () => '{"erreur":{"code":"devoir-ferme","message":"Ce devoir est fermé."}}',
      },
    });
    expect(messageErreurEnvoi(avec)).toBe("Ce devoir est fermé.");
    const sans = Object.assign(new Error("tus"), { originalResponse: { getBody: () => "<html>" } });
    expect(messageErreurEnvoi(sans)).toMatch(/^L'envoi a échoué/);
    expect(messageErreurEnvoi(new Error("x"))).toMatch(/^L'envoi a échoué/);
  });

  it("serveur occupé : jamais avant Retry-After, de plus en plus espacé, avec une gigue d'au plus 25 %", () => {
    expect(delaiOccupe(20, 1, () => 0)).toBe(20_000);
    expect(delaiOccupe(20, 1, () => 0.999)).toBeLessThanOrEqual(25_000);
    expect(delaiOccupe(20, 4, () => 0)).toBe(40_000);
    expect(delaiOccupe(20, 30, () => 0)).toBe(120_000);
    expect(delaiOccupe(null, 1, () => 0.5)).toBe(5_625);
    expect(delaiOccupe(600, 1, () => 0)).toBe(600_000);
    const tirages = Array.from({ length: 50 }, () => delaiOccupe(20, 1));
    expect(new Set(tirages).size).toBeGreaterThan(1);
    for (const d of tirages) expect(d).toBeGreaterThanOrEqual(20_000);
  });
});
