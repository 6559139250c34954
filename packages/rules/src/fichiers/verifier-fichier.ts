import { INSECABLE, type Langue } from "../dates/langue.js";
import { OCTETS_DETECTION, detecterTypeFichier } from "./detecter-type.js";
import { extensionCoherente, extensionDuNom } from "./extensions.js";
import {
  type FamilleFichier,
  type NatureExecutable,
  type TypeFichier,
  listerFamilles,
  nomFamille,
  toutesFeminines,
} from "./familles.js";
import {
  LONGUEUR_MAX_NOM_OCTETS,
  type RaisonNomInvalide,
  nettoyerNomFichier,
  octetsUtf8,
  validerNomFichier,
} from "./nom-fichier.js";
import { formaterTaille } from "./taille.js";

/** Un fichier à vérifier : son nom, sa taille totale, et ses premiers octets (au moins `OCTETS_DETECTION` si possible). */
export interface FichierAVerifier {
  nom: string;
  taille: number;
  debut: Uint8Array;
}

/** Un fichier accepté : nom nettoyé (sûr à stocker et afficher), taille, type reconnu par le contenu. */
export interface FichierVerifie {
  nom: string;
  taille: number;
  type: TypeFichier;
}

interface Base {
  /** Nom du fichier tel que reçu (pour l'afficher dans l'interface). */
  nom: string;
  message: string;
  messageEn: string;
}

/** Les erreurs sur un fichier, union discriminée par `code`. */
export type ErreurFichier =
  | (Base & { code: "nom-invalide"; raison: RaisonNomInvalide })
  | (Base & { code: "fichier-vide" })
  | (Base & { code: "taille-invalide"; taille: number })
  | (Base & { code: "fichier-trop-gros"; taille: number; tailleMaxOctets: number })
  | (Base & {
      code: "fichier-executable";
      nature: NatureExecutable;
      format: string;
      familles: FamilleFichier[];
    })
  | (Base & { code: "type-inconnu"; familles: FamilleFichier[] })
  | (Base & { code: "type-non-autorise"; type: TypeFichier; familles: FamilleFichier[] })
  | (Base & { code: "extension-incoherente"; extension: string; type: TypeFichier });

/** Les erreurs sur un lot de fichiers (en plus des erreurs de chaque fichier, qui portent leur `index`). */
export type ErreurLot =
  | { code: "aucun-fichier"; message: string; messageEn: string }
  | { code: "trop-de-fichiers"; nombre: number; nombreMax: number; message: string; messageEn: string }
  | {
      code: "lot-trop-gros";
      tailleTotale: number;
      tailleTotaleMaxOctets: number;
      message: string;
      messageEn: string;
    };

/** Codes stables de toutes les erreurs de fichiers. */
export type CodeErreurFichier = ErreurFichier["code"] | ErreurLot["code"];

/** Contraintes d'un fichier seul. */
export interface ContraintesFichier {
  familles: readonly FamilleFichier[];
  tailleMaxOctets: number;
}

/** Contraintes d'un lot (les contraintes validées par `contraintesFichiersSchema` conviennent). */
export interface ContraintesLot extends ContraintesFichier {
  nombreMax: number;
  tailleTotaleMaxOctets?: number | undefined;
}

/** Résultat de {@link verifierFichier}. */
export type ResultatFichier = { ok: true; fichier: FichierVerifie } | { ok: false; erreurs: ErreurFichier[] };

/** Résultat de {@link verifierLot}. */
export type ResultatLot =
  | { ok: true; fichiers: FichierVerifie[] }
  | { ok: false; erreurs: (ErreurLot | (ErreurFichier & { index: number }))[] };

const EXEMPLES: Record<FamilleFichier, string> = {
  document: "PDF, ODT, DOCX, texte…",
  image: "JPEG, PNG, HEIC…",
  audio: "MP3, M4A, OGG…",
  video: "MP4, MOV, WebM…",
};

