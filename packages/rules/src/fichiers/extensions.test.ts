import { describe, expect, it } from "vitest";
import { EXTENSIONS_PAR_TYPE, extensionCoherente, extensionDuNom } from "./extensions.js";
import { type TypeFichier } from "./familles.js";

const JPEG: TypeFichier = { famille: "image", mime: "image/jpeg", extension: "jpg" };
const TEXTE: TypeFichier = { famille: "document", mime: "text/plain", extension: "txt" };
const MP4: TypeFichier = { famille: "video", mime: "video/mp4", extension: "mp4" };

describe("extensionDuNom", () => {
  it.each([
    ["Exposé.final.PDF", "pdf"],
    ["notes", null],
    ["point.", null],
  ])("%j → %j", (nom, attendu) => {
    expect(extensionDuNom(nom)).toBe(attendu);
  });
});

describe("extensionCoherente", () => {
  it.each([
    ["photo.jpg", JPEG],
    ["photo.JPEG", JPEG],
    ["capture.png", JPEG], // autre image : inerte, toléré
    ["photo.heic", JPEG],
    ["notes", TEXTE], // sans extension
    ["notes.md", TEXTE],
    ["exercice.py", TEXTE],
    ["exposé.pdf", TEXTE], // autre document : toléré
    ["enregistrement.m4a", MP4], // audio et vidéo partagent leurs extensions
  ] as const)("admet %j pour %j", (nom, type) => {
    expect(extensionCoherente(nom, type)).toBe(true);
  });

  it.each([
    ["photo.html", JPEG],
    ["photo.svg", JPEG],
    ["page.html", TEXTE],
    ["page.htm", TEXTE],
    ["page.xhtml", TEXTE],
    ["donnees.xml", TEXTE],
    ["script.js", TEXTE],
    ["script.vbs", TEXTE],
    ["appli.hta", TEXTE],
    ["raccourci.url", TEXTE],
    ["devoir.pdf.exe", TEXTE],
    ["video.txt", MP4],
  ] as const)("refuse %j pour %j", (nom, type) => {
    expect(extensionCoherente(nom, type)).toBe(false);
  });

  it("aucune extension active dans la liste blanche", () => {
    const toutes = Object.values(EXTENSIONS_PAR_TYPE).flat();
    for (const active of [
      "html",
      "htm",
      "xhtml",
      "svg",
      "svgz",
      "xml",
      "js",
      "mjs",
      "vbs",
      "hta",
      "bat",
      "cmd",
      "ps1",
      "exe",
      "php",
      "url",
      "lnk",
    ])
      expect(toutes).not.toContain(active);
  });
});
