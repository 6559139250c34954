import { describe, expect, it } from "vitest";
import {
  HTML_APRES_ESPACES,
  JPEG_PUIS_HTML,
  MZ,
  PDF,
  PNG_1X1,
  SVG_APRES_DEUX_XML,
  SVG_DOCTYPE_INTERNE,
  ftyp,
  octets,
} from "./echantillons.test-utils.js";
import { octetsUtf8, validerNomFichier } from "./nom-fichier.js";
import { phraseAcceptes, verifierFichier, verifierLot } from "./verifier-fichier.js";

const Mo = 1024 * 1024;
const docsImages = { familles: ["document", "image"] as const, tailleMaxOctets: 10 * Mo };
const nb = "\u00a0";

describe("verifierFichier", () => {
  it("accepte un PDF et rend son type réel", () => {
    expect(verifierFichier({ nom: "devoir.pdf", taille: 48_213, debut: PDF }, docsImages)).toEqual({
      ok: true,
      fichier: {
        nom: "devoir.pdf",
        taille: 48_213,
        type: { famille: "document", mime: "application/pdf", extension: "pdf" },
      },
    });
  });

  it("refuse un programme renommé en .pdf, avec le message attendu", () => {
    const r = verifierFichier({ nom: "devoir.exe", taille: 1024, debut: MZ }, docsImages);
    expect(r).toEqual({
      ok: false,
      erreurs: [
        {
          code: "fichier-executable",
          nom: "devoir.exe",
          nature: "programme",
          format: "pe",
          familles: ["document", "image"],
          message: `Le fichier «${nb}devoir.exe${nb}» est un programme : seuls les documents et images sont acceptés.`,
          messageEn: "The file “devoir.exe” is a program: only documents and images are accepted.",
        },
      ],
    });
    expect(verifierFichier({ nom: "devoir.pdf", taille: 1024, debut: MZ }, docsImages)).toMatchObject({
      ok: false,
      erreurs: [{ code: "fichier-executable" }],
    });
  });

  it("refuse une vidéo quand seuls documents et images sont acceptés, en nommant le type", () => {
    const r = verifierFichier({ nom: "expo.mp4", taille: 5 * Mo, debut: ftyp("isom") }, docsImages);
    expect(r).toMatchObject({
      ok: false,
      erreurs: [
        {
          code: "type-non-autorise",
          type: { famille: "video", extension: "mp4" },
          message: `Le fichier «${nb}expo.mp4${nb}» est une vidéo (MP4) : seuls les documents et images sont acceptés.`,
        },
      ],
    });
  });

  it("accorde au féminin quand seules des images sont acceptées", () => {
    const r = verifierFichier(
      { nom: "notes.pdf", taille: 10, debut: PDF },
      { familles: ["image"], tailleMaxOctets: Mo },
    );
    expect(!r.ok && r.erreurs[0]?.message).toBe(
      `Le fichier «${nb}notes.pdf${nb}» est un document (PDF) : seules les images sont acceptées.`,
    );
  });

  it("refuse un fichier trop gros en donnant sa taille et la limite", () => {
    const r = verifierFichier({ nom: "scan.png", taille: 12.5 * Mo, debut: PNG_1X1 }, docsImages);
    expect(r).toMatchObject({
      ok: false,
      erreurs: [
        {
          code: "fichier-trop-gros",
          taille: 12.5 * Mo,
          tailleMaxOctets: 10 * Mo,
          message: `Le fichier «${nb}scan.png${nb}» pèse 12,5${nb}Mo : la limite est de 10${nb}Mo par fichier.`,
          messageEn: `The file “scan.png” is 12.5${nb}MB: the limit is 10${nb}MB per file.`,
        },
      ],
    });
  });

  it("la limite de taille est incluse", () => {
    expect(verifierFichier({ nom: "a.png", taille: 10 * Mo, debut: PNG_1X1 }, docsImages).ok).toBe(true);
    expect(verifierFichier({ nom: "a.png", taille: 10 * Mo + 1, debut: PNG_1X1 }, docsImages).ok).toBe(false);
  });

  it.each([
    [{ nom: "vide.pdf", taille: 0, debut: new Uint8Array(0) }, ["fichier-vide"]],
    [{ nom: "x.pdf", taille: -1, debut: PDF }, ["taille-invalide"]],
    [{ nom: "x.pdf", taille: Number.NaN, debut: PDF }, ["taille-invalide"]],
    [{ nom: "données.bin", taille: 8, debut: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }, ["type-inconnu"]],
    [{ nom: "..", taille: 10, debut: PDF }, ["nom-invalide"]],
    [{ nom: "..", taille: 20 * Mo, debut: MZ }, ["nom-invalide", "fichier-trop-gros", "fichier-executable"]],
    [{ nom: "page.html", taille: 100, debut: octets("<html><script>x()</script>") }, ["fichier-executable"]],
  ])("%j → %j", (fichier, codes) => {
    const r = verifierFichier(fichier, docsImages);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.erreurs.map((e) => e.code)).toEqual(codes);
  });

  it("le type inconnu liste les formats acceptés en clair", () => {
    const r = verifierFichier({ nom: "x.bin", taille: 3, debut: new Uint8Array([0, 1, 2]) }, docsImages);
    expect(!r.ok && r.erreurs[0]?.message).toBe(
      `Le type du fichier «${nb}x.bin${nb}» n'est pas reconnu : seuls les documents et images sont acceptés (PDF, ODT, DOCX, texte… ; JPEG, PNG, HEIC…).`,
    );
  });

  it("refuse (sans le réparer en silence) un nom qui cache un contrôle de direction ou un invisible", () => {
    for (const [nom, raison] of [
      ["facture\u202Egpj.exe", "caractere-bidirectionnel"],
      ["dev\u200Boir.pdf", "caractere-invisible"],
    ]) {
      const r = verifierFichier({ nom: nom!, taille: PDF.length, debut: PDF }, docsImages);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.erreurs[0]).toMatchObject({ code: "nom-invalide", raison, nom });
    }
  });

  it("refuse une image JPEG nommée .html (extension-incoherente), en disant ce qu'est le fichier", () => {
    const r = verifierFichier(
      { nom: "photo.html", taille: JPEG_PUIS_HTML.length, debut: JPEG_PUIS_HTML },
      docsImages,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.erreurs).toEqual([
      {
        code: "extension-incoherente",
        nom: "photo.html",
        extension: "html",
        type: { famille: "image", mime: "image/jpeg", extension: "jpg" },
        message:
          `Le fichier «${nb}photo.html${nb}» est en réalité une image (JPG) : son extension «${nb}.html${nb}» ne ` +
          `correspond pas à son contenu. Renommez-le en «${nb}photo.jpg${nb}», ou ouvrez-le et enregistrez-le de ` +
          "nouveau au bon format.",
        messageEn:
          "The file “photo.html” is actually an image (JPG): its extension “.html” does not match its content. " +
          "Rename it to “photo.jpg”, or open it and save it again in the right format.",
      },
    ]);
  });

  it("refuse un texte nommé .html ou .svg, accepte le même texte en .txt ou sans extension", () => {
    const texte = octets("Mon exposé sur les volcans.\n");
    const essai = (nom: string) => verifierFichier({ nom, taille: texte.length, debut: texte }, docsImages);
    expect(!essai("exposé.html").ok && essai("exposé.html")).toMatchObject({
      erreurs: [{ code: "extension-incoherente", extension: "html" }],
    });
    expect(essai("exposé.svg").ok).toBe(false);
    expect(essai("exposé.txt").ok).toBe(true);
    expect(essai("exposé").ok).toBe(true);
  });

  it("accepte une capture PNG nommée .jpg (même famille, extension inerte)", () => {
    expect(
      verifierFichier({ nom: "capture.jpg", taille: PNG_1X1.length, debut: PNG_1X1 }, docsImages).ok,
    ).toBe(true);
  });

  it.each([
    ["page.html", HTML_APRES_ESPACES, "page-web"],
    ["page.txt", HTML_APRES_ESPACES, "page-web"],
    ["dessin.svg", SVG_APRES_DEUX_XML, "svg"],
    ["dessin.txt", SVG_DOCTYPE_INTERNE, "svg"],
  ] as const)("refuse %j : contenu actif (%s)", (nom, debut, nature) => {
    const r = verifierFichier({ nom, taille: debut.length, debut }, docsImages);
    expect(!r.ok && r.erreurs[0]).toMatchObject({ code: "fichier-executable", nature });
  });

  it("nettoie le nom d'un fichier acceptable au lieu de le refuser", () => {
    const r = verifierFichier({ nom: "C:\\fakepath\\Exposé.pdf", taille: 10, debut: PDF }, docsImages);
    expect(r.ok && r.fichier.nom).toBe("Exposé.pdf");
  });
});

