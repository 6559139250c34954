import { type Catalogue, catalogueSchema } from "./schema.js";

/** Une erreur de validation du catalogue : chemin dans les données et message en français. */
export interface ErreurCatalogue {
  chemin: string;
  message: string;
}

/**
 * Valide des données de catalogue (par exemple reçues d'une API ou lues d'un fichier). Ne lève jamais :
 * renvoie le catalogue validé, ou la liste des erreurs avec leur chemin.
 *
 * @example
 * const r = validerCatalogue(await (await fetch("/v1/outils")).json());
 * if (!r.ok) console.error(r.erreurs.map((e) => `${e.chemin} : ${e.message}`).join("\n"));
 */
export function validerCatalogue(
  donnees: unknown,
): { ok: true; catalogue: Catalogue } | { ok: false; erreurs: ErreurCatalogue[] } {
  const r = catalogueSchema.safeParse(donnees);
  if (r.success) return { ok: true, catalogue: r.data };
  return {
    ok: false,
    erreurs: r.error.issues.map((i) => ({ chemin: i.path.join(".") || "(racine)", message: i.message })),
  };
}
