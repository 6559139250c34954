import { INSECABLE } from "../dates/langue.js";
import { decoderUtf8 } from "./utf8.js";

/** Longueur maximale d'un nom de fichier, en octets UTF-8 (limite courante des systèmes de fichiers). */
export const LONGUEUR_MAX_NOM_OCTETS = 255;

/** Pourquoi un nom de fichier est refusé. */
export type RaisonNomInvalide =
  | "nom-vide"
  | "nom-trop-long"
  | "chemin-interdit"
  | "caractere-controle"
  | "caractere-bidirectionnel"
  | "caractere-invisible"
  | "caractere-interdit"
  | "nom-reserve"
  | "point-initial"
  | "fin-invalide"
  | "utf8-invalide";

/** Un nom refusé : code stable `nom-invalide`, raison précise, messages fr/en qui citent le nom. */
export interface NomInvalide {
  ok: false;
  code: "nom-invalide";
  raison: RaisonNomInvalide;
  message: string;
  messageEn: string;
}

/** Résultat de {@link validerNomFichier} et de {@link decoderNomFichier}. */
export type ResultatNomFichier = { ok: true; nom: string } | NomInvalide;

const RESERVES = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROLES = /[\u0000-\u001f\u007f-\u009f]/g;
const INTERDITS = /[<>:"|?*]/g;

/**
 * Contrôles de direction du texte (Unicode « Bidi_Control ») : ALM U+061C, LRM/RLM U+200E–U+200F,
 * LRE/RLE/PDF/LRO/RLO U+202A–U+202E, LRI/RLI/FSI/PDI U+2066–U+2069. Invisibles, ils retournent l'affichage :
 * « facture\u202Egpj.exe » s'affiche « factureexe.jpg ». Toujours refusés, jamais utiles dans un nom.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Caractères invisibles : tous les caractères de format Unicode (catégorie `Cf` : espaces sans chasse
 * U+200B–U+200D, U+2060–U+2064, U+FEFF, trait d'union conditionnel U+00AD, étiquettes U+E0000–U+E007F…),
 * les séparateurs de ligne et de paragraphe (U+2028, U+2029), et des lettres « de remplissage » qui ne
 * dessinent rien (U+034F, U+115F, U+1160, U+17B4, U+17B5, U+3164, U+FFA0). Ils font passer deux noms
 * différents pour le même. Choix assumé : le ZWJ U+200D et le ZWNJ U+200C sont refusés aussi, bien qu'ils
 * servent aux émojis composés (👨‍👩‍👧) et à l'écriture persane : un nom de fichier s'en passe, le risque de
 * tromperie l'emporte. Les contrôles C0/C1 (`Cc`) relèvent de `caractere-controle`.
 */
// U+034F, U+17B4 et U+17B5 sont des marques combinantes : hors de la classe, pour que la regex les voie seules.
const INVISIBLES = /[\p{Cf}\u2028\u2029\u115f\u1160\u3164\uffa0]|\u034f|\u17b4|\u17b5/gu;

/** Sélecteurs de variante : U+FE00–U+FE0F (dont U+FE0F, « présentation émoji » de ❤️) et U+E0100–U+E01EF. */
function estSelecteur(c: string): boolean {
  const p = c.codePointAt(0) ?? 0;
  return (p >= 0xfe00 && p <= 0xfe0f) || (p >= 0xe0100 && p <= 0xe01ef);
}

/**
 * Un sélecteur de variante n'a de sens que juste après un caractère visible qu'il modifie (❤️, 葛󠄀) : il est
 * alors gardé. En tête de nom, après une espace, après un autre sélecteur ou un caractère invisible, il ne
 * modifie rien et ne sert qu'à cacher une différence : il est « orphelin ».
 */
function aUnSelecteurOrphelin(texte: string): boolean {
  let precedent = "";
  for (const c of texte) {
    if (estSelecteur(c) && (precedent === "" || /\s/u.test(precedent) || estSelecteur(precedent)))
      return true;
    precedent = new RegExp(INVISIBLES.source, "u").test(c) ? " " : c;
  }
  return false;
}

/** Retire les sélecteurs de variante orphelins (voir {@link aUnSelecteurOrphelin}). */
function sansSelecteursOrphelins(texte: string): string {
  let r = "";
  let precedent = "";
  for (const c of texte) {
    if (estSelecteur(c) && (precedent === "" || /\s/u.test(precedent) || estSelecteur(precedent))) continue;
    r += c;
    precedent = c;
  }
  return r;
}

/** Remplace, pour l'affichage dans un message, les caractères qui trompent ou qui ne se voient pas. */
function visible(nom: string): string {
  return nom.replace(CONTROLES, "�").replace(BIDI, "�").replace(INVISIBLES, "�");
}

/**
 * Remplace les demi-caractères UTF-16 isolés (texte mal formé) par `remplacement`. Écrit sans regex à
 * rebours (`(?<!…)`), que Safari ne comprend qu'à partir d'iOS 16.4 : ce module doit s'y charger.
 */
function sansSurrogatesIsoles(texte: string, remplacement: string): string {
  let r = "";
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const suivant = texte.charCodeAt(i + 1);
      if (suivant >= 0xdc00 && suivant <= 0xdfff) {
        r += texte[i] + (texte[i + 1] ?? "");
        i++;
      } else r += remplacement;
    } else if (c >= 0xdc00 && c <= 0xdfff) r += remplacement;
    else r += texte[i] ?? "";
  }
  return r;
}

