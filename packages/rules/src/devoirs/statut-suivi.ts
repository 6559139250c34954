import { type InstantEntree, versDate } from "../dates/instant.js";
import { type DatesDevoir } from "./dates-devoir.js";
import { type Derogation, datesEffectives } from "./derogation.js";
import { type RenduDevoir, echeanceDuRendu, estEnRetard, renduConnu } from "./rendu.js";

/** Le statut de suivi d'un élève pour un devoir, vu par l'enseignant. */
export type StatutSuivi = "non-ouvert" | "vu" | "rendu" | "rendu-en-retard" | "non-rendu";

/** Tous les statuts de suivi. */
export const STATUTS_SUIVI: readonly StatutSuivi[] = [
  "non-ouvert",
  "vu",
  "rendu",
  "rendu-en-retard",
  "non-rendu",
];

/**
 * Le statut de suivi d'un élève (tableau de l'enseignant). Première règle qui s'applique :
 * 1. rendu connu (`renduLe ≤ maintenant`) → `rendu` si `renduLe ≤ echeance`, sinon `rendu-en-retard` ;
 * 2. échéance passée (`maintenant > echeance`) → `non-rendu` (même si une date limite permet encore un
 *    rendu en retard : l'enseignant voit qui manque à l'échéance) ;
 * 3. ouvert par l'élève (`vuLe ≤ maintenant`) → `vu` ;
 * 4. sinon → `non-ouvert`.
 * Avec un délai accordé à l'élève (`derogation`), ce sont ses dates effectives (`datesEffectives`) : il
 * n'est pas `non-rendu` avant son échéance à lui.
 *
 * @example
 * statutSuivi({ devoir, vuLe: "2026-03-24T17:00:00+01:00", maintenant: "2026-03-25T08:00:00+01:00" }); // "vu"
 * statutSuivi({ devoir, maintenant: "2026-04-01T00:00:00+02:00" }); // "non-rendu"
 */
export function statutSuivi(entree: {
  devoir: DatesDevoir;
  rendu?: RenduDevoir | null;
  vuLe?: InstantEntree | null;
  /** Le délai accordé à cet élève, s'il en a un. */
  derogation?: Derogation | null;
  maintenant: InstantEntree;
}): StatutSuivi {
  const d = datesEffectives(entree.devoir, entree.derogation);
  const maintenant = versDate(entree.maintenant);
  const t = maintenant.getTime();
  const renduLe = renduConnu(entree.rendu, maintenant);
  if (renduLe)
    return estEnRetard(renduLe, echeanceDuRendu(entree.rendu!, d.echeance)) ? "rendu-en-retard" : "rendu";
  if (t > d.echeance.getTime()) return "non-rendu";
  if (entree.vuLe != null && versDate(entree.vuLe).getTime() <= t) return "vu";
  return "non-ouvert";
}
