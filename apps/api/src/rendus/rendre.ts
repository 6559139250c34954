import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  fichiersRendu,
  rendus,
  televersementsEnAttente,
  type TrousseDb,
  type UtilisateurConnecte,
} from "@trousse/db";
import {
  datesDuDevoir,
  formaterDateParis,
  libelleStatutRendu,
  peutAjouterVersion,
  peutRemplacer,
  peutRendre,
  statutRendu,
  verifierLot,
} from "@trousse/rules";
import { ErreurApi } from "../erreurs/erreur-api.js";
import type { LigneDevoir } from "../devoirs/acces.js";
import type { RegistreTeleversements } from "../televersements/registre.js";
import type { StoreTeleversements } from "../televersements/store-televersements.js";
import type { TeleversementTermine } from "../televersements/types.js";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";
import type { AccuseReception } from "./schemas.js";
import { idTusVersUuid } from "../televersements/identifiant.js";

export type { AccuseReception };

export interface DepsRendre {
  db: TrousseDb;
  store: StoreTeleversements;
  stockage: StockageFichiers;
  /** Où les envois en attente sont comptés : « rendre » y retire ceux qu'il consomme, dans son instruction. */
  registre: RegistreTeleversements;
  maintenant: () => Date;
  /** Versions qu'un élève peut rendre par devoir (`peutAjouterVersion`). */
  versionsMax: number;
}

/**
 * « Rendre » : vérifie les fichiers reçus (tous entiers, hachés, à cet élève et à ce devoir, dans les
 * limites du devoir), les dates (les règles décident à l'heure, en retard ou refusé ; remplacement avant
 * l'échéance seulement, `versionsMax` versions au plus), la déclaration sur l'honneur ; conserve durablement
 * les fichiers (lien + fsync), puis enregistre la nouvelle version et ses fichiers, et retire les envois
 * consommés du compte des envois en attente, en UNE instruction SQL (atomique). Renvoie l'accusé de réception.
 *
 * @example
 * const accuse = await rendreDevoir(deps, devoir, eleve, { televersements: ["3f…"], declarationCochee: true });
 */
