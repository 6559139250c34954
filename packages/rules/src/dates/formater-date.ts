import { FUSEAU_PARIS, heureMurale } from "./fuseau.js";
import { INSECABLE, type Langue } from "./langue.js";
import { type InstantEntree, versDate } from "./instant.js";

const noms = new Map<string, Intl.DateTimeFormat>();

function nomsDate(langue: Langue, fuseau: string): Intl.DateTimeFormat {
  const cle = `${langue}|${fuseau}`;
  let f = noms.get(cle);
  if (!f) {
    f = new Intl.DateTimeFormat(langue === "fr" ? "fr-FR" : "en-GB", {
      timeZone: fuseau,
      weekday: "long",
      month: "long",
    });
    noms.set(cle, f);
  }
  return f;
}

/**
 * Formate un instant en heure de Paris, en toutes lettres, pour un élève ou un parent.
 * Français : `mardi 31 mars 2026 à 23 h 59` (« 1er » pour le premier du mois, espaces insécables autour
 * de « h ») ; anglais : `Tuesday 31 March 2026 at 23:59`. Lève `ErreurRegle` (`date-invalide`) si l'instant
 * est invalide.
 *
 * @example
 * formaterDateParis("2026-03-31T21:59:00Z");        // "mardi 31 mars 2026 à 23 h 59" (espaces insécables)
 * formaterDateParis("2026-03-31T21:59:00Z", "en");  // "Tuesday 31 March 2026 at 23:59"
 */
export function formaterDateParis(
  instant: InstantEntree,
  langue: Langue = "fr",
  fuseau = FUSEAU_PARIS,
): string {
  const date = versDate(instant);
  const h = heureMurale(date.getTime(), fuseau);
  const parties = nomsDate(langue, fuseau).formatToParts(date);
  const jourSemaine = parties.find((p) => p.type === "weekday")?.value ?? "";
  const mois = parties.find((p) => p.type === "month")?.value ?? "";
  const minute = String(h.minute).padStart(2, "0");
  if (langue === "fr") {
    const jour = h.jour === 1 ? "1er" : String(h.jour);
    return `${jourSemaine} ${jour} ${mois} ${h.annee} à ${h.heure}${INSECABLE}h${INSECABLE}${minute}`;
  }
  return `${jourSemaine} ${h.jour} ${mois} ${h.annee} at ${String(h.heure).padStart(2, "0")}:${minute}`;
}
