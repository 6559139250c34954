// Les fichiers que les bancs envoient.
import { randomBytes } from "node:crypto";

/**
 * Une copie scannée comme l'écrit « Photographier ma copie » : un PDF d'une page dont presque tous les octets
 * sont ceux d'une image JPEG (flux `/DCTDecode`, ici des octets aléatoires), de `taille` octets en tout.
 * C'est ce que l'analyse des PDF (contenu actif) lit le plus vite : le contenu d'un flux est sauté.
 *
 * @example
 * const pdf = copieScannee(3_000_000);
 */
export function copieScannee(taille: number): Buffer {
  const { debut, octetsImage, fin } = partiesCopieScannee(taille);
  return Buffer.concat([debut, randomBytes(octetsImage), fin]);
}

/**
 * Les parties d'une copie scannée de `taille` octets : ce qui précède les octets de l'image (en-tête,
 * objets, dictionnaire de l'image et `stream`), leur nombre, et ce qui suit (`endstream`, fin du PDF) — pour
 * écrire un gros fichier par blocs.
 *
 * @example
 * const { debut, octetsImage, fin } = partiesCopieScannee(1024 ** 3);
 */
export function partiesCopieScannee(taille: number): { debut: Buffer; octetsImage: number; fin: Buffer } {
  const objets = Buffer.from(
    "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" +
      "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
      "2 0 obj\n<< /Type /Pages /Count 1 /Kids [3 0 R] >>\nendobj\n" +
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>\nendobj\n",
    "latin1",
  );
  const contenu = "q 595 0 0 842 0 0 cm /Im0 Do Q";
  const fin = Buffer.from(
    `\nendstream\nendobj\n5 0 obj\n<< /Length ${contenu.length} >>\nstream\n${contenu}\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n`,
    "latin1",
  );
  const enteteImage = (n: number) =>
    Buffer.from(
      `4 0 obj\n<< /Type /XObject /Subtype /Image /Width 1241 /Height 1754 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${n} >>\nstream\n`,
      "latin1",
    );
  // La longueur écrite dans le dictionnaire change la taille de l'en-tête : on cherche le point fixe.
  let octetsImage = taille - objets.length - fin.length - enteteImage(0).length;
  for (let i = 0; i < 3; i++)
    octetsImage = taille - objets.length - fin.length - enteteImage(octetsImage).length;
  return { debut: Buffer.concat([objets, enteteImage(octetsImage)]), octetsImage, fin };
}

/**
 * Le pire cas de l'analyse des PDF : un en-tête PDF puis des octets aléatoires hors de tout flux (chaque octet
 * passe par le découpage en jetons). Les bancs d'avant envoyaient ce fichier.
 *
 * @example
 * const pdf = octetsHorsFlux(3_000_000);
 */
export function octetsHorsFlux(taille: number): Buffer {
  const entete = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  return Buffer.concat([entete, randomBytes(taille - entete.length)]);
}
