import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  derogations,
  engagements,
  fichiersRendu,
  rendus,
  televersementsEnAttente,
  type TrousseDb,
  type UtilisateurConnecte,
} from "@trousse/db";
import {
  datesDuDevoir,
  datesEffectives,
  formaterDateParis,
  libelleHorodatage,
  libelleStatutRendu,
  peutAjouterVersion,
  peutRemplacer,
  ponctualiteEngagement,
  statutRendu,
  verifierLot,
} from "@trousse/rules";
import { ErreurApi } from "../erreurs/erreur-api.js";
import type { LigneDevoir } from "../devoirs/acces.js";
import { datesDuDelai, derogationDe, vueDelaiAccorde } from "../derogations/derogations.js";
import { engagementDe, fermerEngagement, type LigneEngagement } from "../engagements/engager.js";
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
  /**
   * Appelé juste avant chaque essai d'instruction, une fois les règles passées (`essai` : 1, 2, 3). Aucun en
   * production ; les tests y changent réellement le délai en base, pour reproduire un enseignant qui le
   * modifie exactement entre le jugement et l'enregistrement.
   */
  avantInsertion?: (essai: number) => Promise<void>;
  /** Délai de grâce d'un engagement, en ms (défaut des règles : 24 h). */
  graceEngagementMs?: number;
}

