import { INSECABLE, type Langue } from "../dates/langue.js";

const UNITES: Record<Langue, string[]> = {
  fr: ["octets", "Ko", "Mo", "Go", "To"],
  en: ["bytes", "KB", "MB", "GB", "TB"],
};
const formats = new Map<Langue, Intl.NumberFormat>();

/**
 * Une taille en mots, en unités binaires comme l'explorateur de Windows (1 Mo = 1 048 576 octets), une
 * décimale au plus : « 12,5 Mo », « 12.5 MB », « 512 octets ». Espace insécable avant l'unité.
 *
 * @example
 * formaterTaille(100 * 1024 * 1024); // "100 Mo"
 * formaterTaille(1536, "en");         // "1.5 KB"
 */
export function formaterTaille(octets: number, langue: Langue = "fr"): string {
  let f = formats.get(langue);
  if (!f) {
    f = new Intl.NumberFormat(langue === "fr" ? "fr-FR" : "en-GB", {
      maximumFractionDigits: 1,
      useGrouping: false,
    });
    formats.set(langue, f);
  }
  let valeur = Math.max(0, octets);
  let rang = 0;
  while (valeur >= 1024 && rang < 4) {
    valeur /= 1024;
    rang++;
  }
  return `${f.format(rang === 0 ? Math.round(valeur) : valeur)}${INSECABLE}${UNITES[langue][rang] ?? ""}`;
}
