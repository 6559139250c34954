import { describe, expect, it } from "vitest";
import { minifierCss } from "./minifier-css.js";

describe("minifierCss", () => {
  it("retire commentaires et espaces inutiles", () => {
    expect(minifierCss("/* x */\n:host {\n  color: red;\n  margin: 0 auto;\n}\n")).toBe(
      ":host{color:red;margin:0 auto}",
    );
  });
  it("garde l'espace des combinateurs descendants et celui avant « : »", () => {
    expect(minifierCss(".a .b ,\n .c > .d {x: 1}")).toBe(".a .b,.c>.d{x:1}");
    expect(minifierCss(".a :focus-visible { outline: 0 }")).toBe(".a :focus-visible{outline:0}");
  });
  it("préserve les fonctions et les requêtes média", () => {
    expect(
      minifierCss("@media (max-width: 30rem) {\n .x { grid-template-columns: minmax(0, 1fr); }\n}"),
    ).toBe("@media (max-width:30rem){.x{grid-template-columns:minmax(0,1fr)}}");
    expect(minifierCss("a{--c: var(--d, var(--e, #000091))}")).toBe("a{--c:var(--d,var(--e,#000091))}");
  });
});