/**
 * « Rendre » : vérifie les fichiers reçus (tous entiers, hachés, à cet élève et à ce devoir, dans les
 * limites du devoir), les dates (les règles décident à l'heure, en retard ou refusé ; remplacement avant
 * l'échéance seulement, `versionsMax` versions au plus), la déclaration sur l'honneur ; conserve durablement
 * les fichiers (lien + fsync), puis enregistre la nouvelle version et ses fichiers, et retire les envois
 * consommés du compte des envois en attente, en UNE instruction SQL (atomique). Renvoie l'accusé de réception.
 * Les dates sont celles de l'élève : celles du devoir prolongées par son délai accordé (`datesEffectives`).
 * L'instruction n'insère que si ce délai est encore celui que les règles ont jugé (même ligne, même
 * version, verrouillée `for share` ; ou toujours aucun délai) : un délai retiré ou remplacé pendant le
 * rendu fait rejuger le rendu avec le délai nouveau (jusqu'à {@link ESSAIS_DELAI} fois, puis 409
 * `delai-modifie`), jamais l'enregistrer sous l'ancien.
 * **Engagement** : si l'élève s'est engagé sur ces fichiers (`engager`), le rendu prend l'heure de
 * l'engagement quand les empreintes reçues sont celles promises et arrivent dans le délai de grâce
 * (`ponctualiteEngagement` des règles décide) ; l'instruction consomme alors l'engagement (même id,
 * verrouillé : un engagement remplacé entre-temps fait rejuger). D'autres octets (`empreinte-differente`)
 * ou un engagement expiré (`engagement-expire`) : 409, l'engagement est fermé et l'élève rend de nouveau,
 * daté de l'heure courante.
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
  let delai = await derogationDe(db, devoir.id, eleve.id);
  let engagement = await engagementDe(db, devoir.id, eleve.id);
  const empreintes = recus.map((r) => ({ sha256: r.sha256, taille: r.taille }));
  const grace = deps.graceEngagementMs;
  const [precedent] = await db
    .select({ version: rendus.version, renduLe: rendus.renduLe })
    .from(rendus)
    .where(and(eq(rendus.devoirId, devoir.id), eq(rendus.eleveId, eleve.id)))
    .orderBy(desc(rendus.version))
    .limit(1);
  const avant = deps.maintenant();
  // L'instant qui compte : celui de l'engagement s'il tient (mêmes empreintes, délai de grâce), sinon maintenant.
  const ponctuelAvant = await jugerAvecEngagement(db, {
    devoir: dates,
    derogation: datesDuDelai(delai),
    engagement,
    recus: empreintes,
    recuLe: avant,
    delaiGraceMs: grace,
  });
  if (!ponctuelAvant.ok) throw new ErreurApi(409, ponctuelAvant.code, ponctuelAvant.message);
  const autorisation = precedent
    ? peutRemplacer({
        devoir: dates,
        derogation: datesDuDelai(delai),
        rendu: { renduLe: precedent.renduLe },
        maintenant: ponctuelAvant.renduLe,
      })
    : ponctuelAvant;
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
    const chemin = await sansEnvoiDisparu(stockage.conserver(r, "rendus", devoir.id, id));
    fichiers.push({ id, nom: r.nom, taille: r.taille, sha256: r.sha256, mime: r.mime, chemin, ordre });
  }

  // 2. Puis la base, en une instruction : la version suivante et ses fichiers, ou rien.
  let recuLe = deps.maintenant();
  const juger = () =>
    jugerAvecEngagement(db, {
      devoir: dates,
      derogation: datesDuDelai(delai),
      engagement,
      recus: empreintes,
      recuLe,
      delaiGraceMs: grace,
    });
  let ponctuel = await juger();
  let ligne: { id: string; version: number } | null = null;
  for (let essai = 1; ; essai++) {
    if (!ponctuel.ok) throw new ErreurApi(409, ponctuel.code, ponctuel.message);
    const effectives = delai ? datesEffectives(dates, datesDuDelai(delai)) : null;
    await deps.avantInsertion?.(essai);
    ligne = await insererVersion(db, {
      devoirId: devoir.id,
      eleveId: eleve.id,
      version: (precedent?.version ?? 0) + 1,
      renduLe: ponctuel.renduLe,
      recuLe: ponctuel.engage ? recuLe : null,
      engagementId: ponctuel.engage ? engagement!.id : null,
      enRetard: ponctuel.enRetard,
      declarationCochee: demande.declarationCochee,
      delai: delai && effectives ? { id: delai.id, version: delai.version, ...effectives } : null,
      fichiers,
      consommes: recus.map((r) => r.id),
    });
    if (ligne) break;
    // Le délai ou l'engagement a changé entre la lecture et l'instruction : les règles rejugent avec les
    // nouveaux (un engagement remplacé par un autre, pour d'autres fichiers, donne `empreinte-differente`).
    if (essai >= ESSAIS_DELAI) {
      throw new ErreurApi(
        409,
        "delai-modifie",
        "Le délai accordé pour ce devoir vient d'être modifié par l'enseignant : rendez de nouveau.",
      );
    }
    delai = await derogationDe(db, devoir.id, eleve.id);
    engagement = await engagementDe(db, devoir.id, eleve.id);
    recuLe = deps.maintenant();
    ponctuel = await juger();
  }
  const renduLe = ponctuel.renduLe;
  const recuDistinct = ponctuel.engage ? recuLe : null;
  const effectives = delai ? datesEffectives(dates, datesDuDelai(delai)) : null;

  // 3. Les envois tus ne servent plus (le fichier vit par son lien dans le dossier des rendus).
  for (const r of recus) await store.remove(r.id).catch(() => undefined);

  return accuseDeReception({
    renduId: ligne.id,
    devoir,
    eleve,
    renduLe,
    recuLe: recuDistinct,
    enRetard: ponctuel.enRetard,
    version: ligne.version,
    versionRetenue: ligne.version,
    declarationCochee: demande.declarationCochee,
    delai: effectives ? { echeance: effectives.echeance, dateLimite: effectives.dateLimite } : null,
    fichiers,
  });
}

/** Combien de fois « rendre » rejuge un rendu dont le délai accordé change pendant qu'il s'enregistre. */
export const ESSAIS_DELAI = 3;

/**
 * Judges a hand-in with the pupil's open commitment (`ponctualiteEngagement` of the rules). A commitment
 * that cannot hold (other bytes, or expired) is closed before the 409 is thrown: the pupil's next « rendre »
 * is dated at its own time, as the refusal's message says.
 */
