import { ErreurRegle } from "./erreur-regle.js";

/** Un instant : une chaîne ISO-8601 avec décalage (`2026-03-31T23:59:00+02:00`, `…Z`) ou un `Date`. */
export type InstantEntree = string | Date;

const ISO_AVEC_DECALAGE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Résultat de {@link analyserInstant}. */
export type ResultatInstant =
  { ok: true; date: Date } | { ok: false; code: "date-invalide"; message: string; messageEn: string };

function joursDansMois(annee: number, mois: number): number {
  return new Date(Date.UTC(annee, mois, 0)).getUTCDate();
}

function invalide(valeur: unknown): ResultatInstant {
  const texte = valeur instanceof Date ? "Date invalide" : String(valeur);
  return {
    ok: false,
    code: "date-invalide",
    message: `La date « ${texte} » est invalide : attendu un instant ISO-8601 avec fuseau (ex. 2026-03-31T23:59:00+02:00).`,
    messageEn: `The date “${texte}” is invalid: expected an ISO-8601 instant with an offset (e.g. 2026-03-31T23:59:00+02:00).`,
  };
}

/**
 * Lit un instant sans jamais lever d'exception : chaîne ISO-8601 **avec** décalage (Z ou ±hh:mm) ou `Date`
 * valide. Une chaîne sans décalage est refusée (elle serait ambiguë) : pour une heure de Paris, utiliser
 * `heureParisVersInstant`. Le calendrier est vérifié (pas de 30 février).
 *
 * @example
 * analyserInstant("2026-03-31T23:59:00+02:00"); // { ok: true, date: 2026-03-31T21:59:00.000Z }
 * analyserInstant("2026-02-30T10:00Z");         // { ok: false, code: "date-invalide", … }
 */
export function analyserInstant(valeur: unknown): ResultatInstant {
  if (valeur instanceof Date) {
    return Number.isNaN(valeur.getTime()) ? invalide(valeur) : { ok: true, date: new Date(valeur.getTime()) };
  }
  if (typeof valeur !== "string") return invalide(valeur);
  const m = ISO_AVEC_DECALAGE.exec(valeur.trim());
  if (!m) return invalide(valeur);
  const [annee, mois, jour, heure, minute, seconde] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(
    Number,
  ) as [number, number, number, number, number, number];
  if (mois < 1 || mois > 12 || jour < 1 || jour > joursDansMois(annee, mois)) return invalide(valeur);
  if (heure > 23 || minute > 59 || seconde > 59) return invalide(valeur);
  const decalage = m[8] ?? "Z";
  if (decalage !== "Z") {
    const chiffres = decalage.replace(":", "");
    if (Number(chiffres.slice(1, 3)) > 23 || Number(chiffres.slice(3, 5)) > 59) return invalide(valeur);
  }
  const ms = Date.parse(valeur.trim());
  return Number.isNaN(ms) ? invalide(valeur) : { ok: true, date: new Date(ms) };
}

/**
 * Comme {@link analyserInstant} mais lève une {@link ErreurRegle} (`date-invalide`) si l'instant est invalide.
 *
 * @example
 * versDate("2026-03-31T21:59:00Z").getTime(); // 1774994340000
 */
export function versDate(valeur: InstantEntree): Date {
  const r = analyserInstant(valeur);
  if (!r.ok) throw new ErreurRegle(r.code, r.message, r.messageEn);
  return r.date;
}
