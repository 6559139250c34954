import { type InstantEntree, versDate } from "../dates/instant.js";
import { type Derogation } from "./derogation.js";

/**
 * Le corrigé d'un devoir est-il visible ? Toujours pour l'enseignant qui a donné le devoir ; pour les élèves
 * et leurs parents, à partir de la date de publication du corrigé **incluse**, et jamais s'il n'y en a pas.
 * Un élève qui a un délai accordé (`derogation`) ne le voit **pas avant la fin de son délai** (sa date limite
 * accordée ou, sans elle, son échéance accordée ; à partir de cet instant inclus, comme la publication
 * d'un devoir peut égaler sa date limite) : tant qu'il peut rendre, il pourrait le recopier. C'est la
 * `publicationCorrige` de `datesEffectives`. Pour son parent, passer aussi ce délai (il pourrait le lui montrer).
 *
 * @example
 * const devoir = { publicationCorrige: "2026-04-01T08:00:00+02:00" };
 * corrigeVisible({ devoir, enseignant: false, maintenant: "2026-04-01T07:59:59+02:00" }); // false
 * corrigeVisible({ devoir, enseignant: false, maintenant: "2026-04-01T08:00:00+02:00" }); // true (inclus)
 * corrigeVisible({ devoir: { publicationCorrige: null }, enseignant: true, maintenant: new Date() }); // true
 * corrigeVisible({ devoir, derogation: { echeance: "2026-04-07T23:59:00+02:00" }, enseignant: false,
 *                  maintenant: "2026-04-05T08:00:00+02:00" }); // false (délai en cours)
 */
export function corrigeVisible(entree: {
  devoir: { publicationCorrige?: InstantEntree | null };
  /** L'utilisateur est l'enseignant auteur du devoir. */
  enseignant: boolean;
  /** Le délai accordé à l'élève (ou à l'enfant du parent), s'il en a un. */
  derogation?: Derogation | null;
  maintenant: InstantEntree;
}): boolean {
  if (entree.enseignant) return true;
  const publication = entree.devoir.publicationCorrige;
  if (publication === null || publication === undefined) return false;
  const t = versDate(entree.maintenant).getTime();
  if (t < versDate(publication).getTime()) return false;
  // Le corrigé publié attend la fin du délai accordé (publication effective de `datesEffectives`).
  for (const fin of [entree.derogation?.echeance, entree.derogation?.dateLimite]) {
    if (fin !== null && fin !== undefined && fin !== "" && t < versDate(fin).getTime()) return false;
  }
  return true;
}
