import { type InstantEntree, versDate } from "../dates/instant.js";
import { INSECABLE, type Langue } from "../dates/langue.js";

const MINUTE = 60_000;
const HEURE = 60 * MINUTE;
const JOUR = 24 * HEURE;

/** Le temps restant avant une échéance, pour un compte à rebours (durée écoulée réelle, pas calendaire). */
export interface TempsRestant {
  /** Millisecondes restantes, 0 si l'échéance est atteinte ou passée. */
  totalMs: number;
  jours: number;
  /** 0 à 23. */
  heures: number;
  /** 0 à 59. */
  minutes: number;
  /** 0 à 59. */
  secondes: number;
  /** Vrai quand il reste strictement moins de 24 h et que l'échéance n'est pas dépassée (afficher en urgence). */
  moinsDe24h: boolean;
  /** Vrai quand `maintenant` est strictement après l'échéance. */
  depasse: boolean;
}

/**
 * Le temps restant jusqu'à l'échéance. Une journée compte 24 h réelles, même les jours de changement
 * d'heure (le compte à rebours ne saute pas). À l'instant exact de l'échéance : `totalMs: 0`, `depasse: false`.
 *
 * @example
 * tempsRestant("2026-03-31T23:59:00+02:00", "2026-03-30T21:29:00+02:00");
 * // { totalMs: 95_400_000, jours: 1, heures: 2, minutes: 30, secondes: 0, moinsDe24h: false, depasse: false }
 */
export function tempsRestant(echeance: InstantEntree, maintenant: InstantEntree): TempsRestant {
  const ecart = versDate(echeance).getTime() - versDate(maintenant).getTime();
  const totalMs = Math.max(0, ecart);
  return {
    totalMs,
    jours: Math.floor(totalMs / JOUR),
    heures: Math.floor((totalMs % JOUR) / HEURE),
    minutes: Math.floor((totalMs % HEURE) / MINUTE),
    secondes: Math.floor((totalMs % MINUTE) / 1000),
    moinsDe24h: ecart >= 0 && ecart < JOUR,
    depasse: ecart < 0,
  };
}

function unite(n: number, fr: [string, string], en: [string, string], langue: Langue): string {
  const [un, plusieurs] = langue === "fr" ? fr : en;
  return `${n}${INSECABLE}${n > 1 ? plusieurs : un}`;
}

/**
 * Le temps restant en mots, pour l'élève : les deux unités les plus grandes non nulles
 * (« 2 jours 3 heures », « 5 heures 12 minutes », « 12 minutes », « moins d'une minute », « échéance dépassée »).
 *
 * @example
 * formaterTempsRestant(tempsRestant("2026-03-31T23:59:00+02:00", "2026-03-30T21:29:00+02:00"));
 * // "1 jour 2 heures" (espaces insécables entre nombre et unité)
 * formaterTempsRestant(tempsRestant("2026-03-31T23:59:00+02:00", "2026-03-31T23:47:00+02:00"), "en"); // "12 minutes"
 */
export function formaterTempsRestant(temps: TempsRestant, langue: Langue = "fr"): string {
  if (temps.depasse) return langue === "fr" ? "échéance dépassée" : "past due";
  const parties: string[] = [];
  if (temps.jours > 0) parties.push(unite(temps.jours, ["jour", "jours"], ["day", "days"], langue));
  if (temps.heures > 0) parties.push(unite(temps.heures, ["heure", "heures"], ["hour", "hours"], langue));
  if (temps.minutes > 0)
    parties.push(unite(temps.minutes, ["minute", "minutes"], ["minute", "minutes"], langue));
  if (parties.length === 0) return langue === "fr" ? "moins d'une minute" : "less than a minute";
  return parties.slice(0, 2).join(" ");
}