export async function rendreDevoir(
  deps: DepsRendre,
  devoir: LigneDevoir,
  eleve: UtilisateurConnecte,
  demande: { televersements: string[]; declarationCochee: boolean },
): Promise<AccuseReception> {
  const { db, store, stockage } = deps;
  const ids = [...new Set(demande.televersements)];
  if (ids.length === 0)
    throw new ErreurApi(400, "aucun-fichier", "Ajoutez au moins un fichier avant de rendre le devoir.");
  if (ids.length !== demande.televersements.length)
    throw new ErreurApi(400, "fichier-en-double", "Le même fichier est indiqué deux fois.");

  const recus: TeleversementTermine[] = [];
  for (const id of ids) {
    const t = await store.lireTermine(id);
    if (!t || t.proprietaireId !== eleve.id || t.devoirId !== devoir.id) {
      const existe = await store.configstore.get(id).catch(() => undefined);
      if (existe && existe.metadata?.proprietaire === eleve.id && existe.metadata.devoir === devoir.id) {
        throw new ErreurApi(
          409,
          "televersement-inacheve",
          `L'envoi du fichier « ${existe.metadata.nom ?? id} » n'est pas terminé : attendez la fin de l'envoi.`,
        );
      }
      throw new ErreurApi(
        404,
        "televersement-introuvable",
        "Un des fichiers indiqués n'existe pas ou a expiré : envoyez-le de nouveau.",
      );
    }
    recus.push(t);
  }
  // Les règles revérifient le lot entier (nombre, tailles, types par octets magiques relus du disque).
  const aVerifier = [];
  for (const r of recus)
    aVerifier.push({ nom: r.nom, taille: r.taille, debut: await sansEnvoiDisparu(store.lireDebut(r.id)) });
  const lot = verifierLot(aVerifier, {
    familles: devoir.familles,
    tailleMaxOctets: devoir.tailleMaxOctets,
    nombreMax: devoir.nombreMaxFichiers,
  });
  if (!lot.ok) throw new ErreurApi(422, lot.erreurs[0]!.code, lot.erreurs.map((e) => e.message).join(" "));
  if (devoir.declarationHonneur && !demande.declarationCochee) {
    throw new ErreurApi(
      422,
      "declaration-requise",
      `Cochez la déclaration sur l'honneur avant de rendre : « ${devoir.declarationHonneur} »`,
    );
  }

  const dates = datesDuDevoir(devoir);
  const [precedent] = await db
    .select({ version: rendus.version, renduLe: rendus.renduLe })
    .from(rendus)
    .where(and(eq(rendus.devoirId, devoir.id), eq(rendus.eleveId, eleve.id)))
    .orderBy(desc(rendus.version))
    .limit(1);
  const avant = deps.maintenant();
  const autorisation = precedent
    ? peutRemplacer({ devoir: dates, rendu: { renduLe: precedent.renduLe }, maintenant: avant })
    : peutRendre({ devoir: dates, maintenant: avant });
  if (!autorisation.ok) throw new ErreurApi(409, autorisation.code, autorisation.message);
  // Le numéro de version est unique par élève et par devoir (index) : refuser au-delà de versionsMax suffit
  // à ce que deux « rendre » simultanés, même de deux processus, ne le dépassent jamais.
  const quota = peutAjouterVersion({ versions: precedent?.version ?? 0, versionsMax: deps.versionsMax });
  if (!quota.ok) throw new ErreurApi(422, quota.code, quota.message);

  // 1. Les fichiers d'abord, durablement : lien dans le dossier des rendus + fsync du dossier.
  const fichiers: {
    id: string;
    nom: string;
    taille: number;
    sha256: string;
    mime: string;
    chemin: string;
    ordre: number;
  }[] = [];
  for (const [ordre, r] of recus.entries()) {
    const id = idTusVersUuid(r.id);
    const chemin = await sansEnvoiDisparu(stockage.conserver(r.chemin, "rendus", devoir.id, id));
    fichiers.push({ id, nom: r.nom, taille: r.taille, sha256: r.sha256, mime: r.mime, chemin, ordre });
  }

  // 2. Puis la base, en une instruction : la version suivante et ses fichiers, ou rien.
  const renduLe = deps.maintenant();
  const ponctuel = peutRendre({ devoir: dates, maintenant: renduLe });
  if (!ponctuel.ok) throw new ErreurApi(409, ponctuel.code, ponctuel.message);
  let ligne: { id: string; version: number };
  try {
    // Une seule instruction SQL (atomique) : la version suivante et ses fichiers, ou rien. Pas de
    // transaction explicite ni de relecture : si un autre rendu a pris ce numéro de version entre-temps,
    // l'index unique `rendus_devoir_eleve_version_uq` refuse l'insertion (409 rendu-concurrent ci-dessous).
    // Sur PGlite (dans le processus de l'API), c'est 1 requête au lieu de 5 (BEGIN, SELECT, 2 INSERT, COMMIT).
    // La même instruction retire les envois consommés des envois en attente : après un arrêt entre elle et
    // le ménage du disque, ils ne comptent déjà plus (le disque est nettoyé au démarrage ou au rejeu).
    const lignesFichiers = sql.join(
      fichiers.map(
        (f) =>
          sql`(${f.id}::uuid, ${f.nom}::text, ${f.taille}::bigint, ${f.sha256}::text, ${f.mime}::text, ${f.chemin}::text, ${f.ordre}::integer)`,
      ),
      sql`, `,
    );
    const resultat = await db.execute(sql`
      with cree as (
        insert into ${rendus} (devoir_id, eleve_id, version, rendu_le, en_retard, declaration_cochee)
        values (${devoir.id}::uuid, ${eleve.id}::uuid, ${(precedent?.version ?? 0) + 1}::integer,
                ${renduLe.toISOString()}::timestamptz, ${ponctuel.enRetard}::boolean, ${demande.declarationCochee}::boolean)
        returning id, version
      ), fichiers as (
        insert into ${fichiersRendu} (id, rendu_id, nom, taille, sha256, mime, chemin, ordre)
        select f.id, cree.id, f.nom, f.taille, f.sha256, f.mime, f.chemin, f.ordre
        from cree, (values ${lignesFichiers}) as f (id, nom, taille, sha256, mime, chemin, ordre)
        returning id
      ), consommes as (
        delete from ${televersementsEnAttente}
        where id in (${sql.join(
          recus.map((r) => sql`${r.id}`),
          sql`, `,
        )})
        returning id
      )
      select cree.id, cree.version from cree`);
    const [cree] = (resultat as unknown as { rows: { id: string; version: number }[] }).rows;
    if (!cree) {
      throw new Error("rendu non enregistré : la base n'a pas renvoyé la version créée");
    }
    ligne = { id: cree.id, version: Number(cree.version) };
  } catch (erreur) {
    if (
      erreur instanceof Error &&
      /rendus_devoir_eleve_version_uq|duplicate key/.test(
        `${erreur.message} ${String((erreur as { cause?: unknown }).cause ?? "")}`,
      )
    ) {
      throw new ErreurApi(
        409,
        "rendu-concurrent",
        "Un autre rendu de ce devoir vient d'être enregistré : rechargez la page.",
      );
    }
    throw erreur;
  }

  // 3. Les envois tus ne servent plus (le fichier vit par son lien dans le dossier des rendus).
  for (const r of recus) await store.remove(r.id).catch(() => undefined);

  return accuseDeReception({
    renduId: ligne.id,
    devoir,
    eleve,
    renduLe,
    enRetard: ponctuel.enRetard,
    version: ligne.version,
    versionRetenue: ligne.version,
    declarationCochee: demande.declarationCochee,
    fichiers,
  });
}

