import { describe, expect, it } from "vitest";
import { normaliser } from "./texte.js";

describe("normaliser", () => {
  it.each([
    ["Web-Conférence ODE", "web-conference ode"],
    ["  ÉLÈVES   identifiés ", "eleves identifies"],
    ["mise en œuvre", "mise en oeuvre"],
    ["M@gistère", "m@gistere"],
  ])("%j → %j", (entree, attendu) => {
    expect(normaliser(entree)).toBe(attendu);
  });
});
