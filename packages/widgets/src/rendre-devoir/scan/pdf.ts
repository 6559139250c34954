/** One page of the PDF: a baseline JPEG (as the browser's canvas encodes it) and its pixel size. */
export interface PageJpeg {
  jpeg: Uint8Array;
  largeur: number;
  hauteur: number;
}

/** A4 in PDF points (1/72 in): 210 × 297 mm. */
export const A4_POINTS = { largeur: 595.28, hauteur: 841.89 } as const;

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A PDF text string in UTF-16BE hex (`<FEFF…>`): any title, no escaping pitfalls. */
function texteHex(s: string): string {
  let h = "<FEFF";
  for (let i = 0; i < s.length; i++) h += s.charCodeAt(i).toString(16).padStart(4, "0");
  return `${h}>`;
}

/**
 * Writes a PDF 1.4 of one A4 portrait page per JPEG (embedded as is, `/DCTDecode`, drawn over the whole
 * page): catalog, page tree (object 2, at the start of the file: a bounded reader finds `/Count` in the
 * first bytes), document info, then per page its `/Page`, image and content stream, and an exact
 * cross-reference table. Returns the file's bytes as parts (for a `Blob`, no copy).
 *
 * @example
 * const parts = ecrirePdf([{ jpeg, largeur: 1240, hauteur: 1754 }], "Rédaction");
 * new File(parts, "redaction.pdf", { type: "application/pdf" });
 */
export function ecrirePdf(pages: readonly PageJpeg[], titre: string): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const decalages: number[] = [];
  let position = 0;
  const pousser = (b: Uint8Array): void => {
    parts.push(b);
    position += b.length;
  };
  const objet = (n: number, corps: string): void => {
    decalages[n] = position;
    pousser(latin1(`${n} 0 obj\n${corps}\nendobj\n`));
  };
  const { largeur: L, hauteur: H } = A4_POINTS;
  pousser(latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"));
  objet(1, "<< /Type /Catalog /Pages 2 0 R >>");
  const kids = pages.map((_, i) => `${4 + 3 * i} 0 R`).join(" ");
  objet(2, `<< /Type /Pages /Count ${pages.length} /Kids [${kids}] >>`);
  objet(3, `<< /Title ${texteHex(titre)} /Producer (Trousse) >>`);
  pages.forEach((p, i) => {
    const n = 4 + 3 * i;
    objet(
      n,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${L} ${H}] /Resources << /XObject << /Im0 ${n + 1} 0 R >> >> /Contents ${n + 2} 0 R >>`,
    );
    decalages[n + 1] = position;
    pousser(
      latin1(
        `${n + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${p.largeur} /Height ${p.hauteur} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`,
      ),
    );
    pousser(p.jpeg);
    pousser(latin1("\nendstream\nendobj\n"));
    const dessin = `q ${L} 0 0 ${H} 0 0 cm /Im0 Do Q`;
    objet(n + 2, `<< /Length ${dessin.length} >>\nstream\n${dessin}\nendstream`);
  });
  const taille = 4 + 3 * pages.length;
  const xref = position;
  let table = `xref\n0 ${taille}\n0000000000 65535 f \n`;
  for (let n = 1; n < taille; n++) table += `${String(decalages[n]).padStart(10, "0")} 00000 n \n`;
  pousser(
    latin1(`${table}trailer\n<< /Size ${taille} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`),
  );
  return parts;
}
