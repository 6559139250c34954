import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createInflateRaw, inflateSync } from "node:zlib";
import {
  AnalyseurPdf,
  detecterTypeFichier,
  limiteDecompression,
  OCTETS_DETECTION,
  refusDocumentActif,
  risqueDesEntrees,
  type FluxObjetsPdf,
  type RaisonDocumentActif,
} from "@trousse/rules";
import { erreurTeleversement } from "./erreur-televersement.js";
import type { TypeReconnu } from "./types.js";

/** Les formats bâtis sur zip que la détection accepte (les autres zips sont refusés comme inconnus). */
const ZIP = new Set(["docx", "xlsx", "pptx", "odt", "ods", "odp", "odg", "epub"]);
/** Les anciens formats Office (stockage composé OLE). */
const OLE = new Set(["doc", "xls", "ppt"]);
/** Le talon DOS de presque tout programme Windows : un programme caché dans un objet intégré. */
const TALONS_PE = ["This program cannot be run in DOS mode", "This program must be run under Win32"].map(
  (t) => Buffer.from(t, "latin1"),
);
const VBA_OLE = Buffer.from("_VBA_PROJECT", "utf16le");
/** Bornes de la lecture du répertoire central d'un zip (mémoire bornée quel que soit le fichier). */
const REPERTOIRE_MAX_OCTETS = 64 * 1024 * 1024;
const ENTREES_MAX = 100_000;
/** Un flux d'objets PDF décompressé au-delà de cette taille n'est pas examiné (refusé comme illisible). */
const FLUX_OBJETS_MAX = 64 * 1024 * 1024;

class Refus extends Error {
  constructor(
    readonly raison: RaisonDocumentActif,
    readonly details: { decompresse?: number; limite?: number } = {},
  ) {
    super(raison);
  }
}

/**
 * Examine un document entièrement reçu, là où l'envoi se termine, pour y trouver du contenu actif :
 * - **PDF** : lu en flux par `AnalyseurPdf` des règles (noms décodés, chaînes et flux sautés) ; ses flux
 *   d'objets (`/ObjStm`, FlateDecode) sont décompressés (bornés) et analysés à leur tour ; refus de
 *   `/JavaScript`, `/JS`, `/Launch` ;
 * - **docx, xlsx, pptx, odt, ods, odp, odg, epub** : le répertoire central du zip est lu (sans rien
 *   décompresser) : noms des entrées (macros, programmes : `risqueDesEntrees`), entrées chiffrées ou d'une
 *   méthode inconnue, total **déclaré** au-delà de `limiteDecompression` ; puis chaque entrée compressée est
 *   décompressée en flux en comptant les octets **réels** (arrêt dès que l'entrée dépasse sa taille déclarée
 *   ou le total la limite : une bombe ne coûte jamais plus que la limite), et ses premiers octets sont
 *   reconnus (un programme caché) ;
 * - **doc, xls, ppt** : projet VBA (`_VBA_PROJECT`) ou programme Windows intégré, cherchés en flux.
 * Lève une `ErreurTeleversement` 415 (`document-actif`, `document-demesure`, `document-illisible`) avec le
 * message des règles, qui dit comment enregistrer une copie propre. Les autres types ne sont pas examinés.
 *
 * @example
 * await inspecterDocument("/data/televersements/3f…", 48_213, { mime: "application/pdf", extension: "pdf", famille: "document" }, "devoir.pdf");
 */
export async function inspecterDocument(
  chemin: string,
  taille: number,
  type: TypeReconnu,
  nom: string,
  dejaLu?: InspectionPdf,
): Promise<void> {
  try {
    if (type.extension === "pdf") {
      // Inspected while it arrived (every byte, in order): the file is not read again.
      if (dejaLu && dejaLu.octets === taille) dejaLu.conclure();
      else await inspecterPdf(chemin, taille);
    } else if (ZIP.has(type.extension)) await inspecterZip(chemin, taille);
    else if (OLE.has(type.extension)) await inspecterOle(chemin);
  } catch (erreur) {
    if (!(erreur instanceof Refus)) throw erreur;
    const refus = refusDocumentActif(nom, erreur.raison, erreur.details);
    throw erreurTeleversement(415, refus.code, refus.message);
  }
}

