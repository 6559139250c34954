import { describe, expect, it } from "vitest";
import { formaterTaille } from "./taille.js";

const nb = "\u00a0";

describe("formaterTaille", () => {
  it.each([
    [0, `0${nb}octets`, `0${nb}bytes`],
    [512, `512${nb}octets`, `512${nb}bytes`],
    [1536, `1,5${nb}Ko`, `1.5${nb}KB`],
    [100 * 1024 * 1024, `100${nb}Mo`, `100${nb}MB`],
    [12.5 * 1024 * 1024, `12,5${nb}Mo`, `12.5${nb}MB`],
    [2 * 1024 ** 3, `2${nb}Go`, `2${nb}GB`],
  ])("%d octets → %s / %s", (n, fr, en) => {
    expect(formaterTaille(n)).toBe(fr);
    expect(formaterTaille(n, "en")).toBe(en);
  });
});
