import type { Langue } from "./langue.js";

/** The UI texts of one widget in every language: French bundled, the others loaded on demand. */
export interface Catalogue<M> {
  /** The texts in `langue` if loaded, French (always bundled) otherwise. */
  messages(langue?: Langue): M;
  /** Loads the texts of `langue` once (a separate chunk) and answers them. */
  charger(langue: Langue): Promise<M>;
  /** True when `langue`'s texts are ready (French always is). */
  pret(langue: Langue): boolean;
}

/**
 * The one i18n mechanism of the widgets: each widget has a catalogue, French in the bundle and English in
 * a chunk of its own (a French page never downloads it). `<trousse-choisir-visio>` and
 * `<trousse-rendre-devoir>` both read their texts through one.
 *
 * @example
 * ```ts
 * const textes = creerCatalogue(fr, () => import("./en.js").then((m) => m.en));
 * textes.messages("en"); // French until…
 * await textes.charger("en");
 * textes.messages("en"); // …English
 * ```
 */
export function creerCatalogue<M>(fr: M, en: () => Promise<M>): Catalogue<M> {
  const charges: Partial<Record<Langue, M>> = { fr };
  return {
    messages: (langue = "fr") => charges[langue] ?? fr,
    pret: (langue) => charges[langue] !== undefined,
    async charger(langue) {
      const deja = charges[langue];
      if (deja) return deja;
      return (charges[langue] = await en());
    },
  };
}

/** `un` when `n` ≤ 1, else `plusieurs` (French agreement: 0 and 1 are singular). */
export const pluriel = (n: number, un: string, plusieurs: string): string => (n > 1 ? plusieurs : un);
