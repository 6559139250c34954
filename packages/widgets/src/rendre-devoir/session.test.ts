import { describe, expect, it } from "vitest";
import { lireMessageConnexion, sessionValide, urlConnexion } from "./session.js";

const API = "https://trousse.example.fr";
const session = { type: "trousse:session", jeton: "abc.def.ghi", expireLe: "2026-03-31T12:00:00.000Z" };

describe("lireMessageConnexion", () => {
  it("accepte la session venant exactement de l'origine de l'API", () => {
    expect(lireMessageConnexion({ origin: API, data: session }, API)).toEqual({
      type: "session",
      session: { jeton: "abc.def.ghi", expireLe: new Date("2026-03-31T12:00:00.000Z") },
    });
  });

  it("ignore une autre origine, même voisine", () => {
    for (const origin of [
      "https://pirate.example",
      "https://trousse.example.fr:8443",
      "http://trousse.example.fr",
      "null",
    ])
      expect(lireMessageConnexion({ origin, data: session }, API)).toBeNull();
  });

  it("ignore un type inattendu, un jeton absent ou une date invalide", () => {
    expect(lireMessageConnexion({ origin: API, data: { ...session, type: "autre" } }, API)).toBeNull();
    expect(lireMessageConnexion({ origin: API, data: { ...session, jeton: "" } }, API)).toBeNull();
    expect(lireMessageConnexion({ origin: API, data: { ...session, expireLe: "demain" } }, API)).toBeNull();
    expect(lireMessageConnexion({ origin: API, data: "trousse:session" }, API)).toBeNull();
    expect(lireMessageConnexion({ origin: API, data: null }, API)).toBeNull();
  });

  it("transmet l'erreur française de la fenêtre de connexion", () => {
    expect(
      lireMessageConnexion(
        {
          origin: API,
          data: { type: "trousse:erreur", code: "acces-refuse", message: "La connexion a été refusée." },
        },
        API,
      ),
    ).toEqual({ type: "erreur", code: "acces-refuse", message: "La connexion a été refusée." });
  });
});

describe("urlConnexion et sessionValide", () => {
  it("construit l'adresse de la fenêtre avec l'ENT et l'origine de la page, encodées", () => {
    expect(urlConnexion(API, "ode paris", "https://ent.example.fr")).toBe(
      `${API}/auth/connexion?ent=ode+paris&origine=https%3A%2F%2Fent.example.fr`,
    );
    expect(urlConnexion(API, null, "https://ent.example.fr")).toBe(
      `${API}/auth/connexion?origine=https%3A%2F%2Fent.example.fr`,
    );
  });

  it("tient une session pour expirée une minute avant sa fin", () => {
    const maintenant = Date.parse("2026-03-31T11:00:00Z");
    expect(sessionValide({ jeton: "j", expireLe: new Date("2026-03-31T11:02:00Z") }, maintenant)).toBe(true);
    expect(sessionValide({ jeton: "j", expireLe: new Date("2026-03-31T11:00:30Z") }, maintenant)).toBe(false);
    expect(sessionValide(undefined, maintenant)).toBe(false);
  });
});
