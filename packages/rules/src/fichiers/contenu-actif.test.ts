import { describe, expect, it } from "vitest";
import { AnalyseurPdf, type FluxObjetsPdf } from "./analyseur-pdf.js";
import { limiteDecompression, refusDocumentActif, risqueDesEntrees } from "./contenu-actif.js";

const octets = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Analyse un texte PDF en morceaux de `pas` octets (les jetons coupés entre deux morceaux comptent). */
function analyser(texte: string, pas = 3, surFluxObjets?: (f: FluxObjetsPdf) => void) {
  const a = new AnalyseurPdf({ ...(surFluxObjets ? { surFluxObjets } : {}) });
  const o = octets(texte);
  for (let i = 0; i < o.length; i += pas) a.lire(o.subarray(i, i + pas));
  return a;
}

const ENTETE = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";

describe("AnalyseurPdf", () => {
  it("trouve une OpenAction JavaScript, une action Launch, même coupées entre deux morceaux", () => {
    const js = `${ENTETE}1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj\n%%EOF`;
    expect(analyser(js, 1).constat).toBe("script-pdf");
    expect(analyser(js, 7).constat).toBe("script-pdf");
    const lancer = `${ENTETE}1 0 obj<</OpenAction<</S/Launch/F(cmd.exe)>>>>endobj`;
    expect(analyser(lancer).constat).toBe("lancement-pdf");
  });

  it("un nom qui est aussi une propriété de tout objet JavaScript (/toString, /constructor…) n'est pas une action", () => {
    for (const nom of ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf", "t#6FString"]) {
      const a = analyser(`${ENTETE}1 0 obj << /Type /Annot /${nom} 2 0 R >> endobj\n%%EOF`);
      expect(a.constat, nom).toBeNull();
    }
  });

  it("décode les noms obfusqués (#xx)", () => {
    expect(analyser(`${ENTETE}1 0 obj<</S/J#61va#53cript/J#53 (x)>>endobj`).constat).toBe("script-pdf");
    expect(analyser(`${ENTETE}1 0 obj<</S/#4Caunch>>endobj`).constat).toBe("lancement-pdf");
  });

  it("un PDF ordinaire passe : OpenAction vers une page, « /JavaScript » dans une chaîne, un commentaire ou un flux", () => {
    const sain =
      `${ENTETE}1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /FitH null] >> endobj\n` +
      "4 0 obj << /Title (Cours de /JavaScript \\) et /JS) /Subject <2F4A53> >> endobj\n" +
      "% /JavaScript dans un commentaire\n" +
      "5 0 obj << /Length 30 >> stream\nBT (x) Tj /JS /Launch ET\nendstream endobj\n%%EOF";
    expect(analyser(sain).constat).toBeNull();
    expect(analyser(sain, 1).constat).toBeNull();
  });

  it("remet les flux d'objets (ObjStm) à l'appelant, avec leurs filtres, sans « endstream »", () => {
    const flux: FluxObjetsPdf[] = [];
    const texte = `${ENTETE}7 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 9 >>\nstream\r\nABCDEFGHI\r\nendstream\nendobj\n8 0 obj << /Length 3 >> stream\nxyz\nendstream endobj`;
    const a = analyser(texte, 4, (f) => flux.push(f));
    expect(a.constat).toBeNull();
    expect(flux).toHaveLength(1);
    expect(new TextDecoder().decode(flux[0]!.octets)).toBe("ABCDEFGHI");
    expect(flux[0]!.filtres).toEqual(["FlateDecode"]);
  });

  it("un commentaire finit à sa fin de ligne (LF ou CR), une chaîne hexadécimale à « > », quel que soit le découpage", () => {
    const apres = (fin: string) => `${ENTETE}% note /JavaScript${fin}1 0 obj<</S/JavaScript>>endobj`;
    for (const pas of [1, 2, 5, 64]) {
      expect(analyser(apres("\n"), pas).constat).toBe("script-pdf");
      expect(analyser(apres("\r"), pas).constat).toBe("script-pdf");
      expect(analyser(apres("\r\n"), pas).constat).toBe("script-pdf");
      // Sans fin de ligne, tout le reste est commentaire.
      expect(analyser(apres(""), pas).constat).toBeNull();
      expect(analyser(`${ENTETE}1 0 obj<</T <4A532F4A53>/S/Launch>>endobj`, pas).constat).toBe(
        "lancement-pdf",
      );
      expect(analyser(`${ENTETE}1 0 obj<</T <4A53 /Launch 2F>>endobj`, pas).constat).toBeNull();
      expect(analyser(`${ENTETE}1 0 obj<</T <4A53 /Launch 2F`, pas).constat).toBeNull();
    }
  });

  it("signale un PDF chiffré", () => {
    expect(analyser(`${ENTETE}trailer << /Encrypt 9 0 R >>`).chiffre).toBe(true);
  });
});

describe("risqueDesEntrees", () => {
  it("macros Office et OpenDocument, programmes intégrés ; un document ordinaire passe", () => {
    expect(risqueDesEntrees(["[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"])).toBe(
      "macros",
    );
    expect(risqueDesEntrees(["xl/workbook.xml", "xl/macrosheets/sheet1.xml"])).toBe("macros");
    expect(risqueDesEntrees(["word/activeX/activeX1.bin"])).toBe("macros");
    expect(risqueDesEntrees(["mimetype", "content.xml", "Basic/Standard/Module1.xml"])).toBe("macros");
    expect(risqueDesEntrees(["mimetype", "Basic/script-lc.xml", "Basic/Standard/script-lb.xml"])).toBeNull();
    expect(risqueDesEntrees(["mimetype", "Scripts/python/macro.py"])).toBe("macros");
    expect(risqueDesEntrees(["word/document.xml", "word/embeddings/setup.EXE"])).toBe("executable-integre");
    expect(risqueDesEntrees(["OEBPS/chapitre.xhtml", "OEBPS/js/app.js"])).toBe("executable-integre");
    expect(risqueDesEntrees(["word/document.xml", "word/media/image1.png", "docProps/app.xml"])).toBeNull();
  });
});

describe("refusDocumentActif", () => {
  it("dit comment enregistrer une copie propre, avec un code stable par cas", () => {
    expect(refusDocumentActif("devoir.docx", "macros")).toMatchObject({
      code: "document-actif",
      message: expect.stringContaining("Enregistrez une copie sans macros"),
    });
    expect(refusDocumentActif("a.pdf", "script-pdf").message).toMatch(/Enregistrer au format PDF/);
    const bombe = refusDocumentActif("a.docx", "decompression", {
      decompresse: 200 * 1024 * 1024,
      limite: limiteDecompression(10_000),
    });
    expect(bombe.code).toBe("document-demesure");
    expect(bombe.message).toContain("plus de 200\u00a0Mo une fois ouvert (au plus 100\u00a0Mo)");
    expect(refusDocumentActif("a.docx", "structure").code).toBe("document-illisible");
  });
});
