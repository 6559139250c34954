// Échantillons d'octets réels fabriqués pour les tests (pas de fichiers binaires dans le dépôt).

/** Octets d'un texte (UTF-8 ; caractères Latin-1 pour `\xNN` via `latin1`). */
export function octets(texte: string): Uint8Array {
  const r: number[] = [];
  for (const c of texte) {
    const p = c.codePointAt(0) ?? 0;
    if (p < 0x80) r.push(p);
    else if (p < 0x800) r.push(0xc0 | (p >> 6), 0x80 | (p & 0x3f));
    else if (p < 0x10000) r.push(0xe0 | (p >> 12), 0x80 | ((p >> 6) & 0x3f), 0x80 | (p & 0x3f));
    else r.push(0xf0 | (p >> 18), 0x80 | ((p >> 12) & 0x3f), 0x80 | ((p >> 6) & 0x3f), 0x80 | (p & 0x3f));
  }
  return new Uint8Array(r);
}

/** Octets bruts depuis une chaîne où chaque caractère est un octet (0–255). */
export function latin1(texte: string): Uint8Array {
  return Uint8Array.from(texte, (c) => c.charCodeAt(0) & 0xff);
}

/** Octets depuis de l'hexadécimal (« 89 50 4e 47 »). */
export function hex(texte: string): Uint8Array {
  const propre = texte.replace(/\s+/g, "");
  return Uint8Array.from({ length: propre.length / 2 }, (_, i) =>
    parseInt(propre.slice(i * 2, i * 2 + 2), 16),
  );
}

/** Concatène des morceaux d'octets. */
export function concat(...morceaux: (Uint8Array | number[])[]): Uint8Array {
  const total = morceaux.reduce((s, m) => s + m.length, 0);
  const r = new Uint8Array(total);
  let i = 0;
  for (const m of morceaux) {
    r.set(m, i);
    i += m.length;
  }
  return r;
}

const le16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** Une archive zip (entrées « stockées » sans compression), en-têtes locaux puis répertoire central. */
export function zip(entrees: [string, string][]): Uint8Array {
  const locaux: Uint8Array[] = [];
  for (const [nom, contenu] of entrees) {
    const n = octets(nom);
    const c = octets(contenu);
    locaux.push(
      concat(
        [0x50, 0x4b, 0x03, 0x04],
        le16(20),
        le16(0),
        le16(0),
        le16(0),
        le16(0),
        le32(0),
        le32(c.length),
        le32(c.length),
        le16(n.length),
        le16(0),
        n,
        c,
      ),
    );
  }
  return concat(...locaux, [0x50, 0x4b, 0x05, 0x06], new Array<number>(18).fill(0));
}

/** Un PNG 1×1 valide complet (signature, IHDR, IDAT, IEND avec leurs CRC). */
export const PNG_1X1 = hex(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001" +
    "ff89993d1d0000000049454e44ae426082",
);

/** Un en-tête PDF réaliste. */
export const PDF = latin1(
  "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
);

/** Un en-tête d'exécutable Windows (MZ … PE). */
export const MZ = concat(
  latin1("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),
  new Array<number>(50).fill(0),
  latin1("This program cannot be run in DOS mode."),
);

/** Une boîte ftyp ISO-BMFF avec la marque principale donnée. */
export function ftyp(marque: string, ...compatibles: string[]): Uint8Array {
  const corps = latin1(`ftyp${marque}\x00\x00\x00\x00${[marque, ...compatibles].join("")}`);
  return concat([0, 0, 0, corps.length + 4], corps, latin1("\x00\x00\x00\x08free"));
}

/** Un fichier OLE (CFB) dont le répertoire contient le nom de flux donné (UTF-16LE). */
export function ole(flux: string): Uint8Array {
  const entete = concat(hex("d0cf11e0a1b11ae1"), new Array<number>(504).fill(0));
  const nom = Array.from(flux).flatMap((c) => [c.charCodeAt(0), 0]);
  const racine = Array.from("Root Entry").flatMap((c) => [c.charCodeAt(0), 0]);
  return concat(
    entete,
    racine,
    new Array<number>(128 - racine.length).fill(0),
    nom,
    new Array<number>(128 - nom.length).fill(0),
  );
}

// Les quatre contenus actifs de l'issue 9 (constat 10) : stockés comme texte ou image, ils exécutent du
// script une fois enregistrés et ouverts depuis le disque sous leur extension active.

/** Une page HTML qui commence par `<p>`, puis 5 000 espaces (au-delà des octets examinés), puis le script. */
export const HTML_APRES_ESPACES = octets(`<p>${" ".repeat(5000)}<html><script>alert(1)</script></html>`);

/** Des octets magiques JPEG suivis de HTML (un polyglotte, à nommer `.html`). */
export const JPEG_PUIS_HTML = concat(
  hex("ffd8ffe000104a46494600010100000100010000"),
  octets("<html><script>alert(1)</script></html>"),
);

/** Un SVG après deux instructions `<?xml …?>`. */
export const SVG_APRES_DEUX_XML = octets(
  '<?xml version="1.0"?>\n<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

/** Un SVG dont le DOCTYPE a un sous-ensemble interne (des `>` avant la fin du DOCTYPE). */
export const SVG_DOCTYPE_INTERNE = octets(
  '<!DOCTYPE svg [\n  <!ENTITY x "<b>gras</b>">\n  <!ATTLIST svg onload CDATA "alert(1)">\n]>\n' +
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);
