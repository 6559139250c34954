/** Le fuseau horaire de référence des règles de Trousse. */
export const FUSEAU_PARIS = "Europe/Paris";

/** Une heure « murale » (ce qu'affiche l'horloge locale), champs numériques. */
export interface HeureMurale {
  annee: number;
  /** 1 à 12. */
  mois: number;
  /** 1 à 31. */
  jour: number;
  heure: number;
  minute: number;
  seconde: number;
}

const formateurs = new Map<string, Intl.DateTimeFormat>();

function formateur(fuseau: string): Intl.DateTimeFormat {
  let f = formateurs.get(fuseau);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: fuseau,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formateurs.set(fuseau, f);
  }
  return f;
}

/**
 * Heure murale d'un instant dans un fuseau (par défaut Europe/Paris), par `Intl` seul.
 *
 * @example
 * heureMurale(Date.UTC(2026, 2, 31, 21, 59)); // { annee: 2026, mois: 3, jour: 31, heure: 23, minute: 59, seconde: 0 }
 */
export function heureMurale(ms: number, fuseau: string = FUSEAU_PARIS): HeureMurale {
  const parties = formateur(fuseau).formatToParts(new Date(ms));
  const champ = (type: Intl.DateTimeFormatPartTypes): number => {
    const p = parties.find((x) => x.type === type);
    return p ? Number(p.value) : 0;
  };
  const ere = parties.find((x) => x.type === "era")?.value;
  const annee = champ("year");
  return {
    annee: ere === "BC" || ere === "B" ? 1 - annee : annee,
    mois: champ("month"),
    jour: champ("day"),
    heure: champ("hour") % 24,
    minute: champ("minute"),
    seconde: champ("second"),
  };
}

/**
 * Les millisecondes « UTC » d'une heure murale, comme si le fuseau était UTC (base du calcul des décalages).
 *
 * @example
 * msMurales({ annee: 2026, mois: 3, jour: 31, heure: 23, minute: 59, seconde: 0 }); // Date.UTC(2026, 2, 31, 23, 59)
 */
export function msMurales(h: HeureMurale): number {
  const d = new Date(0);
  d.setUTCFullYear(h.annee, h.mois - 1, h.jour);
  d.setUTCHours(h.heure, h.minute, h.seconde, 0);
  return d.getTime();
}

/**
 * Décalage du fuseau par rapport à UTC à cet instant, en millisecondes (Paris : +1 h l'hiver, +2 h l'été).
 *
 * @example
 * decalageMs(Date.UTC(2026, 0, 15)) / 3_600_000; // 1
 * decalageMs(Date.UTC(2026, 6, 15)) / 3_600_000; // 2
 */
export function decalageMs(ms: number, fuseau: string = FUSEAU_PARIS): number {
  const secondes = Math.floor(ms / 1000) * 1000;
  return msMurales(heureMurale(secondes, fuseau)) - secondes;
}