/**
 * Taille en octets UTF-8 d'un texte.
 *
 * @example
 * octetsUtf8("é"); // 2
 */
export function octetsUtf8(texte: string): number {
  let n = 0;
  for (const c of texte) {
    const p = c.codePointAt(0) ?? 0;
    n += p < 0x80 ? 1 : p < 0x800 ? 2 : p < 0x10000 ? 3 : 4;
  }
  return n;
}

const g = (nom: string): string => `«${INSECABLE}${nom}${INSECABLE}»`;
const en = (nom: string): string => `“${nom}”`;

function refus(raison: RaisonNomInvalide, nom: string, fr: string, anglais: string): NomInvalide {
  const affiche = visible(nom);
  return {
    ok: false,
    code: "nom-invalide",
    raison,
    message: `Le nom de fichier ${g(affiche)} est invalide : ${fr}`,
    messageEn: `The file name ${en(affiche)} is invalid: ${anglais}`,
  };
}

/**
 * Vérifie strictement un nom de fichier reçu (sans le modifier, hormis la normalisation Unicode NFC qui garde
 * les accents) : pas de chemin (`/`, `\`, `..`), pas de caractère de contrôle ni NUL, pas de caractère
 * interdit sous Windows (`<>:"|?*`), pas de nom réservé (`CON`, `NUL`, `COM1`…), pas de point initial, pas de
 * point ni d'espace final, au plus {@link LONGUEUR_MAX_NOM_OCTETS} octets UTF-8.
 *
 * @example
 * validerNomFichier("Exposé d'histoire.pdf"); // { ok: true, nom: "Exposé d'histoire.pdf" }
 * validerNomFichier("../../etc/passwd");      // { ok: false, code: "nom-invalide", raison: "chemin-interdit", … }
 */
export function validerNomFichier(nom: string): ResultatNomFichier {
  if (typeof nom !== "string" || nom.trim() === "") {
    return refus("nom-vide", String(nom ?? ""), "le nom est vide.", "the name is empty.");
  }
  const n = sansSurrogatesIsoles(nom, "\ufffd").normalize("NFC");
  if (/[/\\]/.test(n) || n === "." || n === "..") {
    return refus(
      "chemin-interdit",
      n,
      "il ne doit pas contenir de chemin (/, \\ ou ..).",
      "it must not contain a path (/, \\ or ..).",
    );
  }
  if (new RegExp(CONTROLES.source).test(n)) {
    return refus(
      "caractere-controle",
      n,
      "il contient un caractère de contrôle.",
      "it contains a control character.",
    );
  }
  if (new RegExp(BIDI.source, "u").test(n)) {
    return refus(
      "caractere-bidirectionnel",
      n,
      "il contient un caractère invisible qui inverse le sens d'écriture (marqué � ici) : le nom affiché " +
        "ne serait pas le vrai nom, par exemple « facture.exe » déguisé en « …exe.jpg ». Renommez le fichier " +
        "en retapant son nom.",
      "it contains an invisible character that reverses the writing direction (shown as � here): the " +
        "displayed name would not be the real one. Rename the file by typing its name again.",
    );
  }
  if (new RegExp(INVISIBLES.source, "u").test(n) || aUnSelecteurOrphelin(n)) {
    return refus(
      "caractere-invisible",
      n,
      "il contient un caractère invisible (marqué � ici). Renommez le fichier en retapant son nom.",
      "it contains an invisible character (shown as � here). Rename the file by typing its name again.",
    );
  }
  if (new RegExp(INTERDITS.source).test(n)) {
    return refus(
      "caractere-interdit",
      n,
      'les caractères < > : " | ? * sont interdits.',
      'the characters < > : " | ? * are not allowed.',
    );
  }
  if (n.startsWith(".")) {
    return refus(
      "point-initial",
      n,
      "il ne doit pas commencer par un point.",
      "it must not start with a dot.",
    );
  }
  if (/[. ]$/.test(n)) {
    return refus(
      "fin-invalide",
      n,
      "il ne doit pas finir par un point ou une espace.",
      "it must not end with a dot or a space.",
    );
  }
  if (RESERVES.test(n.trim())) {
    return refus("nom-reserve", n, "ce nom est réservé par Windows.", "this name is reserved by Windows.");
  }
  if (octetsUtf8(n) > LONGUEUR_MAX_NOM_OCTETS) {
    return refus(
      "nom-trop-long",
      n,
      `il dépasse ${LONGUEUR_MAX_NOM_OCTETS} octets.`,
      `it is longer than ${LONGUEUR_MAX_NOM_OCTETS} bytes.`,
    );
  }
  return { ok: true, nom: n };
}

