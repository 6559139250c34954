import { ErreurRegle } from "../dates/erreur-regle.js";
import { FUSEAU_PARIS, heureMurale } from "../dates/fuseau.js";
import { heureParisVersInstant } from "../dates/heure-paris.js";
import { type DatesDevoir, exigerDatesDevoir } from "./dates-devoir.js";
import { type Derogation, datesEffectives } from "./derogation.js";

/** Réglages de conservation des rendus. */
export interface OptionsPurge {
  /** Dernier jour de l'année scolaire (inclus), en heure de Paris. Défaut : 31 août (année 1er sept. → 31 août). */
  finAnneeScolaire?: { mois: number; jour: number };
  /** Délai de conservation après la fin de l'année scolaire, en mois (0 à 36). Défaut : 1. */
  delaiMois?: number;
}

/** Les réglages par défaut : année scolaire du 1er septembre au 31 août, puis un mois. */
export const PURGE_PAR_DEFAUT = { finAnneeScolaire: { mois: 8, jour: 31 }, delaiMois: 1 } as const;

const joursDansMois = (annee: number, mois: number): number =>
  new Date(Date.UTC(annee, mois, 0)).getUTCDate();
const deux = (n: number): string => String(n).padStart(2, "0");

/**
 * Quand purger les rendus d'un devoir : à la fin du jour qui suit de `delaiMois` mois la fin de l'année
 * scolaire du devoir, à minuit heure de Paris. L'année scolaire du devoir est celle qui contient sa dernière
 * date (corrigé, sinon date limite, sinon échéance). Si le jour n'existe pas dans le mois d'arrivée, on prend
 * le dernier jour du mois (31 août + 1 mois → 30 septembre). Défaut : 1er octobre 0 h 00 suivant.
 * Avec les délais accordés du devoir (`derogations`), la dernière date est la plus tardive de celles de la
 * classe et de chaque élève (ses dates effectives) : un délai qui passe la fin de l'année scolaire reporte la
 * purge d'un an, sinon le rendu de cet élève serait effacé avant même d'avoir pu être rendu.
 * Lève `ErreurRegle` (`purge-invalide`) si les réglages sont hors bornes.
 *
 * @example
 * dateDePurge({ ouverture: "2026-03-23T08:00:00+01:00", echeance: "2026-03-31T23:59:00+02:00" });
 * // 2026-09-30T22:00:00.000Z (1er octobre 2026 à 0 h 00, heure de Paris)
 * dateDePurge(devoir, { finAnneeScolaire: { mois: 7, jour: 14 }, delaiMois: 0 });
 * // 2026-07-14T22:00:00.000Z (15 juillet 2026 à 0 h 00)
 * dateDePurge({ ouverture: "2026-08-17T08:00:00+02:00", echeance: "2026-08-28T23:59:00+02:00" }, {},
 *   [{ echeance: "2026-09-04T23:59:00+02:00" }]);
 * // 2027-09-30T22:00:00.000Z (un élève rend dans l'année scolaire 2026-2027)
 */
export function dateDePurge(
  devoir: DatesDevoir,
  options: OptionsPurge = {},
  derogations: readonly (Derogation | null)[] = [],
): Date {
  const fin = options.finAnneeScolaire ?? PURGE_PAR_DEFAUT.finAnneeScolaire;
  const delai = options.delaiMois ?? PURGE_PAR_DEFAUT.delaiMois;
  const finValide =
    Number.isInteger(fin.mois) &&
    fin.mois >= 1 &&
    fin.mois <= 12 &&
    Number.isInteger(fin.jour) &&
    fin.jour >= 1 &&
    fin.jour <= joursDansMois(2024, fin.mois);
  if (!finValide || !Number.isInteger(delai) || delai < 0 || delai > 36) {
    throw new ErreurRegle(
      "purge-invalide",
      "Réglage de conservation invalide : la fin d'année scolaire doit être un jour existant (mois 1 à 12) et le délai un nombre entier de mois entre 0 et 36.",
      "Invalid retention setting: the end of the school year must be an existing day (month 1 to 12) and the delay a whole number of months between 0 and 36.",
    );
  }
  const derniere = (x: ReturnType<typeof exigerDatesDevoir>): number =>
    (x.publicationCorrige ?? x.dateLimite ?? x.echeance).getTime();
  const d = exigerDatesDevoir(devoir);
  const reference = new Date(
    Math.max(derniere(d), ...derogations.map((g) => derniere(datesEffectives(d, g)))),
  );
  const h = heureMurale(reference.getTime(), FUSEAU_PARIS);
  // Année scolaire : elle se termine le (fin.mois, fin.jour) de l'année h.annee ou de la suivante.
  const apresFin =
    h.mois > fin.mois ||
    (h.mois === fin.mois && h.jour > Math.min(fin.jour, joursDansMois(h.annee, fin.mois)));
  const anneeFin = apresFin ? h.annee + 1 : h.annee;
  const moisTotal = fin.mois - 1 + delai;
  const annee = anneeFin + Math.floor(moisTotal / 12);
  const mois = (moisTotal % 12) + 1;
  const jour = Math.min(fin.jour, joursDansMois(annee, mois));
  // Lendemain du jour obtenu, à minuit.
  const lendemain = new Date(Date.UTC(annee, mois - 1, jour + 1));
  return heureParisVersInstant(
    `${String(lendemain.getUTCFullYear()).padStart(4, "0")}-${deux(lendemain.getUTCMonth() + 1)}-${deux(lendemain.getUTCDate())}T00:00`,
  );
}
