import { describe, expect, it } from "vitest";
import { defiPkce } from "./pkce.js";

describe("defiPkce", () => {
  it("suit l'exemple de la RFC 7636 (annexe B)", () => {
    expect(defiPkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });
});