const NATURES: Record<NatureExecutable, [string, string]> = {
  programme: ["est un programme", "is a program"],
  script: ["est un script", "is a script"],
  "page-web": ["est une page web, qui peut contenir du code", "is a web page, which may contain code"],
  svg: ["est une image SVG, qui peut contenir du code", "is an SVG image, which may contain code"],
};

/** Raisons de refus d'un nom qu'on ne répare pas en silence. */
const RAISONS_TROMPEUSES: ReadonlySet<RaisonNomInvalide> = new Set([
  "caractere-bidirectionnel",
  "caractere-invisible",
]);

const g = (nom: string): string => `«${INSECABLE}${nom}${INSECABLE}»`;
const q = (nom: string): string => `“${nom}”`;

/**
 * « seuls les documents et images sont acceptés » / « only documents and images are accepted ».
 *
 * @example
 * phraseAcceptes(["image"]);             // "seules les images sont acceptées"
 * phraseAcceptes(["document"], "en");    // "only documents are accepted"
 */
export function phraseAcceptes(familles: readonly FamilleFichier[], langue: Langue = "fr"): string {
  if (langue === "en") return `only ${listerFamilles(familles, "en")} are accepted`;
  return toutesFeminines(familles)
    ? `seules ${listerFamilles(familles)} sont acceptées`
    : `seuls ${listerFamilles(familles)} sont acceptés`;
}

function exemples(familles: readonly FamilleFichier[]): string {
  return familles.map((f) => EXEMPLES[f]).join(" ; ");
}

/**
 * Vérifie un fichier avant (navigateur) ou pendant (API, sur les premiers octets du flux) son envoi : nom
 * récupérable, non vide, taille dans la limite, type reconnu **par son contenu** et autorisé, jamais un
 * exécutable. Rend toutes les erreurs trouvées, avec des messages qui nomment le fichier, la limite et les
 * types acceptés. Le nom rendu est nettoyé (`nettoyerNomFichier`) ; il est refusé s'il n'en reste rien, s'il
 * cache un contrôle de direction ou un caractère invisible, ou si son extension n'appartient pas au type
 * reconnu (`extension-incoherente`, voir `EXTENSIONS_PAR_TYPE`).
 *
 * @example
 * verifierFichier({ nom: "devoir.pdf", taille: 48_213, debut: octetsPdf }, { familles: ["document"], tailleMaxOctets: 10_485_760 });
 * // { ok: true, fichier: { nom: "devoir.pdf", taille: 48213, type: { famille: "document", mime: "application/pdf", extension: "pdf" } } }
 * verifierFichier({ nom: "devoir.exe", taille: 1_024, debut: octetsMz }, { familles: ["document", "image"], tailleMaxOctets: 10_485_760 });
 * // { ok: false, erreurs: [{ code: "fichier-executable", message: "Le fichier « devoir.exe » est un programme : seuls les documents et images sont acceptés.", … }] }
 */
