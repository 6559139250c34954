import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { octets } from "./echantillons.test-utils.js";
import {
  LONGUEUR_MAX_NOM_OCTETS,
  decoderNomFichier,
  nettoyerNomFichier,
  octetsUtf8,
  validerNomFichier,
} from "./nom-fichier.js";

describe("validerNomFichier", () => {
  it.each([
    "devoir.pdf",
    "Exposé d'histoire — Louis XIV.odt",
    "IMG_20260331_183000.HEIC",
    "rédaction (version 2).docx",
    "数学.txt",
  ])("accepte « %s »", (nom) => {
    expect(validerNomFichier(nom)).toEqual({ ok: true, nom });
  });

  it("normalise en NFC sans perdre les accents (e + accent combinant → é)", () => {
    const decompose = "Expose\u0301.pdf";
    expect(validerNomFichier(decompose)).toEqual({ ok: true, nom: "Exposé.pdf" });
  });

  it.each([
    ["", "nom-vide"],
    ["   ", "nom-vide"],
    ["../../etc/passwd", "chemin-interdit"],
    ["..", "chemin-interdit"],
    ["dossier/devoir.pdf", "chemin-interdit"],
    ["C:\\Users\\eleve\\devoir.pdf", "chemin-interdit"],
    ["devoir\u0000.pdf.exe", "caractere-controle"],
    ["devoir\n.pdf", "caractere-controle"],
    ["devoir\u0085.pdf", "caractere-controle"],
    ["quoi?.pdf", "caractere-interdit"],
    ['"devoir".pdf', "caractere-interdit"],
    ["devoir:flux.pdf", "caractere-interdit"],
    [".htaccess", "point-initial"],
    ["devoir.pdf.", "fin-invalide"],
    ["devoir.pdf ", "fin-invalide"],
    ["CON", "nom-reserve"],
    ["nul.txt", "nom-reserve"],
    ["COM1.pdf", "nom-reserve"],
    ["lpt9", "nom-reserve"],
    ["é".repeat(128) + ".pdf", "nom-trop-long"],
  ])("refuse %j (%s)", (nom, raison) => {
    const r = validerNomFichier(nom);
    expect(r).toMatchObject({ ok: false, code: "nom-invalide", raison });
    if (!r.ok) expect(r.message).toMatch(/^Le nom de fichier «\u00a0.*\u00a0» est invalide : /s);
  });

  it.each([
    ["facture\u202Egpj.exe", "caractere-bidirectionnel"], // s'affiche « factureexe.jpg »
    ["devoir\u202D.pdf", "caractere-bidirectionnel"],
    ["a\u202Ab\u202C.pdf", "caractere-bidirectionnel"],
    ["devoir\u2066.pdf\u2069", "caractere-bidirectionnel"],
    ["devoir\u2067x.pdf", "caractere-bidirectionnel"],
    ["devoir\u200E.pdf", "caractere-bidirectionnel"],
    ["devoir\u200F.pdf", "caractere-bidirectionnel"],
    ["devoir\u061C.pdf", "caractere-bidirectionnel"],
    ["dev\u200Boir.pdf", "caractere-invisible"],
    ["dev\u200Coir.pdf", "caractere-invisible"],
    ["dev\u200Doir.pdf", "caractere-invisible"],
    ["dev\u2060oir.pdf", "caractere-invisible"],
    ["dev\u2064oir.pdf", "caractere-invisible"],
    ["\uFEFFdevoir.pdf", "caractere-invisible"],
    ["dev\u00ADoir.pdf", "caractere-invisible"],
    ["devoir\u{E0041}.pdf", "caractere-invisible"], // étiquette (Cf)
    ["devoir\u2028.pdf", "caractere-invisible"],
    ["dev\u3164oir.pdf", "caractere-invisible"], // lettre de remplissage Hangul
    ["\uFE0Fdevoir.pdf", "caractere-invisible"], // sélecteur de variante orphelin, en tête
    ["devoir \uFE0F.pdf", "caractere-invisible"], // après une espace
    ["devoir❤\uFE0F\uFE0F.pdf", "caractere-invisible"], // deux de suite
  ])("refuse les caractères trompeurs ou invisibles %j (%s)", (nom, raison) => {
    const r = validerNomFichier(nom);
    expect(r).toMatchObject({ ok: false, code: "nom-invalide", raison });
    if (!r.ok) {
      // Le message cite le nom sans le caractère piégé (remplacé par �), et dit quoi faire.
      expect(r.message).not.toMatch(/[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/u);
      expect(r.message).toContain("�");
      expect(r.message).toContain("Renommez le fichier");
    }
  });

  it("le message du nom « facture\\u202Egpj.exe » dit que l'affichage est inversé", () => {
    const r = validerNomFichier("facture\u202Egpj.exe");
    expect(!r.ok && r.message).toBe(
      "Le nom de fichier «\u00a0facture�gpj.exe\u00a0» est invalide : il contient un caractère invisible qui " +
        "inverse le sens d'écriture (marqué � ici) : le nom affiché ne serait pas le vrai nom, par exemple " +
        "« facture.exe » déguisé en « …exe.jpg ». Renommez le fichier en retapant son nom.",
    );
  });

  it("garde un sélecteur de variante qui suit le caractère qu'il modifie (❤️, 葛󠄀)", () => {
    expect(validerNomFichier("j'aime ❤\uFE0F.pdf")).toEqual({ ok: true, nom: "j'aime ❤\uFE0F.pdf" });
    expect(validerNomFichier("葛\u{E0100}飾.txt").ok).toBe(true);
  });

  it("remplace un demi-caractère UTF-16 isolé par U+FFFD, garde les paires (émoji)", () => {
    expect(validerNomFichier("a\udc00b.pdf")).toEqual({ ok: true, nom: "a\ufffdb.pdf" });
    expect(validerNomFichier("a\ud83d.pdf")).toEqual({ ok: true, nom: "a\ufffd.pdf" });
    expect(validerNomFichier("fusée 🚀.pdf")).toEqual({ ok: true, nom: "fusée 🚀.pdf" });
  });

  it("accepte exactement 255 octets, refuse 256", () => {
    expect(validerNomFichier("a".repeat(251) + ".pdf").ok).toBe(true);
    expect(validerNomFichier("a".repeat(252) + ".pdf").ok).toBe(false);
  });

  it("« console.txt » et « nullité.pdf » ne sont pas des noms réservés", () => {
    expect(validerNomFichier("console.txt").ok).toBe(true);
    expect(validerNomFichier("nullité.pdf").ok).toBe(true);
  });
});

describe("nettoyerNomFichier", () => {
  it.each([
    ["C:\\Users\\élève\\Exposé.pdf", "Exposé.pdf"],
    ["../../etc/passwd", "passwd"],
    ["/tmp/../devoir.odt", "devoir.odt"],
    ["CON.txt", "_CON.txt"],
    [".bashrc", "bashrc"],
    ["...devoir.pdf...", "devoir.pdf"],
    ["dev\u0000oir\u001f.pdf", "devoir.pdf"],
    ["quoi?<>.pdf", "quoi___.pdf"],
    ["mon    devoir\t.pdf", "mon devoir .pdf"],
    ["Expose\u0301.pdf", "Exposé.pdf"],
    ["photo\ud800.jpg", "photo.jpg"],
    ["facture\u202Egpj.exe", "facturegpj.exe"],
    ["dev\u200Boir\u00AD.pdf", "devoir.pdf"],
    ["\uFE0F.\uFE0Fdevoir.pdf", "devoir.pdf"],
    ["❤\uFE0F.pdf", "❤\uFE0F.pdf"],
    ["¡\t\u0000\t!", "¡ !"], // contre-exemple trouvé par fast-check : espaces recollées après retrait du NUL
  ])("%j → %j", (nom, attendu) => {
    expect(nettoyerNomFichier(nom)).toBe(attendu);
  });

  it.each(["..", "/", "", "   ", "\u0000\u0001", "...", "a/b/"])(
    "rend null s'il ne reste rien (%j)",
    (nom) => {
      expect(nettoyerNomFichier(nom)).toBeNull();
    },
  );

  it("raccourcit un nom trop long avant l'extension, sans couper un caractère", () => {
    const r = nettoyerNomFichier("é".repeat(200) + ".pdf");
    expect(r).not.toBeNull();
    expect(r?.endsWith("é.pdf")).toBe(true);
    expect(octetsUtf8(r ?? "")).toBeLessThanOrEqual(LONGUEUR_MAX_NOM_OCTETS);
  });

  // Noms tirés parmi les caractères à risque (chemins, contrôles, réservés, demi-caractères UTF-16,
  // accents décomposés…) : plus ciblé et bien plus rapide à générer que des chaînes Unicode quelconques.
  const risques = [
    "a",
    "é",
    "e\u0301",
    "/",
    "\\",
    ".",
    "..",
    " ",
    "\t",
    "\u0000",
    "\u001f",
    "\u0085",
    "\u202e",
    "\u200b",
    "\u00ad",
    "\ufe0f",
    ":",
    "?",
    "*",
  ];
  const autres = [
    "<",
    ">",
    '"',
    "|",
    "CON",
    "nul",
    "com1",
    "\ud800",
    "\udc00",
    "🚀",
    "pdf",
    "Z",
    "-",
    "_",
    "数",
  ];
  const nomArb = fc.string({ unit: fc.constantFrom(...risques, ...autres), maxLength: 200 });

  it("propriété : le nom nettoyé est toujours valide (ou null), et nettoyer est idempotent", () => {
    // Prédicat booléen (pas d'expect dans la boucle : fast-check rapporte lui-même le contre-exemple).
    const verifier = (nom: string): boolean => {
      const propre = nettoyerNomFichier(nom);
      if (propre === null) return true;
      const v = validerNomFichier(propre);
      return v.ok && v.nom === propre && nettoyerNomFichier(propre) === propre;
    };
    fc.assert(fc.property(nomArb, verifier), { numRuns: 500 });
    // Et des unités UTF-16 quelconques (demi-caractères isolés compris).
    const unitesArb = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(unitesArb, verifier), { numRuns: 300 });
  });
});

describe("decoderNomFichier", () => {
  it("décode de l'UTF-8 et normalise en NFC", () => {
    expect(decoderNomFichier(octets("Exposé.pdf"))).toEqual({ ok: true, nom: "Exposé.pdf" });
    expect(decoderNomFichier(octets("Expose\u0301.pdf"))).toEqual({ ok: true, nom: "Exposé.pdf" });
  });

  it.each([
    ["Latin-1", new Uint8Array([0x45, 0x78, 0x70, 0x6f, 0x73, 0xe9])],
    ["séquence tronquée", new Uint8Array([0x61, 0xc3])],
    ["surrogate encodé", new Uint8Array([0xed, 0xa0, 0x80])],
  ])("refuse l'UTF-8 invalide (%s)", (_cas, o) => {
    expect(decoderNomFichier(o)).toMatchObject({ ok: false, code: "nom-invalide", raison: "utf8-invalide" });
  });
});
