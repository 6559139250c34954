// Coût de l'examen des documents à la fin d'un envoi (issue 9, constat 11), comparé au sha256 du même fichier
// (ce que l'envoi calcule déjà) mesuré dans la même exécution. Imprime des chiffres, ne juge pas.
// Usage : `npx -y pnpm@12.20.0 turbo run build --filter=@trousse/api... && node --import tsx bench/inspection-documents.ts`
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { deflateRawSync } from "node:zlib";
import { inspecterDocument } from "../apps/api/dist/televersements/inspecter-document.js";
import { zip } from "../apps/api/src/televersements/test-support/documents.js";

const MIO = 1024 * 1024;

async function sha256(chemin: string): Promise<void> {
  const h = createHash("sha256");
  for await (const m of createReadStream(chemin, { highWaterMark: 1 << 20 })) h.update(m as Buffer);
  h.digest();
}

async function mesurer(nom: string, chemin: string, taille: number, extension: string): Promise<void> {
  const type = { mime: "application/octet-stream", extension, famille: "document" as const };
  const t0 = performance.now();
  await sha256(chemin);
  const t1 = performance.now();
  await inspecterDocument(chemin, taille, type, nom);
  const t2 = performance.now();
  const debit = (ms: number) => ((taille / MIO) * 1000) / ms;
  console.log(
    `${nom.padEnd(36)} ${(taille / MIO).toFixed(0).padStart(4)} Mio  examen ${(t2 - t1).toFixed(0).padStart(6)} ms (${debit(t2 - t1).toFixed(0)} Mio/s)  sha256 ${(t1 - t0).toFixed(0).padStart(6)} ms (${debit(t1 - t0).toFixed(0)} Mio/s)`,
  );
}

const dossier = await mkdtemp(path.join(tmpdir(), "bench-inspection-"));
try {
  // Un PDF réaliste : ses pages et images sont des flux (sautés par indexOf).
  const flux = randomBytes(4 * MIO)
    .toString("latin1")
    .replace(/endstream/g, "endstreaX");
  let pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  for (let i = 1; i <= 64; i++)
    pdf += `${i} 0 obj << /Length ${flux.length} /Filter /DCTDecode >>\nstream\n${flux}\nendstream\nendobj\n`;
  pdf += "trailer << /Root 1 0 R >>\n%%EOF\n";
  const realiste = path.join(dossier, "realiste.pdf");
  await writeFile(realiste, Buffer.from(pdf, "latin1"));
  await mesurer("PDF de 64 images (flux)", realiste, Buffer.byteLength(pdf, "latin1"), "pdf");
  // Le pire cas : des octets aléatoires derrière un en-tête PDF (aucun flux : tout est lu jeton par jeton).
  const aleatoire = path.join(dossier, "aleatoire.pdf");
  const brut = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(256 * MIO)]);
  await writeFile(aleatoire, brut);
  await mesurer("PDF d'octets aléatoires (pire cas)", aleatoire, brut.length, "pdf");
  // Un docx de 40 Mio de XML (compressé ~20×) et 4 photos stockées.
  const xml = Buffer.from(
    "<w:p><w:r><w:t>Une phrase de rédaction assez ordinaire.</w:t></w:r></w:p>".repeat(500_000),
  );
  const photos = Array.from({ length: 4 }, (_, i) => ({
    nom: `word/media/image${i}.jpg`,
    contenu: randomBytes(8 * MIO),
    stocke: true,
  }));
  const docx = zip([
    { nom: "[Content_Types].xml", contenu: Buffer.from("<Types/>") },
    { nom: "word/document.xml", contenu: xml },
    ...photos,
  ]);
  void deflateRawSync;
  const cheminDocx = path.join(dossier, "gros.docx");
  await writeFile(cheminDocx, docx);
  await mesurer(
    `docx (${(xml.length / MIO).toFixed(0)} Mio de XML + photos)`,
    cheminDocx,
    docx.length,
    "docx",
  );
} finally {
  await rm(dossier, { recursive: true, force: true });
}
