import { Readable } from "node:stream";
import { crc32 } from "node:zlib";

/** Une entrée d'archive : son chemin dans l'archive, sa taille exacte et une source à lire au moment voulu. */
export interface EntreeZip {
  /** Chemin dans l'archive, avec `/` comme séparateur (UTF-8). */
  nom: string;
  /** Taille exacte en octets (vérifiée pendant l'écriture). */
  taille: number;
  /** Date de modification affichée. */
  date?: Date;
  /** Ouvre le contenu ; appelée seulement quand l'entrée est écrite (un seul fichier ouvert à la fois). */
  ouvrir: () =>
    | Readable
    | Iterable<Uint8Array>
    | AsyncIterable<Uint8Array>
    | Promise<Readable | Iterable<Uint8Array> | AsyncIterable<Uint8Array>>;
}

export interface OptionsZip {
  /** Force le format ZIP64 pour toutes les entrées (utile aux tests) ; sinon seulement si nécessaire. */
  zip64Toujours?: boolean;
}

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const DRAPEAUX = 0x0008 | 0x0800; // descripteur de données après le contenu + noms en UTF-8

function dateDos(date: Date): { heure: number; jour: number } {
  const annee = Math.max(1980, date.getFullYear());
  return {
    heure: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    jour: ((annee - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Ecrite {
  nom: Buffer;
  crc: number;
  taille: number;
  offset: number;
  heure: number;
  jour: number;
  zip64: boolean;
}

function enteteLocal(nom: Buffer, heure: number, jour: number, zip64: boolean): Buffer {
  const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2); // tailles à zéro : elles suivent dans le descripteur
  }
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(DRAPEAUX, 6);
  h.writeUInt16LE(0, 8); // méthode : stockée (les rendus — PDF, photos, vidéos — sont déjà compressés)
  h.writeUInt16LE(heure, 10);
  h.writeUInt16LE(jour, 12);
  h.writeUInt32LE(0, 14);
  h.writeUInt32LE(zip64 ? MAX32 : 0, 18);
  h.writeUInt32LE(zip64 ? MAX32 : 0, 22);
  h.writeUInt16LE(nom.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, nom, extra]);
}

function descripteur(crc: number, taille: number, zip64: boolean): Buffer {
  const d = Buffer.alloc(zip64 ? 24 : 16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(crc, 4);
  if (zip64) {
    d.writeBigUInt64LE(BigInt(taille), 8);
    d.writeBigUInt64LE(BigInt(taille), 16);
  } else {
    d.writeUInt32LE(taille, 8);
    d.writeUInt32LE(taille, 12);
  }
  return d;
}

function enteteCentral(e: Ecrite): Buffer {
  const grandeTaille = e.zip64 || e.taille >= MAX32;
  const grandOffset = e.offset >= MAX32;
  const champs: bigint[] = [];
  if (grandeTaille) champs.push(BigInt(e.taille), BigInt(e.taille));
  if (grandOffset) champs.push(BigInt(e.offset));
  const extra = Buffer.alloc(champs.length ? 4 + 8 * champs.length : 0);
  if (champs.length) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * champs.length, 2);
    champs.forEach((v, i) => extra.writeBigUInt64LE(v, 4 + 8 * i));
  }
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | 45, 4); // créé par : Unix, version 4.5
  h.writeUInt16LE(champs.length ? 45 : 20, 6);
  h.writeUInt16LE(DRAPEAUX, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(e.heure, 12);
  h.writeUInt16LE(e.jour, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(grandeTaille ? MAX32 : e.taille, 20);
  h.writeUInt32LE(grandeTaille ? MAX32 : e.taille, 24);
  h.writeUInt16LE(e.nom.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(0, 36);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // fichier ordinaire rw-r--r--
  h.writeUInt32LE(grandOffset ? MAX32 : e.offset, 42);
  return Buffer.concat([h, e.nom, extra]);
}

function fin(nombre: number, debutCentral: number, tailleCentral: number, forcer: boolean): Buffer {
  const zip64 = forcer || nombre >= MAX16 || debutCentral >= MAX32 || tailleCentral >= MAX32;
  const parts: Buffer[] = [];
  if (zip64) {
    const r = Buffer.alloc(56);
    r.writeUInt32LE(0x06064b50, 0);
    r.writeBigUInt64LE(44n, 4);
    r.writeUInt16LE((3 << 8) | 45, 12);
    r.writeUInt16LE(45, 14);
    r.writeUInt32LE(0, 16);
    r.writeUInt32LE(0, 20);
    r.writeBigUInt64LE(BigInt(nombre), 24);
    r.writeBigUInt64LE(BigInt(nombre), 32);
    r.writeBigUInt64LE(BigInt(tailleCentral), 40);
    r.writeBigUInt64LE(BigInt(debutCentral), 48);
    const l = Buffer.alloc(20);
    l.writeUInt32LE(0x07064b50, 0);
    l.writeUInt32LE(0, 4);
    l.writeBigUInt64LE(BigInt(debutCentral + tailleCentral), 8);
    l.writeUInt32LE(1, 16);
    parts.push(r, l);
  }
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(zip64 ? MAX16 : nombre, 8);
  e.writeUInt16LE(zip64 ? MAX16 : nombre, 10);
  e.writeUInt32LE(zip64 ? MAX32 : tailleCentral, 12);
  e.writeUInt32LE(zip64 ? MAX32 : debutCentral, 16);
  parts.push(e);
  return Buffer.concat(parts);
}

async function* produire(
  entrees: Iterable<EntreeZip> | AsyncIterable<EntreeZip>,
  options: OptionsZip,
): AsyncGenerator<Buffer> {
  const ecrites: Ecrite[] = [];
  const noms = new Set<string>();
  let position = 0;
  // Les petits morceaux (en-têtes, descripteurs, petits fichiers) sont regroupés par 64 Kio.
  let tampon: Buffer[] = [];
  let enTampon = 0;
  const ajouter = (b: Buffer): void => {
    tampon.push(b);
    enTampon += b.length;
    position += b.length;
  };
  const vider = (): Buffer => {
    const b = tampon.length === 1 ? tampon[0]! : Buffer.concat(tampon);
    tampon = [];
    enTampon = 0;
    return b;
  };
  for await (const entree of entrees) {
    if (noms.has(entree.nom)) throw new Error(`entrée en double dans l'archive : ${entree.nom}`);
    noms.add(entree.nom);
    const nom = Buffer.from(entree.nom.normalize("NFC"), "utf8");
    const { heure, jour } = dateDos(entree.date ?? new Date());
    const zip64 = options.zip64Toujours === true || entree.taille >= MAX32;
    const offset = position;
    ajouter(enteteLocal(nom, heure, jour, zip64));
    let crc = 0;
    let lus = 0;
    for await (const morceau of await entree.ouvrir()) {
      const octets = Buffer.isBuffer(morceau) ? morceau : Buffer.from(morceau);
      crc = crc32(octets, crc);
      lus += octets.length;
      if (lus > entree.taille)
        throw new Error(`le fichier ${entree.nom} est plus long que prévu (${entree.taille} octets)`);
      ajouter(octets);
      if (enTampon >= 1 << 16) yield vider();
    }
    if (lus !== entree.taille)
      throw new Error(`le fichier ${entree.nom} fait ${lus} octets au lieu de ${entree.taille}`);
    ajouter(descripteur(crc, lus, zip64));
    if (enTampon >= 1 << 16) yield vider();
    ecrites.push({ nom, crc, taille: lus, offset, heure, jour, zip64 });
  }
  const debutCentral = position;
  for (const e of ecrites) {
    ajouter(enteteCentral(e));
    if (enTampon >= 1 << 16) yield vider();
  }
  const tailleCentral = position - debutCentral;
  ajouter(fin(ecrites.length, debutCentral, tailleCentral, options.zip64Toujours === true));
  yield vider();
}

/**
 * Écrit une archive ZIP en flux : chaque fichier est lu au moment où il est écrit (jamais tout en mémoire),
 * stocké sans recompression, avec CRC32, descripteur de données, noms UTF-8 et ZIP64 dès qu'une taille ou
 * une position dépasse 4 Gio ou que l'archive compte plus de 65 535 entrées.
 *
 * @example
 * const zip = creerZip([{ nom: "Dupont Léa/devoir.pdf", taille: 1234, ouvrir: () => createReadStream(chemin) }]);
 * zip.pipe(res);
 */
export function creerZip(
  entrees: Iterable<EntreeZip> | AsyncIterable<EntreeZip>,
  options: OptionsZip = {},
): Readable {
  return Readable.from(produire(entrees, options), { objectMode: false });
}
