import { describe, expect, it } from "vitest";
import { apercuPossible, TAILLE_APERCU_MAX, typeApercu } from "./apercu.js";

const octets = (...b: (number | string)[]) =>
  new Uint8Array(b.flatMap((x) => (typeof x === "string" ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe("vignettes : seulement des images matricielles", () => {
  it("reconnaît PNG, JPEG, GIF, WebP par leurs octets", () => {
    expect(typeApercu(octets(0x89, "PNG\r\n", 0x1a, "\n", 0, 0))).toBe("image/png");
    expect(typeApercu(octets(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF"))).toBe("image/jpeg");
    expect(typeApercu(octets("GIF89a", 1, 0, 1, 0))).toBe("image/gif");
    expect(typeApercu(octets("RIFF", 0, 0, 0, 0, "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuse SVG, HTML, PDF et un fichier vide, même nommés .png", () => {
    expect(
      typeApercu(octets('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toBeNull();
    expect(typeApercu(octets("<!doctype html><script>alert(1)</script>"))).toBeNull();
    expect(typeApercu(octets("%PDF-1.7\n"))).toBeNull();
    expect(typeApercu(new Uint8Array(0))).toBeNull();
  });

  it("apercuPossible : type enregistré dans la liste et taille bornée", () => {
    expect(apercuPossible({ mime: "image/png", taille: 10 })).toBe(true);
    expect(apercuPossible({ mime: "image/svg+xml", taille: 10 })).toBe(false);
    expect(apercuPossible({ mime: "image/heic", taille: 10 })).toBe(false);
    expect(apercuPossible({ mime: "image/jpeg", taille: TAILLE_APERCU_MAX + 1 })).toBe(false);
    expect(apercuPossible({ mime: "image/jpeg", taille: 0 })).toBe(false);
  });
});
