import { and, eq, inArray, max } from "drizzle-orm";
import { fichiersRendu, rendus, type TrousseDb, type UtilisateurConnecte } from "@trousse/db";
import type { LigneDevoir } from "../devoirs/acces.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { accuseDeReception, rendreDevoir, type AccuseReception, type DepsRendre } from "./rendre.js";
import { idTusVersUuid } from "../televersements/identifiant.js";

const ID_TUS = /^[0-9a-f]{32}$/;

/**
 * Retrouve le rendu déjà enregistré pour EXACTEMENT cet ensemble d'envois (les fichiers d'un rendu portent
 * l'id de leur envoi tus) de cet élève pour ce devoir, et refait son accusé de réception à l'identique
 * (seul `versionRetenue` suit une version plus récente). `null` si ces envois n'ont pas été rendus ensemble.
 *
 * @example
 * const accuse = await retrouverAccuse(db, devoir, eleve, ["3f2a…"]); // AccuseReception | null
 */
export async function retrouverAccuse(
  db: TrousseDb,
  devoir: LigneDevoir,
  eleve: Pick<UtilisateurConnecte, "id" | "nomAffiche">,
  televersements: readonly string[],
): Promise<AccuseReception | null> {
  const ids = [...new Set(televersements)];
  if (ids.length === 0 || ids.length !== televersements.length || !ids.every((id) => ID_TUS.test(id)))
    return null;
  const trouves = await db
    .select({ fichierId: fichiersRendu.id, renduId: fichiersRendu.renduId })
    .from(fichiersRendu)
    .innerJoin(rendus, eq(rendus.id, fichiersRendu.renduId))
    .where(
      and(
        inArray(fichiersRendu.id, ids.map(idTusVersUuid)),
        eq(rendus.devoirId, devoir.id),
        eq(rendus.eleveId, eleve.id),
      ),
    );
  const renduId = trouves[0]?.renduId;
  if (!renduId || trouves.length !== ids.length || trouves.some((t) => t.renduId !== renduId)) return null;
  const [rendu] = await db.select().from(rendus).where(eq(rendus.id, renduId));
  const fichiers = await db
    .select()
    .from(fichiersRendu)
    .where(eq(fichiersRendu.renduId, renduId))
    .orderBy(fichiersRendu.ordre);
  // Même ensemble, pas un sous-ensemble : un rendu de 3 fichiers ne répond pas à une demande qui en cite 2.
  if (!rendu || fichiers.length !== ids.length) return null;
  const [derniere] = await db
    .select({ version: max(rendus.version) })
    .from(rendus)
    .where(and(eq(rendus.devoirId, devoir.id), eq(rendus.eleveId, eleve.id)));
  return accuseDeReception({
    renduId: rendu.id,
    devoir,
    eleve,
    renduLe: rendu.renduLe,
    recuLe: rendu.recuLe,
    enRetard: rendu.enRetard,
    version: rendu.version,
    versionRetenue: derniere?.version ?? rendu.version,
    declarationCochee: rendu.declarationCochee,
    delai: { echeance: rendu.delaiEcheance, dateLimite: rendu.delaiDateLimite },
    fichiers,
  });
}

/**
 * « Rendre » sans risque à rejouer : si l'accusé de réception s'est perdu sur le réseau et que l'élève
 * renvoie la même demande (mêmes identifiants d'envoi), le rendu déjà enregistré est retrouvé et son
 * accusé renvoyé (`dejaRendu: true`, HTTP 200) au lieu d'une erreur ; rien n'est écrit une seconde fois.
 * Le premier essai garde toutes ses garanties (fichiers synchronisés avant la transaction). Le chemin
 * normal ne fait aucune requête de plus : la recherche n'a lieu qu'après un refus 404 ou 409.
 *
 * @example
 * const { accuse, dejaRendu } = await rendreRejouable(deps, devoir, eleve, { televersements: ["3f…"], declarationCochee: true });
 * return c.json({ accuseReception: accuse }, dejaRendu ? 200 : 201);
 */
export async function rendreRejouable(
  deps: DepsRendre,
  devoir: LigneDevoir,
  eleve: UtilisateurConnecte,
  demande: { televersements: string[]; declarationCochee: boolean },
): Promise<{ accuse: AccuseReception; dejaRendu: boolean }> {
  // Un double appui arrive au même processus : les deux demandes passent l'une après l'autre, la seconde
  // retrouve l'accusé de la première. (D'un processus à l'autre, c'est l'index unique et le 404 qui tranchent.)
  return uneALaFois(`${devoir.id}:${eleve.id}`, async () => {
    try {
      return { accuse: await rendreDevoir(deps, devoir, eleve, demande), dejaRendu: false };
    } catch (erreur) {
      if (!(erreur instanceof ErreurApi) || (erreur.status !== 404 && erreur.status !== 409)) throw erreur;
      const restes = await nettoyerRestes(deps, demande.televersements);
      const accuse = await retrouverAccuse(deps.db, devoir, eleve, demande.televersements);
      if (accuse) return { accuse, dejaRendu: true };
      // Des envois déjà rendus (restes d'un arrêt brutal, maintenant supprimés) : la même réponse que si le
      // ménage avait eu lieu — l'envoi n'existe plus —, pas un « rendu concurrent » trompeur.
      if (restes > 0) throw envoiIntrouvable();
      throw erreur;
    }
  });
}

/**
 * Supprime du disque les envois de la demande déjà conservés par un rendu (ou un sujet, un retour) : ce
 * sont les restes d'un processus mort entre l'enregistrement et le ménage. Renvoie leur nombre.
 *
 * @example
 * await nettoyerRestes(deps, ["3f2a…"]); // 1
 */
async function nettoyerRestes(deps: DepsRendre, televersements: readonly string[]): Promise<number> {
  const restes = await deps.registre.consommes(televersements.filter((id) => ID_TUS.test(id)));
  for (const id of restes) await deps.store.remove(id).catch(() => undefined);
  return restes.length;
}

const envoiIntrouvable = (): ErreurApi =>
  new ErreurApi(
    404,
    "televersement-introuvable",
    "Un des fichiers indiqués n'existe pas ou a expiré : envoyez-le de nouveau.",
  );

const fileParCle = new Map<string, Promise<unknown>>();

/** Runs `f` after every earlier call with the same key has settled (one process, FIFO per key). */
async function uneALaFois<T>(cle: string, f: () => Promise<T>): Promise<T> {
  const avant = fileParCle.get(cle) ?? Promise.resolve();
  const courant = avant.then(f, f);
  const fin = courant.catch(() => undefined);
  fileParCle.set(cle, fin);
  try {
    return await courant;
  } finally {
    if (fileParCle.get(cle) === fin) fileParCle.delete(cle);
  }
}