function tronquer(texte: string, maxOctets: number): string {
  let s = "";
  let n = 0;
  for (const c of texte) {
    const o = octetsUtf8(c);
    if (n + o > maxOctets) break;
    s += c;
    n += o;
  }
  return s;
}

/**
 * Rend un nom sûr à partir d'un nom reçu, en gardant les accents (NFC) : ne garde que le dernier élément
 * d'un chemin, retire les caractères de contrôle, remplace `<>:"|?*` par `_`, retire points et espaces en
 * tête et en fin, préfixe `_` aux noms réservés de Windows, raccourcit le nom avant l'extension pour tenir en
 * {@link LONGUEUR_MAX_NOM_OCTETS} octets. Rend `null` s'il ne reste rien d'utilisable (ex. `".."`).
 * Le résultat passe toujours {@link validerNomFichier}.
 *
 * @example
 * nettoyerNomFichier("C:\\Users\\élève\\Exposé.pdf"); // "Exposé.pdf"
 * nettoyerNomFichier("../../etc/passwd");            // "passwd"
 * nettoyerNomFichier("CON.txt");                     // "_CON.txt"
 * nettoyerNomFichier("..");                          // null
 */
export function nettoyerNomFichier(nom: string): string | null {
  if (typeof nom !== "string") return null;
  let n = sansSurrogatesIsoles(nom, "").normalize("NFC");
  n = n.split(/[/\\]/).pop() ?? "";
  // Blancs (dont tabulations) → une espace ; puis contrôles, contrôles de direction, invisibles et sélecteurs
  // de variante devenus orphelins retirés, ce qui peut recoller deux espaces (réunies ensuite).
  n = sansSelecteursOrphelins(
    n.replace(/\s+/g, " ").replace(CONTROLES, "").replace(BIDI, "").replace(INVISIBLES, ""),
  )
    .replace(/ {2,}/g, " ")
    .replace(INTERDITS, "_");
  // Retirer les points et espaces de tête peut rendre orphelin un sélecteur qui suivait un point : on répète.
  for (let avant = ""; avant !== n;) {
    avant = n;
    n = sansSelecteursOrphelins(n.replace(/^[. ]+/, ""));
  }
  n = n.replace(/[. ]+$/, "");
  if (n === "") return null;
  if (RESERVES.test(n)) n = `_${n}`;
  if (octetsUtf8(n) > LONGUEUR_MAX_NOM_OCTETS) {
    const point = n.lastIndexOf(".");
    const extension = point > 0 && n.length - point <= 16 ? n.slice(point) : "";
    const base = extension ? n.slice(0, point) : n;
    n = tronquer(base, LONGUEUR_MAX_NOM_OCTETS - octetsUtf8(extension)).replace(/[. ]+$/, "") + extension;
  }
  return validerNomFichier(n).ok ? n : null;
}

/**
 * Décode un nom de fichier reçu en octets (en-tête HTTP, métadonnée d'upload) en UTF-8 strict
 * (`TextDecoder`, `fatal: true`) puis le normalise en NFC. Des octets qui ne sont pas de l'UTF-8 valide
 * donnent `nom-invalide` (raison `utf8-invalide`) au lieu de caractères de remplacement silencieux.
 *
 * @example
 * decoderNomFichier(new Uint8Array([0x45, 0x78, 0x70, 0x6f, 0x73, 0xc3, 0xa9])); // { ok: true, nom: "Exposé" }
 * decoderNomFichier(new Uint8Array([0x45, 0xe9]));  // { ok: false, code: "nom-invalide", raison: "utf8-invalide", … }
 */
export function decoderNomFichier(octets: Uint8Array): ResultatNomFichier {
  const texte = decoderUtf8(octets);
  if (texte === null) {
    return {
      ok: false,
      code: "nom-invalide",
      raison: "utf8-invalide",
      message: "Le nom de fichier reçu n'est pas du texte UTF-8 valide.",
      messageEn: "The received file name is not valid UTF-8 text.",
    };
  }
  return { ok: true, nom: texte.normalize("NFC") };
}
