import { describe, expect, it } from "vitest";
import { urlSure } from "./url-sure.js";

describe("urlSure", () => {
  it("garde les adresses http(s) des documents", () => {
    expect(urlSure("https://renavisio.renater.fr/")).toBe("https://renavisio.renater.fr/");
    expect(urlSure(" https://www.ovh.com/cgi-bin/telephony/webconf.pl ")).toBe(
      "https://www.ovh.com/cgi-bin/telephony/webconf.pl",
    );
    expect(urlSure("http://exemple.fr/a?b=1")).toBe("http://exemple.fr/a?b=1");
  });

  it("écarte javascript:, data:, les adresses relatives et ce qui n'est pas une chaîne", () => {
    expect(urlSure("javascript:alert(1)")).toBeUndefined();
    expect(urlSure("JaVaScRiPt:alert(1)")).toBeUndefined();
    expect(urlSure("data:text/html,<script>alert(1)</script>")).toBeUndefined();
    expect(urlSure("/relatif")).toBeUndefined();
    expect(urlSure("")).toBeUndefined();
    expect(urlSure(undefined)).toBeUndefined();
    expect(urlSure(42)).toBeUndefined();
  });
});
