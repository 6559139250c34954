import { ERRORS, Metadata } from "@tus/server";
import {
  erreurTeleversement,
  versErreurTeleversement,
  type ErreurTeleversement,
} from "./erreur-televersement.js";
import { lireMetadonneesBrutes } from "./metadonnees-brutes.js";

/** La seule version du protocole tus servie. */
export const VERSION_TUS = "1.0.0";

/** Le type de contenu d'un PATCH tus. */
export const TYPE_OCTETS_TUS = "application/offset+octet-stream";

/** Un entier positif ou nul écrit sans zéro de tête ni signe (comme l'exige tus), dans les entiers sûrs. */
function entierTus(valeur: string): number | null {
  if (!/^(0|[1-9]\d*)$/.test(valeur)) return null;
  const n = Number(valeur);
  return Number.isSafeInteger(n) ? n : Number.POSITIVE_INFINITY;
}

/** Lit un en-tête de la requête (null ou undefined s'il est absent). */
export type LireEntete = (nom: string) => string | null | undefined;

export interface OptionsEntetesTus {
  /** Plafond absolu d'un fichier (octets) : au-delà, `Upload-Length` est refusé en 413. */
  tailleMax: number;
}

const present = (v: string | null | undefined): v is string => v !== null && v !== undefined;

/**
 * Vérifie les en-têtes tus d'une requête avant qu'elle n'atteigne `@tus/server` ou le PATCH natif : une
 * seule source pour les deux chemins, un code stable et un message français par situation. Renvoie
 * l'erreur à répondre, ou null si les en-têtes sont bons. `OPTIONS` (découverte) n'est pas vérifié.
 *
 * Refusés clairement (400) car non proposés : `Upload-Concat` (extension concatenation),
 * `Upload-Defer-Length` (creation-defer-length), `Upload-Checksum` (checksum : le serveur calcule lui-même
 * le sha256), `X-HTTP-Method-Override`.
 *
 * @example
 * verifierEntetesTus("POST", (n) => req.headers.get(n), { tailleMax: 2 ** 31 });
 * // → ErreurTeleversement 412 « version-tus-requise » sans Tus-Resumable
 */
export function verifierEntetesTus(
  methode: string,
  lire: LireEntete,
  options: OptionsEntetesTus,
): ErreurTeleversement | null {
  if (methode === "OPTIONS") return null;
  const version = lire("tus-resumable");
  if (!present(version)) {
    return erreurTeleversement(
      412,
      "version-tus-requise",
      `L'en-tête Tus-Resumable est requis (protocole tus ${VERSION_TUS}).`,
    );
  }
  if (version !== VERSION_TUS) {
    return erreurTeleversement(
      412,
      "version-tus-non-prise-en-charge",
      `Version du protocole tus non prise en charge : seule la version ${VERSION_TUS} est servie (en-tête Tus-Resumable).`,
    );
  }
  if (present(lire("x-http-method-override"))) {
    return erreurTeleversement(
      400,
      "surcharge-methode-non-prise-en-charge",
      "L'en-tête X-HTTP-Method-Override n'est pas pris en charge : envoyez la vraie méthode HTTP (PATCH, DELETE…).",
    );
  }
  if (present(lire("upload-concat")))
    return versErreurTeleversement(ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION);
  if (present(lire("upload-checksum"))) {
    return erreurTeleversement(
      400,
      "somme-controle-non-prise-en-charge",
      "Ce serveur ne propose pas l'extension tus « checksum » (en-tête Upload-Checksum) : envoyez sans cet " +
        "en-tête ; le serveur calcule lui-même l'empreinte sha256 du fichier.",
    );
  }
  const proto = lire("x-forwarded-proto");
  if (present(proto) && proto !== "http" && proto !== "https") {
    return erreurTeleversement(
      400,
      "en-tete-invalide",
      "L'en-tête X-Forwarded-Proto doit valoir « http » ou « https ».",
    );
  }
  // Les en-têtes tus que `@tus/server` vérifie quelle que soit la méthode : chacun son code.
  const offset = lire("upload-offset");
  const valeurOffset = present(offset) ? entierTus(offset) : 0;
  if (valeurOffset === null || valeurOffset > Number.MAX_SAFE_INTEGER) return DECALAGE_INVALIDE();
  const longueur = lire("upload-length");
  if (present(longueur)) {
    const taille = entierTus(longueur);
    if (taille === null) {
      return erreurTeleversement(
        400,
        "taille-invalide",
        "L'en-tête Upload-Length doit être un nombre entier d'octets, positif ou nul, sans signe ni décimale.",
      );
    }
    if (taille > options.tailleMax) {
      return erreurTeleversement(
        413,
        "fichier-trop-gros",
        `Le fichier dépasse la taille maximale acceptée par le serveur (${options.tailleMax} octets).`,
      );
    }
  }
  const differee = lire("upload-defer-length");
  if (present(differee) && (methode === "POST" || differee !== "1")) {
    return versErreurTeleversement(ERRORS.INVALID_LENGTH);
  }
  const meta = lire("upload-metadata");
  if (present(meta) && !metadonneesValides(meta)) return versErreurTeleversement(ERRORS.INVALID_METADATA);

  if (methode === "POST" && !present(longueur)) return versErreurTeleversement(ERRORS.INVALID_LENGTH);
  if (methode === "PATCH") {
    if (!present(offset)) return DECALAGE_INVALIDE();
    if (lire("content-type") !== TYPE_OCTETS_TUS) {
      return erreurTeleversement(
        415,
        "type-contenu-invalide",
        `Le type de contenu d'un envoi doit être ${TYPE_OCTETS_TUS} (en-tête Content-Type).`,
      );
    }
    if (present(longueur)) {
      return erreurTeleversement(
        400,
        "taille-deja-annoncee",
        "La taille du fichier est annoncée à la création (POST) : elle ne se redéclare pas dans un PATCH.",
      );
    }
  }
  return null;
}

const DECALAGE_INVALIDE = (): ErreurTeleversement =>
  erreurTeleversement(
    400,
    "decalage-invalide",
    "L'en-tête Upload-Offset doit être un entier positif ou nul : la valeur donnée par HEAD.",
  );

/** Les métadonnées doivent passer la lecture stricte (octets exacts) et celle de tus (mêmes règles). */
function metadonneesValides(entete: string): boolean {
  if (lireMetadonneesBrutes(entete) === null) return false;
  try {
    Metadata.parse(entete);
    return true;
  } catch {
    return false;
  }
}