export function verifierFichier(fichier: FichierAVerifier, contraintes: ContraintesFichier): ResultatFichier {
  const nom = typeof fichier.nom === "string" ? fichier.nom : "";
  const familles = [...contraintes.familles];
  const erreurs: ErreurFichier[] = [];
  const strict = validerNomFichier(nom);
  // Un nom qui trompe (contrôle de direction, caractère invisible) est refusé, pas nettoyé : l'élève doit
  // voir qu'il est piégé ou abîmé et le retaper.
  const trompeur = !strict.ok && RAISONS_TROMPEUSES.has(strict.raison);
  const nomPropre = trompeur ? null : nettoyerNomFichier(nom);
  if (nomPropre === null) {
    const v = strict;
    const raison = v.ok ? "nom-vide" : v.raison;
    erreurs.push({
      code: "nom-invalide",
      nom,
      raison,
      message: v.ok ? `Le nom de fichier ${g(nom)} est invalide.` : v.message,
      messageEn: v.ok ? `The file name ${q(nom)} is invalid.` : v.messageEn,
    });
  }
  const affiche = nomPropre ?? nettoyerNomFichier(nom) ?? nom;
  const taille = fichier.taille;
  if (typeof taille !== "number" || !Number.isFinite(taille) || taille < 0 || !Number.isInteger(taille)) {
    erreurs.push({
      code: "taille-invalide",
      nom,
      taille: Number(taille),
      message: `La taille du fichier ${g(affiche)} est invalide.`,
      messageEn: `The size of the file ${q(affiche)} is invalid.`,
    });
    return { ok: false, erreurs };
  }
  if (taille === 0) {
    erreurs.push({
      code: "fichier-vide",
      nom,
      message: `Le fichier ${g(affiche)} est vide.`,
      messageEn: `The file ${q(affiche)} is empty.`,
    });
    return { ok: false, erreurs };
  }
  if (taille > contraintes.tailleMaxOctets) {
    erreurs.push({
      code: "fichier-trop-gros",
      nom,
      taille,
      tailleMaxOctets: contraintes.tailleMaxOctets,
      message: `Le fichier ${g(affiche)} pèse ${formaterTaille(taille)} : la limite est de ${formaterTaille(contraintes.tailleMaxOctets)} par fichier.`,
      messageEn: `The file ${q(affiche)} is ${formaterTaille(taille, "en")}: the limit is ${formaterTaille(contraintes.tailleMaxOctets, "en")} per file.`,
    });
  }
  const debut =
    fichier.debut instanceof Uint8Array ? fichier.debut.subarray(0, OCTETS_DETECTION) : new Uint8Array(0);
  const type = detecterTypeFichier(debut);
  if (type === null) {
    erreurs.push({
      code: "type-inconnu",
      nom,
      familles,
      message: `Le type du fichier ${g(affiche)} n'est pas reconnu : ${phraseAcceptes(familles)} (${exemples(familles)}).`,
      messageEn: `The type of the file ${q(affiche)} is not recognised: ${phraseAcceptes(familles, "en")} (${exemples(familles)}).`,
    });
  } else if (type.famille === "executable") {
    const [fr, en] = NATURES[type.nature];
    erreurs.push({
      code: "fichier-executable",
      nom,
      nature: type.nature,
      format: type.format,
      familles,
      message: `Le fichier ${g(affiche)} ${fr} : ${phraseAcceptes(familles)}.`,
      messageEn: `The file ${q(affiche)} ${en}: ${phraseAcceptes(familles, "en")}.`,
    });
  } else if (!familles.includes(type.famille)) {
    erreurs.push({
      code: "type-non-autorise",
      nom,
      type,
      familles,
      message: `Le fichier ${g(affiche)} est ${nomFamille(type.famille)} (${type.extension.toUpperCase()}) : ${phraseAcceptes(familles)}.`,
      messageEn: `The file ${q(affiche)} is ${nomFamille(type.famille, "en")} (${type.extension.toUpperCase()}): ${phraseAcceptes(familles, "en")}.`,
    });
  } else if (nomPropre !== null && !extensionCoherente(nomPropre, type)) {
    // Une extension active (.html, .svg…) sur un contenu inerte ferait exécuter du code une fois le fichier
    // enregistré et ouvert depuis le disque : refusée (voir EXTENSIONS_PAR_TYPE).
    const extension = extensionDuNom(nomPropre) ?? "";
    const base = nomPropre.slice(0, nomPropre.length - extension.length - 1);
    const bonNom = `${base}.${type.extension}`;
    const quoi = `${nomFamille(type.famille)} (${type.extension.toUpperCase()})`;
    const what = `${nomFamille(type.famille, "en")} (${type.extension.toUpperCase()})`;
    erreurs.push({
      code: "extension-incoherente",
      nom,
      extension,
      type,
      message: `Le fichier ${g(affiche)} est en réalité ${quoi} : son extension «${INSECABLE}.${extension}${INSECABLE}» ne correspond pas à son contenu. Renommez-le en ${g(bonNom)}, ou ouvrez-le et enregistrez-le de nouveau au bon format.`,
      messageEn: `The file ${q(affiche)} is actually ${what}: its extension “.${extension}” does not match its content. Rename it to ${q(bonNom)}, or open it and save it again in the right format.`,
    });
  }
  if (erreurs.length > 0 || nomPropre === null || type === null || type.famille === "executable") {
    return { ok: false, erreurs };
  }
  return { ok: true, fichier: { nom: nomPropre, taille, type } };
}

