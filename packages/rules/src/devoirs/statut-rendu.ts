import { type InstantEntree, versDate } from "../dates/instant.js";
import { type DatesDevoir, finDesRendus } from "./dates-devoir.js";
import { type Derogation, datesEffectives } from "./derogation.js";
import { type RenduDevoir, echeanceDuRendu, estEnRetard, renduConnu } from "./rendu.js";

/** Le statut d'un devoir vu par l'élève. */
export type StatutRendu =
  "a-venir" | "a-rendre" | "rendu" | "rendu-en-retard" | "ferme" | "corrige-disponible";

/** Tous les statuts élève, dans l'ordre de la vie d'un devoir. */
export const STATUTS_RENDU: readonly StatutRendu[] = [
  "a-venir",
  "a-rendre",
  "rendu",
  "rendu-en-retard",
  "ferme",
  "corrige-disponible",
];

/**
 * Le statut d'un devoir pour l'élève, à l'instant `maintenant`. Première règle qui s'applique :
 * 1. corrigé publié (`maintenant ≥ publicationCorrige`) → `corrige-disponible`, rendu ou non ;
 * 2. rendu connu (`renduLe ≤ maintenant`) → `rendu` si `renduLe ≤ echeance`, sinon `rendu-en-retard` ;
 * 3. avant l'ouverture → `a-venir` ;
 * 4. jusqu'à la date limite incluse (ou l'échéance s'il n'y en a pas) → `a-rendre` (en retard après
 *    l'échéance : voir `peutRendre`) ;
 * 5. sinon → `ferme`.
 * Avec un délai accordé à l'élève (`derogation`), ce sont ses dates effectives (`datesEffectives`) qui
 * comptent, corrigé compris ; un rendu est jugé aussi sur l'échéance qui lui était accordée quand il l'a fait.
 * Lève `ErreurRegle` si les dates du devoir ou du rendu sont invalides.
 *
 * @example
 * const devoir = { ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:59:00+02:00" };
 * statutRendu({ devoir, maintenant: "2026-03-31T12:00:00+02:00" }); // "a-rendre"
 * statutRendu({ devoir, rendu: { renduLe: "2026-03-31T23:59:00+02:00" }, maintenant: "2026-04-01T08:00:00+02:00" }); // "rendu"
 */
export function statutRendu(entree: {
  devoir: DatesDevoir;
  rendu?: RenduDevoir | null;
  /** Le délai accordé à cet élève, s'il en a un. */
  derogation?: Derogation | null;
  maintenant: InstantEntree;
}): StatutRendu {
  const d = datesEffectives(entree.devoir, entree.derogation);
  const maintenant = versDate(entree.maintenant);
  const t = maintenant.getTime();
  if (d.publicationCorrige && t >= d.publicationCorrige.getTime()) return "corrige-disponible";
  const renduLe = renduConnu(entree.rendu, maintenant);
  if (renduLe)
    return estEnRetard(renduLe, echeanceDuRendu(entree.rendu!, d.echeance)) ? "rendu-en-retard" : "rendu";
  if (t < d.ouverture.getTime()) return "a-venir";
  if (t <= finDesRendus(d).getTime()) return "a-rendre";
  return "ferme";
}
