import { ErreurRegle } from "./erreur-regle.js";
import { FUSEAU_PARIS, decalageMs, heureMurale, msMurales, type HeureMurale } from "./fuseau.js";

const HEURE_LOCALE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const JOUR_MS = 86_400_000;

/** Ce qui s'est passé lors de la conversion d'une heure locale en instant. */
export type CasHeureLocale = "normale" | "trou-ete" | "ambigue-automne";

/** Résultat de {@link analyserHeureParis}. */
export type ResultatHeureParis =
  | { ok: true; date: Date; cas: CasHeureLocale }
  | { ok: false; code: "heure-locale-invalide"; message: string; messageEn: string };

function lireHeureLocale(texte: string): HeureMurale | null {
  const m = HEURE_LOCALE.exec(texte);
  if (!m) return null;
  const [annee, mois, jour, heure, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const seconde = Number(m[6] ?? "0");
  const joursMois = new Date(Date.UTC(annee, mois, 0)).getUTCDate();
  if (mois < 1 || mois > 12 || jour < 1 || jour > joursMois) return null;
  if (heure > 23 || minute > 59 || seconde > 59) return null;
  return { annee, mois, jour, heure, minute, seconde };
}

/**
 * Convertit une heure murale de Paris (`"2026-03-31T23:59"`, secondes facultatives) en instant, sans lever
 * d'exception. Politique (celle de Temporal, `disambiguation: "compatible"`) :
 * - **trou du printemps** (dernier dimanche de mars, 2 h → 3 h) : l'heure inexistante est **avancée** de la
 *   durée du trou (`2026-03-29T02:30` → 03 h 30 heure d'été = `01:30Z`), `cas: "trou-ete"` ;
 * - **heure ambiguë de l'automne** (dernier dimanche d'octobre, 2 h → 3 h vécues deux fois) : on prend la
 *   **première** occurrence, encore à l'heure d'été (`2026-10-25T02:30` → `00:30Z`), `cas: "ambigue-automne"`.
 *
 * @example
 * analyserHeureParis("2026-03-31T23:59");  // { ok: true, date: 2026-03-31T21:59:00.000Z, cas: "normale" }
 * analyserHeureParis("2026-03-29T02:30");  // { ok: true, date: 2026-03-29T01:30:00.000Z, cas: "trou-ete" }
 */
export function analyserHeureParis(texte: unknown, fuseau: string = FUSEAU_PARIS): ResultatHeureParis {
  const h = typeof texte === "string" ? lireHeureLocale(texte.trim()) : null;
  if (!h) {
    const t = String(texte);
    return {
      ok: false,
      code: "heure-locale-invalide",
      message: `L'heure « ${t} » est invalide : attendu AAAA-MM-JJTHH:MM (heure de Paris), ex. 2026-03-31T23:59.`,
      messageEn: `The local time “${t}” is invalid: expected YYYY-MM-DDTHH:MM (Paris time), e.g. 2026-03-31T23:59.`,
    };
  }
  const murale = msMurales(h);
  const avant = decalageMs(murale - JOUR_MS, fuseau);
  const apres = decalageMs(murale + JOUR_MS, fuseau);
  const candidats = [...new Set([murale - avant, murale - apres])]
    .filter((ms) => ms + decalageMs(ms, fuseau) === murale)
    .sort((a, b) => a - b);
  if (candidats.length === 0) {
    // Trou : on applique le décalage d'avant la transition, ce qui avance l'heure de la durée du trou.
    return { ok: true, date: new Date(murale - avant), cas: "trou-ete" };
  }
  return {
    ok: true,
    date: new Date(candidats[0] as number),
    cas: candidats.length > 1 ? "ambigue-automne" : "normale",
  };
}

/**
 * Comme {@link analyserHeureParis} mais rend directement le `Date` et lève une {@link ErreurRegle}
 * (`heure-locale-invalide`) si le texte n'est pas une heure locale valide.
 *
 * @example
 * heureParisVersInstant("2026-10-25T02:30").toISOString(); // "2026-10-25T00:30:00.000Z"
 */
export function heureParisVersInstant(texte: string, fuseau: string = FUSEAU_PARIS): Date {
  const r = analyserHeureParis(texte, fuseau);
  if (!r.ok) throw new ErreurRegle(r.code, r.message, r.messageEn);
  return r.date;
}

const deux = (n: number): string => String(n).padStart(2, "0");

/**
 * L'heure murale de Paris d'un instant, au format d'un `<input type="datetime-local">` (`AAAA-MM-JJTHH:MM`).
 * Réciproque de {@link heureParisVersInstant} hors trou et heure ambiguë.
 *
 * @example
 * instantVersHeureParis(new Date("2026-03-31T21:59:00Z")); // "2026-03-31T23:59"
 */
export function instantVersHeureParis(date: Date, fuseau: string = FUSEAU_PARIS): string {
  const h = heureMurale(date.getTime(), fuseau);
  return `${String(h.annee).padStart(4, "0")}-${deux(h.mois)}-${deux(h.jour)}T${deux(h.heure)}:${deux(h.minute)}`;
}
