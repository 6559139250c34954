import { crc32, createDeflateRaw, deflateRawSync, deflateSync } from "node:zlib";

/** Une entrée d'archive à construire : contenu, ou (bombe) données déjà compressées et tailles à déclarer. */
export interface EntreeAConstruire {
  nom: string;
  contenu?: Buffer;
  stocke?: boolean;
  /** Données deflate déjà faites (bombe zip), avec la taille et le CRC décompressés à déclarer. */
  brut?: { deflate: Buffer; taille: number; crc: number };
}

/**
 * Construit une vraie archive zip (en-têtes locaux, répertoire central, fin) — les docx, xlsx, odt… en
 * sont. Les entrées sont compressées (deflate) sauf `stocke`.
 *
 * @example
 * const docx = zip([{ nom: "[Content_Types].xml", contenu: Buffer.from("<Types/>") }]);
 */
export function zip(entrees: EntreeAConstruire[]): Buffer {
  const locaux: Buffer[] = [];
  const central: Buffer[] = [];
  let position = 0;
  for (const e of entrees) {
    const nom = Buffer.from(e.nom, "utf8");
    const contenu = e.contenu ?? Buffer.alloc(0);
    const methode = e.stocke ? 0 : 8;
    const donnees = e.brut ? e.brut.deflate : e.stocke ? contenu : deflateRawSync(contenu);
    const taille = e.brut ? e.brut.taille : contenu.length;
    const crc = e.brut ? e.brut.crc : crc32(contenu);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(methode, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(donnees.length, 18);
    local.writeUInt32LE(taille, 22);
    local.writeUInt16LE(nom.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(methode, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(donnees.length, 20);
    c.writeUInt32LE(taille, 24);
    c.writeUInt16LE(nom.length, 28);
    c.writeUInt32LE(position, 42);
    locaux.push(local, nom, donnees);
    central.push(c, nom);
    position += 30 + nom.length + donnees.length;
  }
  const rep = Buffer.concat(central);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(entrees.length, 8);
  fin.writeUInt16LE(entrees.length, 10);
  fin.writeUInt32LE(rep.length, 12);
  fin.writeUInt32LE(position, 16);
  return Buffer.concat([...locaux, rep, fin]);
}

const TYPES_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** Les entrées d'un docx minimal (Word l'ouvre), plus `autres`. */
export function docx(texte = "Ma rédaction.", autres: EntreeAConstruire[] = []): Buffer {
  return zip([
    { nom: "[Content_Types].xml", contenu: Buffer.from(TYPES_DOCX) },
    {
      nom: "word/document.xml",
      contenu: Buffer.from(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${texte}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
    ...autres,
  ]);
}

/** Un odt minimal (`mimetype` stocké en premier), plus `autres`. */
export function odt(autres: EntreeAConstruire[] = []): Buffer {
  return zip([
    { nom: "mimetype", contenu: Buffer.from("application/vnd.oasis.opendocument.text"), stocke: true },
    { nom: "content.xml", contenu: Buffer.from("<office:document-content/>") },
    { nom: "META-INF/manifest.xml", contenu: Buffer.from("<manifest:manifest/>") },
    ...autres,
  ]);
}

/** `octets` zéros compressés en flux (mémoire bornée), pour une bombe zip. */
export async function zerosCompresses(
  octets: number,
): Promise<{ deflate: Buffer; taille: number; crc: number }> {
  const bloc = Buffer.alloc(1 << 20);
  const deflate = createDeflateRaw({ level: 9 });
  const sortie: Buffer[] = [];
  deflate.on("data", (m: Buffer) => sortie.push(m));
  const fini = new Promise((ok) => deflate.on("end", ok));
  let crc = 0;
  for (let fait = 0; fait < octets; fait += bloc.length) {
    const m = bloc.subarray(0, Math.min(bloc.length, octets - fait));
    crc = crc32(m, crc);
    if (!deflate.write(m)) await new Promise((ok) => deflate.once("drain", ok));
  }
  deflate.end();
  await fini;
  return { deflate: Buffer.concat(sortie), taille: octets, crc };
}

/** Un PDF réel à partir de ses objets (`n 0 obj … endobj`), avec sa table xref. */
export function pdfAvec(objets: (string | Buffer)[]): Buffer {
  const parties: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const positions: number[] = [];
  let position = parties[0]!.length;
  objets.forEach((o, i) => {
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      typeof o === "string" ? Buffer.from(o, "latin1") : o,
      Buffer.from("\nendobj\n"),
    ]);
    positions.push(position);
    parties.push(b);
    position += b.length;
  });
  const xref =
    `xref\n0 ${objets.length + 1}\n0000000000 65535 f \n` +
    positions.map((p) => `${String(p).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<< /Size ${objets.length + 1} /Root 1 0 R >>\nstartxref\n${position}\n%%EOF\n`;
  parties.push(Buffer.from(xref));
  return Buffer.concat(parties);
}

/** Un flux d'objets PDF (`/Type /ObjStm`) compressé (FlateDecode) qui contient `objets` (numérotés à partir de `premier`). */
export function fluxObjets(premier: number, objets: string[]): Buffer {
  let decalages = "";
  let corps = "";
  objets.forEach((o, i) => {
    decalages += `${premier + i} ${corps.length} `;
    corps += `${o}\n`;
  });
  const donnees = deflateSync(Buffer.from(decalages + corps, "latin1"));
  return Buffer.concat([
    Buffer.from(
      `<< /Type /ObjStm /N ${objets.length} /First ${decalages.length} /Filter /FlateDecode /Length ${donnees.length} >>\nstream\n`,
    ),
    donnees,
    Buffer.from("\nendstream"),
  ]);
}
