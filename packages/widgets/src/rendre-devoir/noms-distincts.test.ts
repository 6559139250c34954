import { describe, expect, it } from "vitest";
import { nomDistinct } from "./noms-distincts.js";

describe("nomDistinct", () => {
  it("garde un nom libre, numérote un nom pris (sans tenir compte de la casse)", () => {
    expect(nomDistinct("image.jpg", [])).toBe("image.jpg");
    expect(nomDistinct("image.jpg", ["image.jpg"])).toBe("image (2).jpg");
    expect(nomDistinct("image.jpg", ["IMAGE.JPG", "image (2).jpg"])).toBe("image (3).jpg");
    expect(nomDistinct("notes", ["notes"])).toBe("notes (2)");
    expect(nomDistinct(".profile", [".profile"])).toBe(".profile (2)");
  });
});