async function jugerAvecEngagement(
  db: TrousseDb,
  entree: Parameters<typeof ponctualiteEngagement>[0] & { engagement: LigneEngagement | null },
) {
  const r = ponctualiteEngagement(entree);
  if (!r.ok && (r.code === "empreinte-differente" || r.code === "engagement-expire")) {
    await fermerEngagement(db, entree.engagement!.id);
    throw new ErreurApi(409, r.code, r.message);
  }
  return r;
}

/**
 * Inserts one hand-in version and its files in ONE SQL statement (atomic), only if the pupil's extension is
 * still the one the rules judged: the same row at the same version (locked `for share`, so a withdrawal
 * or replacement in progress waits for this statement, or this statement sees it committed and inserts
 * nothing), or still none. Returns the created version, or `null` when the extension changed.
 * No explicit transaction nor re-read: if another hand-in took this version number meanwhile, the unique
 * index `rendus_devoir_eleve_version_uq` refuses the insert (409 `rendu-concurrent`). On PGlite (in the
 * API's process) that is 1 query instead of 5 (BEGIN, SELECT, 2 INSERT, COMMIT).
 * The same statement removes the consumed uploads from the pending uploads, only when the version was
 * inserted: after a crash between it and the disk clean-up, they no longer count (the disk is cleaned at
 * start or on replay).
 * A version that takes a commitment's time consumes it in the same statement: the row is locked
 * `for update` and must still be there with the same id (a commitment replaced meanwhile — a new id —
 * inserts nothing, and the caller re-judges with the new one); it is deleted only when the version is
 * inserted, so a hand-in refused by the extension guard keeps the pupil's commitment. Still one statement,
 * for the same reason as above: no window where a version exists and its commitment is still open, or the
 * reverse, even if the process dies between two queries.
 */
