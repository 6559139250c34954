import { and, eq, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { TrousseDb } from "./client.js";
import { televersementsEnAttente } from "./schema/televersements.js";

/** A new upload to count before its first byte: who, for which assignment, how big, within which limits. */
export interface DemandeReservation {
  /** The tus upload id (32 hex digits). */
  id: string;
  devoirId: string;
  proprietaireId: string;
  /** Announced size (`Upload-Length`), in bytes. */
  taille: number;
  /** Uploads of this owner for this assignment that may be pending at once (the assignment's file limit). */
  nombreMax: number;
  /**
   * Bytes this owner may keep in all: pending uploads plus every file of every hand-in version (all
   * assignments). `null`: no quota (teachers).
   */
  quotaOctets: number | null;
}

/** Result of {@link reserverTeleversement}: reserved, or which limit refused it, with the current count. */
export type ResultatReservation =
  | { ok: true }
  | { ok: false; raison: "nombre"; enAttente: number }
  | { ok: false; raison: "quota"; utilises: number };

const lignes = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

/**
 * Counts a new upload against the assignment's file limit and the owner's storage quota, **in the
 * database**, and records it if both allow. Race-safe across processes: one transaction takes a row lock on
 * the owner (`select … for update` on `utilisateurs`), so concurrent reservations of one owner — from any
 * number of API processes — are counted one after the other; bounds are inclusive (`nombreMax` pending
 * uploads, `quotaOctets` bytes exactly are allowed). Reserving an id already reserved answers `ok` again.
 *
 * @example
 * const r = await reserverTeleversement(db, { id, devoirId, proprietaireId: eleve.id, taille: 48_213, nombreMax: 3, quotaOctets: 2 ** 31 });
 * if (!r.ok && r.raison === "nombre") throw tropDeFichiers(r.enAttente);
 */
export async function reserverTeleversement(
  db: TrousseDb,
  demande: DemandeReservation,
): Promise<ResultatReservation> {
  const { id, devoirId, proprietaireId, taille, nombreMax, quotaOctets } = demande;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from utilisateurs where id = ${proprietaireId}::uuid for update`);
    const [etat] = lignes<{ deja: boolean; en_attente: number | string; utilises: number | string }>(
      await tx.execute(sql`
        select
          exists (select 1 from ${televersementsEnAttente} where id = ${id}) as deja,
          (select count(*) from ${televersementsEnAttente}
             where devoir_id = ${devoirId}::uuid and proprietaire_id = ${proprietaireId}::uuid) as en_attente,
          (select coalesce(sum(taille), 0) from ${televersementsEnAttente}
             where proprietaire_id = ${proprietaireId}::uuid)
          + (select coalesce(sum(f.taille), 0) from fichiers_rendu f join rendus r on r.id = f.rendu_id
             where r.eleve_id = ${proprietaireId}::uuid) as utilises`),
    );
    if (etat?.deja) return { ok: true } as const;
    const enAttente = Number(etat?.en_attente ?? 0);
    const utilises = Number(etat?.utilises ?? 0);
    if (enAttente >= nombreMax) return { ok: false, raison: "nombre", enAttente } as const;
    if (quotaOctets !== null && utilises + taille > quotaOctets)
      return { ok: false, raison: "quota", utilises } as const;
    await tx.insert(televersementsEnAttente).values({ id, devoirId, proprietaireId, taille });
    return { ok: true } as const;
  });
}

/**
 * Bytes an owner keeps: pending uploads (announced sizes) plus every file of every hand-in version.
 *
 * @example
 * await octetsUtilises(db, eleve.id); // 12_582_912
 */
export async function octetsUtilises(db: TrousseDb, proprietaireId: string): Promise<number> {
  const [r] = lignes<{ utilises: number | string }>(
    await db.execute(sql`
      select
        (select coalesce(sum(taille), 0) from ${televersementsEnAttente} where proprietaire_id = ${proprietaireId}::uuid)
        + (select coalesce(sum(f.taille), 0) from fichiers_rendu f join rendus r on r.id = f.rendu_id
           where r.eleve_id = ${proprietaireId}::uuid) as utilises`),
  );
  return Number(r?.utilises ?? 0);
}

/**
 * The ids of the pending uploads of an owner for an assignment.
 *
 * @example
 * await televersementsEnAttenteDe(db, devoirId, eleve.id); // ["3f2a…", "a1b2…"]
 */
export async function televersementsEnAttenteDe(
  db: TrousseDb,
  devoirId: string,
  proprietaireId: string,
): Promise<string[]> {
  const r = await db
    .select({ id: televersementsEnAttente.id })
    .from(televersementsEnAttente)
    .where(
      and(
        eq(televersementsEnAttente.devoirId, devoirId),
        eq(televersementsEnAttente.proprietaireId, proprietaireId),
      ),
    );
  return r.map((l) => l.id);
}

/**
 * Forgets uploads (cancelled, expired, refused, or consumed by a hand-in): they no longer count.
 *
 * @example
 * await libererTeleversements(db, ["3f2a…"]);
 */
export async function libererTeleversements(db: TrousseDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(televersementsEnAttente).where(inArray(televersementsEnAttente.id, [...ids]));
}

/**
 * Records uploads found on disk without a row (written before this table existed): they count again. Rows
 * whose assignment or owner no longer exists are skipped; ids already recorded are left as they are.
 *
 * @example
 * await adopterTeleversements(db, [{ id, devoirId, proprietaireId, taille: 1200, creeLe: new Date() }]);
 */
export async function adopterTeleversements(
  db: TrousseDb,
  envois: readonly { id: string; devoirId: string; proprietaireId: string; taille: number; creeLe: Date }[],
): Promise<void> {
  const uuid = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
  const valides = envois.filter((e) => uuid.test(e.devoirId) && uuid.test(e.proprietaireId));
  if (valides.length === 0) return;
  const valeurs = sql.join(
    valides.map(
      (e) =>
        sql`(${e.id}::text, ${e.devoirId}::uuid, ${e.proprietaireId}::uuid, ${e.taille}::bigint, ${e.creeLe.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    insert into ${televersementsEnAttente} (id, devoir_id, proprietaire_id, taille, cree_le)
    select v.id, v.devoir_id, v.proprietaire_id, v.taille, v.cree_le
    from (values ${valeurs}) as v (id, devoir_id, proprietaire_id, taille, cree_le)
    join devoirs d on d.id = v.devoir_id
    join utilisateurs u on u.id = v.proprietaire_id
    on conflict (id) do nothing`);
}

/**
 * Among these upload ids, those already consumed: kept as a hand-in file, an assignment file (subject,
 * answer key) or a feedback file (each keeps its upload's id). Such an upload still on disk is a leftover
 * of a process that stopped between its commit and its clean-up.
 *
 * @example
 * await televersementsConsommes(db, ["3f2a…", "a1b2…"]); // ["3f2a…"]
 */
export async function televersementsConsommes(db: TrousseDb, ids: readonly string[]): Promise<string[]> {
  const valides = ids.filter((id) => /^[0-9a-f]{32}$/.test(id));
  if (valides.length === 0) return [];
  const valeurs = sql.join(
    valides.map((id) => sql`(${id}::text)`),
    sql`, `,
  );
  const r = lignes<{ id: string }>(
    await db.execute(sql`
      select v.id from (values ${valeurs}) as v (id)
      where exists (select 1 from fichiers_rendu f where f.id = v.id::uuid)
         or exists (select 1 from fichiers_devoir f where f.id = v.id::uuid)
         or exists (select 1 from retours r where r.fichier_chemin like '%/' || (v.id::uuid)::text)`),
  );
  return r.map((l) => l.id);
}

/**
 * Deletes the rows of uploads that are not on disk any more (`presents`: the ids on disk), created before
 * `avant` (a grace period: a row is written just before its upload's files). Returns how many were deleted.
 *
 * @example
 * await oublierTeleversementsAbsents(db, idsSurLeDisque, new Date(Date.now() - 60_000));
 */
export async function oublierTeleversementsAbsents(
  db: TrousseDb,
  presents: readonly string[],
  avant: Date,
): Promise<number> {
  const r = await db
    .delete(televersementsEnAttente)
    .where(
      and(
        lt(televersementsEnAttente.creeLe, avant),
        presents.length > 0 ? notInArray(televersementsEnAttente.id, [...presents]) : undefined,
      ),
    )
    .returning({ id: televersementsEnAttente.id });
  return r.length;
}
