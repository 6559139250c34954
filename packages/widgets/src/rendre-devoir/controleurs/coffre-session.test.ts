import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CoffreSession, jetonDe, lierCoffre } from "./coffre-session.js";

const session = (minutes = 60) => ({ jeton: "j.e.t", expireLe: new Date(Date.now() + minutes * 60_000) });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("CoffreSession", () => {
  it("oublie le jeton après le délai d'inactivité, pas avant ; l'activité relance le compte", () => {
    const inactif = vi.fn();
    const coffre = new CoffreSession({ delaiInactiviteMs: 30 * 60_000, surInactivite: inactif });
    coffre.garder(session());
    vi.advanceTimersByTime(29 * 60_000);
    expect(inactif).not.toHaveBeenCalled();
    coffre.activite();
    vi.advanceTimersByTime(29 * 60_000);
    expect(inactif).not.toHaveBeenCalled();
    expect(coffre.jeton()).toBe("j.e.t"); // a request counts as activity
    vi.advanceTimersByTime(29 * 60_000 + 59_999);
    expect(inactif).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(inactif).toHaveBeenCalledTimes(1);
  });

  it("oublier() efface le jeton et arrête le compte ; 0 désactive l'inactivité", () => {
    const inactif = vi.fn();
    const coffre = new CoffreSession({ delaiInactiviteMs: 1000, surInactivite: inactif });
    coffre.garder(session());
    coffre.oublier();
    expect(coffre.jeton()).toBeUndefined();
    expect(coffre.valide()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(inactif).not.toHaveBeenCalled();
    coffre.delaiInactiviteMs = 0;
    coffre.garder(session());
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(inactif).not.toHaveBeenCalled();
    expect(coffre.valide()).toBe(false); // expired anyway after its hour
  });

  it("ne garde le jeton dans aucune propriété publique ; jetonDe ne sert qu'aux modules du widget", () => {
    const coffre = new CoffreSession({ delaiInactiviteMs: 1000, surInactivite: () => undefined });
    coffre.garder(session());
    expect(JSON.stringify(coffre)).not.toContain("j.e.t");
    expect(Object.values(coffre)).not.toContain("j.e.t");
    const element = {};
    lierCoffre(element, coffre);
    expect(jetonDe(element)).toBe("j.e.t");
    expect(jetonDe({})).toBeUndefined();
  });
});