/**
 * L'inspection d'un PDF au fil de son arrivée (les octets dans l'ordre, depuis le premier) : les mêmes
 * contrôles que `inspecterDocument` (noms actifs, flux d'objets décompressés et analysés), pendant l'écriture
 * de l'envoi, pour ne pas relire le fichier à la fin. Le premier refus est gardé et levé par `conclure`
 * (à la fin de l'envoi, comme avant). Une erreur imprévue rend l'inspection inutilisable (`octets` = -1) :
 * le fichier sera alors relu en entier à la fin.
 *
 * @example
 * const i = new InspectionPdf(taille); i.lire(morceau); // … puis, tous les octets lus :
 * await inspecterDocument(chemin, taille, type, nom, i);
 */
export class InspectionPdf {
  /** Octets lus (depuis le début du fichier) ; -1 si l'inspection n'est plus utilisable. */
  octets = 0;
  readonly #analyseur: AnalyseurPdf;
  readonly #flux: FluxObjetsPdf[] = [];
  #budget: number;
  #refus: Refus | null = null;

  constructor(taille: number) {
    this.#analyseur = new AnalyseurPdf({ surFluxObjets: (f) => this.#flux.push(f) });
    this.#budget = limiteDecompression(taille);
  }

  /** Vrai dès qu'un contenu actif (ou illisible) a été vu. */
  get refuse(): boolean {
    return this.#refus !== null;
  }

