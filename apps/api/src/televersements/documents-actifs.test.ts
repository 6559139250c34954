import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { televersementsEnAttenteDe } from "@trousse/db";
import { creerDevoir, creerMonde, televerser, type Monde } from "../rendus/test-support/monde.js";
import { docx, fluxObjets, odt, pdfAvec, zerosCompresses, zip } from "./test-support/documents.js";

// Issue 9, constat 11 : des documents actifs, construits ici octet par octet (aucun fichier binaire).
let monde: Monde;
let devoirId: string;
beforeAll(async () => {
  monde = await creerMonde();
  monde.horloge.maintenant = new Date("2026-03-25T10:00:00+01:00");
  devoirId = await creerDevoir(monde, {
    contraintes: { familles: ["document"], tailleMaxOctets: 5_000_000, nombreMax: 20 },
  });
});
afterAll(async () => monde.fermer());

async function envoyer(
  nom: string,
  contenu: Buffer,
): Promise<{ ok: boolean; status?: number; code?: string; message?: string }> {
  const t = await televerser(monde, "eleve", devoirId, nom, contenu, { morceaux: 2 });
  if (t.ok) return { ok: true };
  const corps = (await t.reponse.json()) as { erreur: { code: string; message: string } };
  return { ok: false, status: t.reponse.status, ...corps.erreur };
}

const CATALOGUE = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES = "<< /Type /Pages /Kids [] /Count 0 >>";

describe(`documents actifs (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("PDF : OpenAction JavaScript, nom obfusqué (#61), action Launch, script rangé dans un flux d'objets compressé", async () => {
    const cas = {
      "ouverture.pdf": pdfAvec([
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
        PAGES,
        "<< /S /JavaScript /JS (app.alert\\('coucou'\\)) >>",
      ]),
      "obfusque.pdf": pdfAvec([
        "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 3 0 R >> >>",
        PAGES,
        "<< /Length 8 >>\nstream\napp.x();\nendstream",
      ]),
      "lancer.pdf": pdfAvec([
        "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>",
        PAGES,
      ]),
      "compresse.pdf": pdfAvec([
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        PAGES,
        fluxObjets(4, ["<< /S /JavaScript /JS (this.print\\(\\)) >>"]),
      ]),
    };
    for (const [nom, contenu] of Object.entries(cas)) {
      const r = await envoyer(nom, contenu);
      expect(r, nom).toMatchObject({ ok: false, status: 415, code: "document-actif" });
      expect(r.message, nom).toMatch(/Enregistrer au format PDF/);
    }
    expect(await televersementsEnAttenteDe(monde.base.db, devoirId, monde.utilisateurs.eleve.id)).toEqual([]);
  });

  it("PDF ordinaires acceptés : OpenAction vers une page, « /JavaScript » dans le texte, flux d'objets sans script", async () => {
    const page = pdfAvec([
      "<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /FitH null] >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
      "<< /Length 44 >>\nstream\nBT /F1 12 Tf (Cours : /JavaScript et /JS) Tj ET\nendstream",
    ]);
    expect(await envoyer("cours.pdf", page)).toEqual({ ok: true });
    const moderne = pdfAvec([CATALOGUE, PAGES, fluxObjets(4, ["<< /Title (Mon devoir) >>", "[1 2 3]"])]);
    expect(await envoyer("moderne.pdf", moderne)).toEqual({ ok: true });
  });

  it("Office et OpenDocument : macros (docm renommé, odt avec Basic) et programme intégré refusés ; docx et odt ordinaires acceptés", async () => {
    expect(await envoyer("redaction.docx", docx())).toEqual({ ok: true });
    expect(
      await envoyer("redaction.odt", odt([{ nom: "Basic/script-lc.xml", contenu: Buffer.from("<x/>") }])),
    ).toEqual({
      ok: true,
    });
    const macros = await envoyer(
      "redaction.docx",
      docx("Texte", [{ nom: "word/vbaProject.bin", contenu: Buffer.from("\xd0\xcf\x11\xe0 VBA", "latin1") }]),
    );
    expect(macros).toMatchObject({ status: 415, code: "document-actif" });
    expect(macros.message).toContain("Enregistrez une copie sans macros");
    expect(
      await envoyer(
        "redaction.odt",
        odt([{ nom: "Basic/Standard/Module1.xml", contenu: Buffer.from("Sub Main") }]),
      ),
    ).toMatchObject({ code: "document-actif" });
    // Un programme Windows caché dans une image, et un autre dans un objet OLE intégré stocké tel quel.
    const pe = Buffer.concat([
      Buffer.from("MZ\x90\x00", "latin1"),
      Buffer.alloc(60),
      Buffer.from("This program cannot be run in DOS mode."),
    ]);
    expect(await envoyer("a.docx", docx("x", [{ nom: "word/media/image1.png", contenu: pe }]))).toMatchObject(
      {
        code: "document-actif",
        message: expect.stringContaining("programme intégré"),
      },
    );
    const ole = Buffer.concat([
      Buffer.from("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "latin1"),
      Buffer.alloc(3000),
      pe,
    ]);
    expect(
      await envoyer(
        "b.docx",
        docx("x", [{ nom: "word/embeddings/oleObject1.bin", contenu: ole, stocke: true }]),
      ),
    ).toMatchObject({ code: "document-actif" });
  });

  it("bombe zip : un docx de 200 Mo une fois décompressé est refusé (tailles déclarées ou falsifiées)", async () => {
    const zeros = await zerosCompresses(200 * 1024 * 1024);
    expect(zeros.deflate.length).toBeLessThan(400_000);
    const honnete = docx("x", [{ nom: "word/media/image1.png", brut: zeros }]);
    const r = await envoyer("bombe.docx", honnete);
    expect(r).toMatchObject({ status: 415, code: "document-demesure" });
    expect(r.message).toMatch(/plus de 200\u00a0Mo une fois ouvert \(au plus 100,\d\u00a0Mo\)/);
    // Les mêmes octets qui prétendent n'en faire que 1 000 : la décompression s'arrête au 1 001e.
    const menteur = docx("x", [{ nom: "word/media/image1.png", brut: { ...zeros, taille: 1000 } }]);
    expect(await envoyer("menteur.docx", menteur)).toMatchObject({ status: 415, code: "document-illisible" });
    // Une archive sans répertoire central (coupée) ne peut pas être vérifiée.
    const coupee = docx().subarray(0, docx().length - 30);
    expect(await envoyer("coupe.docx", coupee)).toMatchObject({ code: "document-illisible" });
    void zip;
  });
});
