import {
  ERREUR_BESOIN_NON_OBJET,
  ERREUR_PARTICIPANTS_TROP_NOMBREUX,
  ERREURS_BESOIN,
} from "./messages-besoin.js";
import {
  type BesoinVisio,
  type ErreurBesoinVisio,
  PARTICIPANTS_MAX,
  type ResultatValidationBesoin,
} from "./types.js";
import { VERIFICATIONS } from "./verifications.js";

/**
 * Valide un besoin de visioconférence venu de l'extérieur (attributs HTML, corps JSON…).
 * Ne lève jamais d'exception : renvoie le besoin nettoyé (champs inconnus retirés) ou la liste
 * des erreurs, chacune avec son champ, un code stable et un message en français (un nombre de
 * participants au-delà de `PARTICIPANTS_MAX` a son propre code, `participants-trop-nombreux`).
 *
 * @example
 * validerBesoinVisio({ organisateur: "enseignant", avec: ["eleves"], participants: 1 });
 * // { ok: false, erreurs: [{ champ: "participants", code: "participants-invalide", message: "Le nombre…" }, …] }
 */
export function validerBesoinVisio(input: unknown): ResultatValidationBesoin {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { ok: false, erreurs: [{ ...ERREUR_BESOIN_NON_OBJET }] };
  const entree = input as Record<string, unknown>;
  const erreurs: ErreurBesoinVisio[] = [];
  const besoin: Record<string, unknown> = {};
  for (const [champ, verifier] of Object.entries(VERIFICATIONS)) {
    const valeur = entree[champ];
    if (!verifier(valeur)) erreurs.push({ champ, ...ERREURS_BESOIN[champ as keyof BesoinVisio] });
    else if (champ === "participants" && (valeur as number) > PARTICIPANTS_MAX)
      erreurs.push({ champ, ...ERREUR_PARTICIPANTS_TROP_NOMBREUX });
    else besoin[champ] = Array.isArray(valeur) ? [...(valeur as unknown[])] : valeur;
  }
  return erreurs.length ? { ok: false, erreurs } : { ok: true, besoin: besoin as unknown as BesoinVisio };
}
