/** Échantillons de fichiers construits octet par octet pour les tests (aucun fichier binaire versionné). */

/** Un PDF minimal valide de `taille` octets (en-tête, objet, fin). */
export function pdf(taille = 2000, graine = 1): Buffer {
  const entete = Buffer.from(
    "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "latin1",
  );
  const fin = Buffer.from("\n%%EOF\n");
  const corps = Buffer.alloc(Math.max(0, taille - entete.length - fin.length));
  for (let i = 0; i < corps.length; i++) corps[i] = 0x41 + ((i * 7 + graine) % 26);
  return Buffer.concat([entete, corps, fin]);
}

/** Un PDF de `pages` pages (arbre des pages en tête, table xref) : ce qu'écrit « Photographier ma copie ». */
export function pdfDePages(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(" ");
  const objets = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] >>"),
  ];
  let texte = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const decalages = objets.map((o, i) => {
    const d = texte.length;
    texte += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return d;
  });
  const xref = texte.length;
  texte += `xref\n0 ${objets.length + 1}\n0000000000 65535 f \n`;
  for (const d of decalages) texte += `${String(d).padStart(10, "0")} 00000 n \n`;
  texte += `trailer\n<< /Size ${objets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(texte, "latin1");
}

/** Une image PNG 1×1 valide. */
export function png(): Buffer {
  return Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
      "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );
}

/** Un exécutable Windows (en-tête MZ/PE) — renommé en `.pdf` par les tests. */
export function executable(): Buffer {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}