describe("verifierLot", () => {
  const contraintes = { ...docsImages, nombreMax: 3 };
  const pdf = { nom: "devoir.pdf", taille: 1000, debut: PDF };
  const photo = { nom: "image.jpg", taille: 2000, debut: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) };

  it("accepte un lot valide et renomme les doublons (photos « image.jpg » d'un iPhone)", () => {
    const r = verifierLot([pdf, photo, { ...photo, nom: "IMAGE.jpg" }], contraintes);
    expect(r.ok && r.fichiers.map((f) => f.nom)).toEqual(["devoir.pdf", "image.jpg", "IMAGE (2).jpg"]);
  });

  it("un doublon au nom très long reste sous 255 octets", () => {
    const long = { ...pdf, nom: `${"é".repeat(125)}.pdf` };
    const r = verifierLot([long, long], contraintes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const second = r.fichiers[1]?.nom ?? "";
    expect(second.endsWith(" (2).pdf")).toBe(true);
    expect(octetsUtf8(second)).toBeLessThanOrEqual(255);
    expect(validerNomFichier(second).ok).toBe(true);
  });

  it("refuse un lot vide et un lot trop nombreux", () => {
    expect(verifierLot([], contraintes)).toMatchObject({ ok: false, erreurs: [{ code: "aucun-fichier" }] });
    const r = verifierLot([pdf, pdf, pdf, pdf], contraintes);
    expect(r).toMatchObject({
      ok: false,
      erreurs: [
        {
          code: "trop-de-fichiers",
          nombre: 4,
          nombreMax: 3,
          message: "Vous avez choisi 4 fichiers : 3 au maximum pour ce devoir.",
        },
      ],
    });
  });

  it("borne la taille totale si demandé", () => {
    const r = verifierLot([pdf, photo], { ...contraintes, tailleTotaleMaxOctets: 2500 });
    expect(r).toMatchObject({
      ok: false,
      erreurs: [{ code: "lot-trop-gros", tailleTotale: 3000, tailleTotaleMaxOctets: 2500 }],
    });
  });

  it("rend les erreurs de chaque fichier avec son index", () => {
    const r = verifierLot([pdf, { nom: "virus.pdf", taille: 10, debut: MZ }], contraintes);
    expect(r).toMatchObject({
      ok: false,
      erreurs: [{ code: "fichier-executable", index: 1, nom: "virus.pdf" }],
    });
  });
});

describe("phraseAcceptes", () => {
  it.each([
    [["document"], "seuls les documents sont acceptés", "only documents are accepted"],
    [["image", "video"], "seules les images et vidéos sont acceptées", "only images and videos are accepted"],
    [
      ["document", "image", "audio", "video"],
      "seuls les documents, images, fichiers audio et vidéos sont acceptés",
      "only documents, images, audio files and videos are accepted",
    ],
  ] as const)("%j", (familles, fr, en) => {
    expect(phraseAcceptes(familles)).toBe(fr);
    expect(phraseAcceptes(familles, "en")).toBe(en);
  });
});
