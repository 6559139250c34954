import { crc32 } from "node:zlib";

export interface EntreeLue {
  nom: string;
  contenu: Buffer;
  crc: number;
  drapeaux: number;
  zip64: boolean;
}

/** Lecteur ZIP minimal (répertoire central, ZIP64 compris) pour vérifier ce que `creerZip` écrit. */
export function lireZip(zip: Buffer): { entrees: EntreeLue[]; zip64: boolean } {
  const fin = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (fin < 0) throw new Error("fin de répertoire central introuvable");
  let nombre = zip.readUInt16LE(fin + 10);
  let debut = zip.readUInt32LE(fin + 16);
  let zip64 = false;
  if (nombre === 0xffff || debut === 0xffffffff) {
    zip64 = true;
    const loc = fin - 20;
    if (zip.readUInt32LE(loc) !== 0x07064b50) throw new Error("localisateur ZIP64 absent");
    const rec = Number(zip.readBigUInt64LE(loc + 8));
    if (zip.readUInt32LE(rec) !== 0x06064b50) throw new Error("fin ZIP64 absente");
    nombre = Number(zip.readBigUInt64LE(rec + 32));
    debut = Number(zip.readBigUInt64LE(rec + 48));
  }
  const entrees: EntreeLue[] = [];
  let p = debut;
  for (let i = 0; i < nombre; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`entrée centrale ${i} invalide`);
    const drapeaux = zip.readUInt16LE(p + 8);
    const crc = zip.readUInt32LE(p + 16);
    let taille = zip.readUInt32LE(p + 24);
    const ln = zip.readUInt16LE(p + 28);
    const le = zip.readUInt16LE(p + 30);
    const lc = zip.readUInt16LE(p + 32);
    let offset = zip.readUInt32LE(p + 42);
    const nom = zip.subarray(p + 46, p + 46 + ln).toString("utf8");
    const extra = zip.subarray(p + 46 + ln, p + 46 + ln + le);
    let entreeZip64 = false;
    if (extra.length >= 4 && extra.readUInt16LE(0) === 1) {
      entreeZip64 = true;
      let q = 4;
      if (taille === 0xffffffff) {
        taille = Number(extra.readBigUInt64LE(q + 8));
        q += 16;
      }
      if (offset === 0xffffffff) offset = Number(extra.readBigUInt64LE(q));
    }
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`en-tête local de ${nom} invalide`);
    const lnl = zip.readUInt16LE(offset + 26);
    const lel = zip.readUInt16LE(offset + 28);
    const data = offset + 30 + lnl + lel;
    const contenu = zip.subarray(data, data + taille);
    if (crc32(contenu) !== crc) throw new Error(`CRC32 faux pour ${nom}`);
    const desc = zip.subarray(data + taille, data + taille + 4);
    if (desc.readUInt32LE(0) !== 0x08074b50) throw new Error(`descripteur de ${nom} absent`);
    entrees.push({ nom, contenu, crc, drapeaux, zip64: entreeZip64 });
    p += 46 + ln + le + lc;
  }
  return { entrees, zip64 };
}