async function insererVersion(
  db: TrousseDb,
  v: {
    devoirId: string;
    eleveId: string;
    version: number;
    renduLe: Date;
    /** When the hand-in took a commitment's time: when its bytes were received; null otherwise. */
    recuLe: Date | null;
    /** The commitment this version consumes (its time is `renduLe`), or null. */
    engagementId: string | null;
    enRetard: boolean;
    declarationCochee: boolean;
    delai: { id: string; version: number; echeance: Date; dateLimite: Date | null } | null;
    fichiers: readonly {
      id: string;
      nom: string;
      taille: number;
      sha256: string;
      mime: string;
      chemin: string;
      ordre: number;
    }[];
    /** The tus ids of the uploads this version consumes (removed from `televersements_en_attente`). */
    consommes: readonly string[];
  },
): Promise<{ id: string; version: number } | null> {
  const lignesFichiers = sql.join(
    v.fichiers.map(
      (f) =>
        sql`(${f.id}::uuid, ${f.nom}::text, ${f.taille}::bigint, ${f.sha256}::text, ${f.mime}::text, ${f.chemin}::text, ${f.ordre}::integer)`,
    ),
    sql`, `,
  );
  const gardeDelai = v.delai
    ? sql`exists (select 1 from delai where delai.id = ${v.delai.id}::uuid and delai.version = ${v.delai.version}::integer)`
    : sql`not exists (select 1 from delai)`;
  const garde = v.engagementId ? sql`${gardeDelai} and exists (select 1 from engage)` : gardeDelai;
  const delaiEcheance = v.delai ? v.delai.echeance.toISOString() : null;
  const delaiDateLimite = v.delai?.dateLimite ? v.delai.dateLimite.toISOString() : null;
  try {
    const resultat = await db.execute(sql`
      with delai as (
        select id, version from ${derogations}
        where devoir_id = ${v.devoirId}::uuid and eleve_id = ${v.eleveId}::uuid
        for share
      ), engage as (
        select id from ${engagements}
        where id = ${v.engagementId}::uuid and devoir_id = ${v.devoirId}::uuid and eleve_id = ${v.eleveId}::uuid
        for update
      ), cree as (
        insert into ${rendus} (devoir_id, eleve_id, version, rendu_le, recu_le, en_retard, declaration_cochee,
                               delai_echeance, delai_date_limite)
        select ${v.devoirId}::uuid, ${v.eleveId}::uuid, ${v.version}::integer,
               ${v.renduLe.toISOString()}::timestamptz, ${v.recuLe ? v.recuLe.toISOString() : null}::timestamptz,
               ${v.enRetard}::boolean, ${v.declarationCochee}::boolean,
               ${delaiEcheance}::timestamptz, ${delaiDateLimite}::timestamptz
        where ${garde}
        returning id, version
      ), fichiers as (
        insert into ${fichiersRendu} (id, rendu_id, nom, taille, sha256, mime, chemin, ordre)
        select f.id, cree.id, f.nom, f.taille, f.sha256, f.mime, f.chemin, f.ordre
        from cree, (values ${lignesFichiers}) as f (id, nom, taille, sha256, mime, chemin, ordre)
        returning id
      ), consommes as (
        delete from ${televersementsEnAttente}
        where id in (${sql.join(
          v.consommes.map((id) => sql`${id}`),
          sql`, `,
        )}) and exists (select 1 from cree)
        returning id
      ), consomme as (
        delete from ${engagements}
        where id in (select id from engage) and exists (select 1 from cree)
        returning id
      )
      select cree.id, cree.version from cree`);
    const [cree] = (resultat as unknown as { rows: { id: string; version: number }[] }).rows;
    return cree ? { id: cree.id, version: Number(cree.version) } : null;
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
}

/**
 * Construit l'accusé de réception d'une version de rendu (au moment du rendu ou, pour un « rendre » rejoué,
 * relu depuis la base) : le même texte dans les deux cas.
 *
 * @example
 * const accuse = accuseDeReception({ renduId, devoir, eleve, renduLe, enRetard: false, version: 1, versionRetenue: 1, declarationCochee: true, delai: null, fichiers });
 */
export function accuseDeReception(v: {
  renduId: string;
  devoir: LigneDevoir;
  eleve: Pick<UtilisateurConnecte, "id" | "nomAffiche">;
  renduLe: Date;
  /** Quand les octets d'un rendu engagé ont été reçus (`renduLe` est alors l'heure de l'engagement). */
  recuLe?: Date | null;
  enRetard: boolean;
  version: number;
  versionRetenue: number;
  declarationCochee: boolean;
  /** Le délai accordé sous lequel cette version a été acceptée (dates effectives enregistrées avec elle). */
  delai?: { echeance: Date | null; dateLimite: Date | null } | null;
  fichiers: readonly { id: string; nom: string; taille: number; sha256: string; mime: string }[];
}): AccuseReception {
  const { devoir, renduLe, enRetard } = v;
  const dates = datesDuDevoir(devoir);
  const delai = v.delai?.echeance ? v.delai : null;
  const statut = statutRendu({
    devoir: dates,
    derogation: delai,
    rendu: { renduLe, echeanceAccordee: delai?.echeance ?? null },
    maintenant: renduLe,
  });
  const delaiAccorde = vueDelaiAccorde(devoir, delai);
  const versionsPrecedentes = v.version - 1;
  const horodatage = libelleHorodatage({ renduLe, recuLe: v.recuLe ?? null, enRetard });
  return {
    renduId: v.renduId,
    devoirId: devoir.id,
    eleve: { id: v.eleve.id, nomAffiche: v.eleve.nomAffiche },
    renduLe: renduLe.toISOString(),
    renduLeAffiche: formaterDateParis(renduLe),
    recuLe: v.recuLe ? v.recuLe.toISOString() : null,
    horodatageLibelle: horodatage,
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
    delaiAccorde,
    message:
      `Devoir rendu le ${formaterDateParis(renduLe)}${enRetard ? " (en retard)" : ""}. ` +
      (horodatage ? `${horodatage.charAt(0).toUpperCase()}${horodatage.slice(1)}. ` : "") +
      (delaiAccorde ? `${delaiAccorde.libelle} ` : "") +
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
