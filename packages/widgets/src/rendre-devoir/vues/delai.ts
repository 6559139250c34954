import { libelleDelaiAccorde } from "@trousse/rules";
import type { Langue } from "../../shared/i18n/langue.js";

/** The dates of an assignment that an extension's sentence depends on (its due date and cut-off). */
export interface DatesPourDelai {
  /** Absent on a list line: any instant before the due date gives the same sentence. */
  ouverture?: string;
  echeance: string;
  dateLimite?: string | null;
}

/** A pupil's extension as the API answers it (`DelaiAccorde`: the pupil's effective dates). */
export interface DelaiVu {
  echeance: string;
  dateLimite: string | null;
  /** The server's sentence (French), from the same rule. */
  libelle: string;
}

/**
 * « Délai accordé jusqu'au … » in the widget's language, from the rules' {@link libelleDelaiAccorde} (the
 * one formatter: the server's `libelle` is the same rule's French). The sentence reads only the
 * assignment's due date and cut-off, so a list line (which has no opening date) gives the instant just
 * before its due date for it. Without the assignment's dates (or dates the rules refuse), the server's
 * sentence: a view never throws. `null` without an extension.
 *
 * @example
 * ```ts
 * phraseDelai({ echeance: "2026-03-31T21:59:00Z" }, { echeance: "2026-04-07T21:59:00Z", dateLimite: null, libelle }, "fr");
 * // "Délai accordé jusqu'au mardi 7 avril 2026 à 23 h 59."
 * ```
 */
export function phraseDelai(
  devoir: DatesPourDelai | undefined,
  delai: DelaiVu | null | undefined,
  langue: Langue,
): string | null {
  if (!delai) return null;
  if (!devoir) return delai.libelle;
  const ouverture = devoir.ouverture ?? new Date(Date.parse(devoir.echeance) - 1).toISOString();
  try {
    const l = libelleDelaiAccorde(
      { ouverture, echeance: devoir.echeance, dateLimite: devoir.dateLimite ?? null },
      { echeance: delai.echeance, dateLimite: delai.dateLimite },
    );
    return l ? l[langue] : null;
  } catch {
    return delai.libelle;
  }
}
