import { type InstantEntree, versDate } from "../dates/instant.js";

/**
 * Le corrigé d'un devoir est-il visible ? Toujours pour l'enseignant qui a donné le devoir ; pour les élèves
 * et leurs parents, à partir de la date de publication du corrigé **incluse**, et jamais s'il n'y en a pas.
 *
 * @example
 * const devoir = { publicationCorrige: "2026-04-01T08:00:00+02:00" };
 * corrigeVisible({ devoir, enseignant: false, maintenant: "2026-04-01T07:59:59+02:00" }); // false
 * corrigeVisible({ devoir, enseignant: false, maintenant: "2026-04-01T08:00:00+02:00" }); // true (inclus)
 * corrigeVisible({ devoir: { publicationCorrige: null }, enseignant: true, maintenant: new Date() }); // true
 */
export function corrigeVisible(entree: {
  devoir: { publicationCorrige?: InstantEntree | null };
  /** L'utilisateur est l'enseignant auteur du devoir. */
  enseignant: boolean;
  maintenant: InstantEntree;
}): boolean {
  if (entree.enseignant) return true;
  const publication = entree.devoir.publicationCorrige;
  if (publication === null || publication === undefined) return false;
  return versDate(entree.maintenant).getTime() >= versDate(publication).getTime();
}
