import { readdir } from "node:fs/promises";
import type { RegistreTeleversements } from "./registre.js";
import type { StoreTeleversements } from "./store-televersements.js";

const ID_TUS = /^[0-9a-f]{32}$/;
/** Une ligne est écrite juste avant les fichiers de son envoi : plus vieille que ça sans fichier, c'est un reste. */
const GRACE_MS = 60_000;

/** Ce que la réconciliation a fait. */
export interface BilanReconciliation {
  /** Envois déjà conservés (rendu, sujet, corrigé, retour) encore sur le disque : supprimés. */
  restesSupprimes: number;
  /** Envois sur le disque sans ligne en base (écrits avant que la base ne les compte) : inscrits. */
  adoptes: number;
  /** Lignes en base sans fichier sur le disque : oubliées. */
  lignesOubliees: number;
}

/**
 * Remet d'accord le disque et la base après un arrêt brutal (au démarrage, puis à chaque nettoyage) :
 * un envoi déjà conservé par un « rendre » (ou un sujet, un corrigé, un retour) dont le processus est mort
 * entre l'enregistrement et le ménage est supprimé du disque ; un envoi présent sans ligne est inscrit (il
 * compte de nouveau) ; une ligne sans fichier est oubliée (après un délai de grâce d'une minute).
 *
 * @example
 * const bilan = await reconcilierTeleversements(store, registreEnBase(db));
 * // { restesSupprimes: 2, adoptes: 0, lignesOubliees: 0 }
 */
export async function reconcilierTeleversements(
  store: StoreTeleversements,
  registre: RegistreTeleversements,
  maintenant: Date = new Date(),
): Promise<BilanReconciliation> {
  const noms = await readdir(store.dossier);
  const ids = noms
    .filter((n) => n.endsWith(".json") && ID_TUS.test(n.slice(0, -5)))
    .map((n) => n.slice(0, -5));
  const consommes = new Set(await registre.consommes(ids));
  for (const id of consommes) await store.remove(id);
  const restants = ids.filter((id) => !consommes.has(id));
  const aAdopter = [];
  for (const id of restants) {
    const info = await store.configstore.get(id).catch(() => undefined);
    const meta = info?.metadata;
    if (!info || !meta?.devoir || !meta.proprietaire) continue;
    aAdopter.push({
      id,
      devoirId: meta.devoir,
      proprietaireId: meta.proprietaire,
      taille: info.size ?? 0,
      creeLe: info.creation_date ? new Date(info.creation_date) : maintenant,
    });
  }
  await registre.adopter(aAdopter);
  const lignesOubliees = await registre.oublierAbsents(restants, new Date(maintenant.getTime() - GRACE_MS));
  return { restesSupprimes: consommes.size, adoptes: aAdopter.length, lignesOubliees };
}
