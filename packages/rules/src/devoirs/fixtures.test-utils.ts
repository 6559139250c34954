// Devoirs de référence des tests (heures de Paris, converties par la règle elle-même).
import { heureParisVersInstant as p } from "../dates/heure-paris.js";
import { type DatesDevoir } from "./dates-devoir.js";

export { p };

/** Devoir à rendre le mardi 31 mars 2026 à 23 h 59, sans date limite ni corrigé. */
export const simple: DatesDevoir = { ouverture: p("2026-03-23T08:00"), echeance: p("2026-03-31T23:59") };

/** Même devoir avec date limite le jeudi 2 avril 23 h 59 et corrigé le vendredi 3 avril 8 h 00. */
export const complet: DatesDevoir = {
  ...simple,
  dateLimite: p("2026-04-02T23:59"),
  publicationCorrige: p("2026-04-03T08:00"),
};

/** Devoir qui enjambe le passage à l'heure d'été : échéance le dimanche 29 mars 2026 à 3 h 30. */
export const printemps: DatesDevoir = { ouverture: p("2026-03-28T20:00"), echeance: p("2026-03-29T03:30") };

/** Devoir dont l'échéance tombe dans l'heure répétée d'automne : 25 octobre 2026 à 2 h 30 (première). */
export const automne: DatesDevoir = {
  ouverture: p("2026-10-24T08:00"),
  echeance: p("2026-10-25T02:30"),
  dateLimite: p("2026-10-25T03:00"),
};
