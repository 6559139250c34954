import { OCTETS_DETECTION, verifierFichier } from "@trousse/rules";
import { erreurTeleversement } from "./erreur-televersement.js";
import type { ContraintesTeleversement, TypeReconnu } from "./types.js";

/** Nombre d'octets lus au début d'un fichier pour reconnaître son type. */
export const OCTETS_A_EXAMINER: number = OCTETS_DETECTION;

const statutDe = (code: string): number =>
  code === "fichier-trop-gros"
    ? 413
    : code === "nom-invalide" || code === "fichier-vide" || code === "taille-invalide"
      ? 400
      : 415;

/**
 * Vérifie les premiers octets d'un fichier téléversé avec les règles de `@trousse/rules`
 * (type par octets magiques, famille autorisée, taille, nom) et renvoie son type.
 * Lève une `ErreurTeleversement` (400, 413 ou 415) avec le code et le message des règles.
 *
 * @example
 * const type = controlerContenu("devoir.pdf", 1200, debut, { familles: ["document"], tailleMaxOctets: 1e7, nombreMax: 3 });
 * // → { mime: "application/pdf", extension: "pdf", famille: "document" }
 */
export function controlerContenu(
  nom: string,
  taille: number,
  debut: Uint8Array,
  contraintes: ContraintesTeleversement,
): TypeReconnu {
  const r = verifierFichier(
    { nom, taille, debut },
    { familles: contraintes.familles, tailleMaxOctets: contraintes.tailleMaxOctets },
  );
  if (r.ok) {
    const { mime, extension, famille } = r.fichier.type;
    return { mime, extension, famille };
  }
  const e = r.erreurs[0]!;
  throw erreurTeleversement(statutDe(e.code), e.code, e.message);
}

const CODES_ANNONCE = new Set(["nom-invalide", "taille-invalide", "fichier-vide", "fichier-trop-gros"]);

/**
 * Vérifie, avant tout octet reçu, ce que l'envoi annonce : le nom et la taille (`Upload-Length`), avec les
 * mêmes règles `verifierFichier` (le type sera examiné sur les premiers octets). Lève une `ErreurTeleversement`.
 *
 * @example
 * controlerAnnonce("devoir.pdf", 0, contraintes); // lève « Le fichier « devoir.pdf » est vide. » (400 fichier-vide)
 */
export function controlerAnnonce(nom: string, taille: number, contraintes: ContraintesTeleversement): void {
  const r = verifierFichier(
    { nom, taille, debut: new Uint8Array(0) },
    { familles: contraintes.familles, tailleMaxOctets: contraintes.tailleMaxOctets },
  );
  if (r.ok) return;
  const e = r.erreurs.find((x) => CODES_ANNONCE.has(x.code));
  if (e) throw erreurTeleversement(statutDe(e.code), e.code, e.message);
}
