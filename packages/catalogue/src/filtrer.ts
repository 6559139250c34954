import type { Categorie, Ent, Niveau, Outil, Public } from "./schema.js";
import { normaliser } from "./texte.js";

/** Valeurs du filtre ENT : ODE, SN62, un autre ENT, ou aucun ENT (pour valider un paramètre d'URL). */
export const ENTS_FILTRE = ["ode", "sn62", "autre", "aucun"] as const satisfies readonly (
  Ent | "autre" | "aucun"
)[];

/** ENT d'une école pour le filtre : ODE, SN62, un autre ENT, ou aucun ENT. */
export type EntFiltre = (typeof ENTS_FILTRE)[number];

export interface FiltreOutils {
  categorie?: Categorie;
  public?: Public;
  niveau?: Niveau;
  /** Ne garde que les outils utilisables avec cet ENT (ou sans ENT pour `aucun`). */
  ent?: EntFiltre;
  /** Recherche insensible à la casse et aux accents dans le nom, les autres noms, les avantages et les limites. */
  q?: string;
}

/**
 * Dit si un outil est utilisable avec l'ENT de l'école, selon sa contrainte `entRequis`.
 * « autre » ENT : seuls les outils génériques d'ENT (accès « ENT 1D/2D ») sont utilisables.
 *
 * @example
 * utilisableAvecEnt(getOutil("web-conference-ode")!, "sn62"); // false
 */
export function utilisableAvecEnt(outil: Outil, ent: EntFiltre): boolean {
  const requis = outil.contraintes.entRequis;
  if (!requis) return true;
  if (ent === "aucun") return false;
  if (requis.ents === "tous") return true;
  return ent !== "autre" && requis.ents.includes(ent);
}

/**
 * Filtre les outils ; tous les critères donnés doivent être satisfaits. L'ordre d'entrée est conservé.
 *
 * @example
 * filtrerOutils(outils, { categorie: "visioconference", niveau: "1D", q: "conference" });
 */
export function filtrerOutils(outils: readonly Outil[], filtre: FiltreOutils = {}): Outil[] {
  const q = filtre.q ? normaliser(filtre.q) : "";
  return outils.filter((o) => {
    if (filtre.categorie && !o.categories.includes(filtre.categorie)) return false;
    if (filtre.public && !o.publics.includes(filtre.public)) return false;
    if (filtre.niveau && !o.niveaux.includes(filtre.niveau)) return false;
    if (filtre.ent && !utilisableAvecEnt(o, filtre.ent)) return false;
    if (q) {
      const textes = [o.nom, ...o.autresNoms, ...o.fiches.flatMap((f) => [...f.avantages, ...f.limites])];
      if (!textes.some((t) => normaliser(t).includes(q))) return false;
    }
    return true;
  });
}