  /** Lit le morceau suivant ; ne lève jamais. */
  lire(morceau: Uint8Array): void {
    if (this.octets < 0) return;
    this.octets += morceau.length;
    if (this.#refus) return;
    try {
      const analyseur = this.#analyseur;
      analyseur.lire(morceau);
      if (analyseur.constat === "flux-trop-grand") throw new Refus("structure");
      if (analyseur.constat) throw new Refus(analyseur.constat);
      for (const f of this.#flux.splice(0)) this.#examiner(f);
    } catch (e) {
      if (e instanceof Refus) this.#refus = e;
      else this.octets = -1;
    }
  }

  /** Lève le refus vu, s'il y en a un (`Refus`, traduit en 415 par `inspecterDocument`). */
  conclure(): void {
    if (this.#refus) throw this.#refus;
  }

  #examiner(f: FluxObjetsPdf): void {
    let contenu: Uint8Array = f.octets;
    for (const filtre of f.filtres) {
      if (filtre !== "FlateDecode" && filtre !== "Fl") throw new Refus("structure");
      try {
        contenu = inflateSync(contenu, { maxOutputLength: Math.min(FLUX_OBJETS_MAX, this.#budget) });
      } catch {
        // Chiffré (sans la clé), abîmé, ou démesuré : son contenu ne peut pas être vérifié.
        throw new Refus("structure");
      }
      this.#budget -= contenu.length;
    }
    const dedans = new AnalyseurPdf();
    dedans.lire(contenu);
    if (dedans.constat === "script-pdf" || dedans.constat === "lancement-pdf")
      throw new Refus(dedans.constat);
  }
}

async function inspecterPdf(chemin: string, taille: number): Promise<void> {
  const inspection = new InspectionPdf(taille);
  const lecture = createReadStream(chemin, { highWaterMark: 1 << 20 });
  try {
    for await (const morceau of lecture) {
      inspection.lire(morceau as Buffer);
      if (inspection.refuse) break;
    }
  } finally {
    lecture.destroy();
  }
  if (inspection.octets < 0) throw new Error("inspection du PDF impossible");
  inspection.conclure();
}

async function inspecterOle(chemin: string): Promise<void> {
  const motifs = [VBA_OLE, ...TALONS_PE];
  const recouvrement = Math.max(...motifs.map((m) => m.length)) - 1;
  let reste = Buffer.alloc(0);
  const lecture = createReadStream(chemin, { highWaterMark: 1 << 20 });
  try {
    for await (const morceau of lecture) {
      const fenetre = Buffer.concat([reste, morceau as Buffer]);
      if (fenetre.includes(VBA_OLE)) throw new Refus("macros");
      if (TALONS_PE.some((t) => fenetre.includes(t))) throw new Refus("executable-integre");
      reste = fenetre.subarray(Math.max(0, fenetre.length - recouvrement));
    }
  } finally {
    lecture.destroy();
  }
}

interface EntreeZip {
  nom: string;
  drapeaux: number;
  methode: number;
  compresse: number;
  decompresse: number;
  enTete: number;
}

async function lire(f: FileHandle, position: number, longueur: number): Promise<Buffer> {
  const tampon = Buffer.alloc(longueur);
  const { bytesRead } = await f.read(tampon, 0, longueur, position);
  return tampon.subarray(0, bytesRead);
}

/** Lit le répertoire central (zip et zip64), borné ; lève `Refus("structure")` s'il est illisible. */
async function repertoireCentral(f: FileHandle, taille: number): Promise<EntreeZip[]> {
  const queue = Math.min(taille, 22 + 65_535 + 20);
  const fin = await lire(f, taille - queue, queue);
  let eocd = -1;
  for (let i = fin.length - 22; i >= 0; i--) {
    if (fin.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new Refus("structure");
  let nombre = fin.readUInt16LE(eocd + 10);
  let tailleRep = fin.readUInt32LE(eocd + 12);
  let debutRep = fin.readUInt32LE(eocd + 16);
  if (nombre === 0xffff || tailleRep === 0xffffffff || debutRep === 0xffffffff) {
    const localisateur = eocd - 20;
    if (localisateur < 0 || fin.readUInt32LE(localisateur) !== 0x07064b50) throw new Refus("structure");
    const fin64 = await lire(f, Number(fin.readBigUInt64LE(localisateur + 8)), 56);
    if (fin64.length < 56 || fin64.readUInt32LE(0) !== 0x06064b50) throw new Refus("structure");
    nombre = Number(fin64.readBigUInt64LE(32));
    tailleRep = Number(fin64.readBigUInt64LE(40));
    debutRep = Number(fin64.readBigUInt64LE(48));
  }
  if (nombre > ENTREES_MAX || tailleRep > REPERTOIRE_MAX_OCTETS || debutRep + tailleRep > taille)
    throw new Refus("structure");
  const rep = await lire(f, debutRep, tailleRep);
  const entrees: EntreeZip[] = [];
  let i = 0;
  while (entrees.length < nombre) {
    if (i + 46 > rep.length || rep.readUInt32LE(i) !== 0x02014b50) throw new Refus("structure");
    const longNom = rep.readUInt16LE(i + 28);
    const longExtra = rep.readUInt16LE(i + 30);
    const longComm = rep.readUInt16LE(i + 32);
    const e: EntreeZip = {
      nom: rep.toString("utf8", i + 46, i + 46 + longNom),
      drapeaux: rep.readUInt16LE(i + 8),
      methode: rep.readUInt16LE(i + 10),
      compresse: rep.readUInt32LE(i + 20),
      decompresse: rep.readUInt32LE(i + 24),
      enTete: rep.readUInt32LE(i + 42),
    };
    // Champ zip64 (0x0001) : les tailles et la position à 0xFFFFFFFF y sont en 64 bits, dans cet ordre.
    let x = i + 46 + longNom;
    const finExtra = x + longExtra;
    while (x + 4 <= finExtra && finExtra <= rep.length) {
      const id = rep.readUInt16LE(x);
      const longueur = rep.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        const lire64 = () => {
          const v = p + 8 <= x + 4 + longueur ? Number(rep.readBigUInt64LE(p)) : -1;
          p += 8;
          return v;
        };
        if (e.decompresse === 0xffffffff) e.decompresse = lire64();
        if (e.compresse === 0xffffffff) e.compresse = lire64();
        if (e.enTete === 0xffffffff) e.enTete = lire64();
      }
      x += 4 + longueur;
    }
    if (e.decompresse < 0 || e.compresse < 0 || e.enTete < 0) throw new Refus("structure");
    entrees.push(e);
    i += 46 + longNom + longExtra + longComm;
  }
  return entrees;
}

function contientTalonPe(fenetre: Buffer): boolean {
  return TALONS_PE.some((t) => fenetre.includes(t));
}

async function inspecterZip(chemin: string, taille: number): Promise<void> {
  const f = await open(chemin, "r");
  try {
    const entrees = await repertoireCentral(f, taille);
    const risque = risqueDesEntrees(entrees.map((e) => e.nom));
    if (risque) throw new Refus(risque);
    const limite = limiteDecompression(taille);
    const declare = entrees.reduce((s, e) => s + e.decompresse, 0);
    if (declare > limite) throw new Refus("decompression", { decompresse: declare, limite });
    let total = 0;
    for (const e of entrees) {
      if (e.drapeaux & 0x1 || (e.methode !== 0 && e.methode !== 8)) throw new Refus("structure");
      const local = await lire(f, e.enTete, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new Refus("structure");
      const debut = e.enTete + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (debut + e.compresse > taille) throw new Refus("structure");
      if (e.compresse === 0) continue;
      if (e.methode === 0) {
        total += e.compresse;
        const tete = await lire(f, debut, Math.min(e.compresse, OCTETS_DETECTION));
        if (estProgramme(tete)) throw new Refus("executable-integre");
        // Un objet intégré stocké tel quel (oleObject*.bin, « Object 1 » d'OpenDocument) : programme caché ?
        if (/\.bin$|(^|\/)Object \d+$/i.test(e.nom)) await chercherTalonStocke(chemin, debut, e.compresse);
        continue;
      }
      total = await decompresserEntree(chemin, debut, e, total, limite);
    }
  } finally {
    await f.close();
  }
}

function estProgramme(tete: Uint8Array): boolean {
  const type = detecterTypeFichier(tete);
  return type?.famille === "executable" && type.nature === "programme";
}

async function chercherTalonStocke(chemin: string, debut: number, longueur: number): Promise<void> {
  let reste = Buffer.alloc(0);
  const lecture = createReadStream(chemin, {
    start: debut,
    end: debut + longueur - 1,
    highWaterMark: 1 << 20,
  });
  try {
    for await (const morceau of lecture) {
      const fenetre = Buffer.concat([reste, morceau as Buffer]);
      if (contientTalonPe(fenetre)) throw new Refus("executable-integre");
      reste = fenetre.subarray(Math.max(0, fenetre.length - 40));
    }
  } finally {
    lecture.destroy();
  }
}

/** Décompresse une entrée en flux, compte ses octets réels ; renvoie le nouveau total. */
async function decompresserEntree(
  chemin: string,
  debut: number,
  e: EntreeZip,
  totalAvant: number,
  limite: number,
): Promise<number> {
  const lecture = createReadStream(chemin, {
    start: debut,
    end: debut + e.compresse - 1,
    highWaterMark: 1 << 16,
  });
  const inflate = createInflateRaw();
  lecture.on("error", (err) => inflate.destroy(err));
  lecture.pipe(inflate);
  let produits = 0;
  let tete: Buffer | null = Buffer.alloc(0);
  let reste = Buffer.alloc(0);
  try {
    for await (const morceau of inflate) {
      const m = morceau as Buffer;
      produits += m.length;
      if (totalAvant + produits > limite)
        throw new Refus("decompression", { decompresse: totalAvant + produits, limite });
      // Plus d'octets que déclaré : tailles falsifiées.
      if (produits > e.decompresse) throw new Refus("structure");
      if (tete !== null) {
        tete = Buffer.concat([tete, m]);
        if (tete.length >= OCTETS_DETECTION || produits === e.decompresse) {
          if (estProgramme(tete.subarray(0, OCTETS_DETECTION))) throw new Refus("executable-integre");
          tete = null;
        }
      }
      const fenetre = Buffer.concat([reste, m]);
      if (contientTalonPe(fenetre)) throw new Refus("executable-integre");
      reste = fenetre.subarray(Math.max(0, fenetre.length - 40));
    }
  } catch (erreur) {
    if (erreur instanceof Refus) throw erreur;
    throw new Refus("structure"); // données compressées abîmées
  } finally {
    lecture.destroy();
    inflate.destroy();
  }
  if (tete !== null && tete.length > 0 && estProgramme(tete)) throw new Refus("executable-integre");
  return totalAvant + produits;
}