function nomUnique(nom: string, pris: Set<string>): string {
  if (!pris.has(nom.toLowerCase())) return nom;
  const point = nom.lastIndexOf(".");
  const base = point > 0 ? nom.slice(0, point) : nom;
  const extension = point > 0 ? nom.slice(point) : "";
  for (let i = 2; ; i++) {
    const suffixe = ` (${i})${extension}`;
    let racine = base;
    // Reste sous la limite de longueur : on raccourcit la base, caractère par caractère.
    while (racine.length > 0 && octetsUtf8(racine + suffixe) > LONGUEUR_MAX_NOM_OCTETS)
      racine = Array.from(racine).slice(0, -1).join("");
    const candidat = `${racine}${suffixe}`;
    if (!pris.has(candidat.toLowerCase())) return candidat;
  }
}

/**
 * Vérifie un lot de fichiers pour un rendu : au moins un fichier, au plus `nombreMax`, taille totale
 * éventuellement bornée, et chaque fichier par {@link verifierFichier} (ses erreurs portent son `index`).
 * Deux fichiers de même nom (fréquent : « image.jpg » depuis un iPhone) sont renommés « image (2).jpg »,
 * sans distinguer majuscules et minuscules.
 *
 * @example
 * verifierLot([pdf, photo], { familles: ["document", "image"], tailleMaxOctets: 10_485_760, nombreMax: 5 });
 * // { ok: true, fichiers: [{ nom: "devoir.pdf", … }, { nom: "image.jpg", … }] }
 */
export function verifierLot(fichiers: readonly FichierAVerifier[], contraintes: ContraintesLot): ResultatLot {
  const erreurs: (ErreurLot | (ErreurFichier & { index: number }))[] = [];
  const liste = Array.isArray(fichiers) ? fichiers : [];
  if (liste.length === 0) {
    erreurs.push({
      code: "aucun-fichier",
      message: "Aucun fichier n'a été choisi.",
      messageEn: "No file was chosen.",
    });
    return { ok: false, erreurs };
  }
  if (liste.length > contraintes.nombreMax) {
    erreurs.push({
      code: "trop-de-fichiers",
      nombre: liste.length,
      nombreMax: contraintes.nombreMax,
      message: `Vous avez choisi ${liste.length} fichiers : ${contraintes.nombreMax} au maximum pour ce devoir.`,
      messageEn: `You chose ${liste.length} files: at most ${contraintes.nombreMax} for this assignment.`,
    });
  }
  const total = liste.reduce((s, f) => s + (Number.isFinite(f.taille) && f.taille > 0 ? f.taille : 0), 0);
  const max = contraintes.tailleTotaleMaxOctets;
  if (max !== undefined && total > max) {
    erreurs.push({
      code: "lot-trop-gros",
      tailleTotale: total,
      tailleTotaleMaxOctets: max,
      message: `Les fichiers pèsent ${formaterTaille(total)} au total : la limite est de ${formaterTaille(max)}.`,
      messageEn: `The files weigh ${formaterTaille(total, "en")} in total: the limit is ${formaterTaille(max, "en")}.`,
    });
  }
  const acceptes: FichierVerifie[] = [];
  const pris = new Set<string>();
  liste.forEach((f, index) => {
    const r = verifierFichier(f, contraintes);
    if (!r.ok) {
      for (const e of r.erreurs) erreurs.push({ ...e, index });
      return;
    }
    const nom = nomUnique(r.fichier.nom, pris);
    pris.add(nom.toLowerCase());
    acceptes.push({ ...r.fichier, nom });
  });
  return erreurs.length > 0 ? { ok: false, erreurs } : { ok: true, fichiers: acceptes };
}
