import { formaterDateParis } from "../dates/formater-date.js";
import { type DatesDevoir, exigerDatesDevoir, finDesRendus } from "./dates-devoir.js";
import { type Derogation, datesEffectives } from "./derogation.js";
import { type Libelle } from "./libelles.js";

/**
 * La phrase « délai accordé jusqu'au … » d'un élève, en français et en anglais, dates en heure de Paris
 * (celles de `datesEffectives`, bornes incluses). `null` s'il n'a pas de délai accordé.
 * - échéance prolongée : « Délai accordé jusqu'au mardi 7 avril 2026 à 23 h 59. », suivi de « Rendu en
 *   retard accepté jusqu'au … » si sa date limite est plus tardive ;
 * - seulement la date limite : « Délai accordé : rendu en retard accepté jusqu'au … ».
 *
 * @example
 * libelleDelaiAccorde(devoir, { echeance: "2026-04-07T23:59:00+02:00" })?.fr;
 * // "Délai accordé jusqu'au mardi 7 avril 2026 à 23 h 59."
 * libelleDelaiAccorde(devoir, { dateLimite: "2026-04-05T23:59:00+02:00" })?.en;
 * // "Extension granted: late hand-in accepted until Sunday 5 April 2026 at 23:59."
 * libelleDelaiAccorde(devoir, null); // null
 */
export function libelleDelaiAccorde(
  devoir: DatesDevoir,
  derogation: Derogation | null | undefined,
): Libelle | null {
  if (!derogation) return null;
  const d = exigerDatesDevoir(devoir);
  const e = datesEffectives(devoir, derogation);
  const retard = e.dateLimite && e.dateLimite.getTime() > e.echeance.getTime() ? e.dateLimite : null;
  if (e.echeance.getTime() > d.echeance.getTime()) {
    return {
      fr:
        `Délai accordé jusqu'au ${formaterDateParis(e.echeance)}.` +
        (retard ? ` Rendu en retard accepté jusqu'au ${formaterDateParis(retard)}.` : ""),
      en:
        `Extension granted until ${formaterDateParis(e.echeance, "en")}.` +
        (retard ? ` Late hand-in accepted until ${formaterDateParis(retard, "en")}.` : ""),
    };
  }
  // Seule la date limite est prolongée ; un délai qui ne donne plus rien (devoir modifié depuis) : null.
  if (!retard || retard.getTime() <= finDesRendus(d).getTime()) return null;
  return {
    fr: `Délai accordé : rendu en retard accepté jusqu'au ${formaterDateParis(retard)}.`,
    en: `Extension granted: late hand-in accepted until ${formaterDateParis(retard, "en")}.`,
  };
}
