import { describe, expect, it } from "vitest";
import { DELAIS_REPRISE, idDepuisUrl, messageErreurEnvoi } from "./televerser.js";

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
});