/**
 * Construit l'accusé de réception d'une version de rendu (au moment du rendu ou, pour un « rendre » rejoué,
 * relu depuis la base) : le même texte dans les deux cas.
 *
 * @example
 * const accuse = accuseDeReception({ renduId, devoir, eleve, renduLe, enRetard: false, version: 1, versionRetenue: 1, declarationCochee: true, fichiers });
 */
export function accuseDeReception(v: {
  renduId: string;
  devoir: LigneDevoir;
  eleve: Pick<UtilisateurConnecte, "id" | "nomAffiche">;
  renduLe: Date;
  enRetard: boolean;
  version: number;
  versionRetenue: number;
  declarationCochee: boolean;
  fichiers: readonly { id: string; nom: string; taille: number; sha256: string; mime: string }[];
}): AccuseReception {
  const { devoir, renduLe, enRetard } = v;
  const dates = datesDuDevoir(devoir);
  const statut = statutRendu({ devoir: dates, rendu: { renduLe }, maintenant: renduLe });
  const versionsPrecedentes = v.version - 1;
  return {
    renduId: v.renduId,
    devoirId: devoir.id,
    eleve: { id: v.eleve.id, nomAffiche: v.eleve.nomAffiche },
    renduLe: renduLe.toISOString(),
    renduLeAffiche: formaterDateParis(renduLe),
    enRetard,
    ponctualite: enRetard ? "en-retard" : "a-l-heure",
    ponctualiteLibelle: enRetard ? "Rendu en retard" : "Rendu à l'heure",
    version: v.version,
    versionRetenue: v.versionRetenue,
    versionsPrecedentes,
    declarationCochee: v.declarationCochee,
    fichiers: v.fichiers.map(({ id, nom, taille, sha256, mime }) => ({ id, nom, taille, sha256, mime })),
    statut,
    statutLibelle: libelleStatutRendu(statut),
    message:
      `Devoir rendu le ${formaterDateParis(renduLe)}${enRetard ? " (en retard)" : ""}. ` +
      (versionsPrecedentes > 0
        ? `Cette version ${v.version} remplace la précédente, qui reste conservée ; c'est elle qui compte.`
        : "Gardez cet accusé de réception : il prouve votre rendu."),
  };
}

/**
 * Les fichiers d'un ensemble de versions de rendu, groupés par id de rendu, dans l'ordre d'envoi.
 *
 * @example
 * const parRendu = await fichiersDesRendus(db, [renduId]);
 */
export async function fichiersDesRendus(
  db: TrousseDb,
  renduIds: string[],
): Promise<Map<string, (typeof fichiersRendu.$inferSelect)[]>> {
  const parRendu = new Map<string, (typeof fichiersRendu.$inferSelect)[]>();
  if (renduIds.length === 0) return parRendu;
  const lignes = await db
    .select()
    .from(fichiersRendu)
    .where(inArray(fichiersRendu.renduId, renduIds))
    .orderBy(fichiersRendu.ordre);
  for (const l of lignes) {
    const liste = parRendu.get(l.renduId) ?? [];
    liste.push(l);
    parRendu.set(l.renduId, liste);
  }
  return parRendu;
}

/**
 * An upload file that vanishes between the check and its use was consumed by a concurrent « rendre » of the
 * same files (which removes them only after its commit): answer 404 like any missing upload, so that the
 * caller finds that hand-in's receipt instead of failing with a 500.
 *
 * @example
 * const debut = await sansEnvoiDisparu(store.lireDebut(id));
 */
async function sansEnvoiDisparu<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (erreur) {
    if ((erreur as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ErreurApi(
        404,
        "televersement-introuvable",
        "Un des fichiers indiqués n'existe pas ou a expiré : envoyez-le de nouveau.",
      );
    }
    throw erreur;
  }
}
