import { detecterTypeFichier } from "./detecter-type.js";

/**
 * Les types d'image qu'un navigateur peut montrer en vignette sans risque : des images matricielles
 * seulement (jamais SVG, qui peut porter du code ; ni HEIC, que les navigateurs ne décodent pas).
 */
export const TYPES_APERCU = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

/** Un type d'image montrable en vignette. */
export type TypeApercu = (typeof TYPES_APERCU)[number];

/** Taille maximale d'un fichier montré en vignette (10 Mio) : au-delà, seul le téléchargement reste. */
export const TAILLE_APERCU_MAX = 10 * 1024 * 1024;

/**
 * Ce fichier, tel qu'il a été enregistré (type détecté et taille), peut-il avoir une vignette ?
 *
 * @example
 * apercuPossible({ mime: "image/png", taille: 120_000 }); // true
 * apercuPossible({ mime: "image/svg+xml", taille: 800 }); // false
 */
export function apercuPossible(f: { mime: string; taille: number }): boolean {
  return (
    (TYPES_APERCU as readonly string[]).includes(f.mime) && f.taille > 0 && f.taille <= TAILLE_APERCU_MAX
  );
}

/**
 * Le type d'image matricielle que ces octets sont vraiment (par leurs octets magiques), ou `null` : ce que
 * l'API sert en vignette, avec ce type et nul autre.
 *
 * @example
 * typeApercu(octetsPng); // "image/png"
 * typeApercu(new TextEncoder().encode("<svg …>")); // null
 */
export function typeApercu(octets: Uint8Array): TypeApercu | null {
  const t = detecterTypeFichier(octets);
  if (!t || !("mime" in t)) return null;
  return (TYPES_APERCU as readonly string[]).includes(t.mime) ? (t.mime as TypeApercu) : null;
}
