import { and, eq, sql } from "drizzle-orm";
import { engagements, type FichierEngage, type TrousseDb, type UtilisateurConnecte } from "@trousse/db";
import {
  datesDuDevoir,
  DELAI_GRACE_ENGAGEMENT_MS,
  formaterDateParis,
  heureALaSeconde,
  peutRendre,
  PLAFOND_NOMBRE_FICHIERS,
  type Engagement,
} from "@trousse/rules";
import type { LigneDevoir } from "../devoirs/acces.js";
import { datesDuDelai, derogationDe, type LigneDerogation } from "../derogations/derogations.js";
import { ErreurApi } from "../erreurs/erreur-api.js";
import type { z } from "@hono/zod-openapi";
import type { accuseEngagementSchema } from "./schemas.js";

/** The provisional receipt of a commitment. */
export type AccuseEngagement = z.infer<typeof accuseEngagementSchema>["engagement"];

/** An open commitment as « rendre » reads it. */
export interface LigneEngagement {
  id: string;
  engageLe: Date;
  fichiers: FichierEngage[];
}

/**
 * Records a pupil's commitment to the files of a hand-in (their sha256 and sizes), at the server's time when
 * the request arrived (`arriveeLe`, see `horodaterArrivee`; the clock when absent), in
 * ONE statement (an upsert: a new commitment replaces the open one for this pupil and assignment). Cheap on
 * purpose — it is what a pupil's « Rendre » waits for during a deadline rush: the assignment, the pupil's
 * membership and extension come in one read (`avecDevoir`), then one insert. Refused only when a hand-in made now would be refused (not open yet, closed), or
 * when it promises more files or bigger ones than the assignment takes (the bytes would be refused anyway).
 * It is never a hand-in: only « rendre » with the same bytes makes one.
 *
 * @example
 * const accuse = await engager({ db, maintenant: () => new Date() }, devoir, eleve, { fichiers: [{ sha256, taille, nom }] });
 */
export async function engager(
  deps: {
    db: TrousseDb;
    maintenant: () => Date;
    graceEngagementMs?: number;
    /** When the whole request reached the server (`horodaterArrivee`); the clock otherwise. */
    arriveeLe?: Date;
    /** The pupil's extension when already read with the assignment (`avecDevoir`); read here otherwise. */
    derogation?: LigneDerogation | null;
  },
  devoir: LigneDevoir,
  eleve: UtilisateurConnecte,
  corps: Engagement,
): Promise<AccuseEngagement> {
  const max = Math.min(devoir.nombreMaxFichiers, PLAFOND_NOMBRE_FICHIERS);
  if (corps.fichiers.length > max) {
    throw new ErreurApi(422, "trop-de-fichiers", `Ce devoir accepte au plus ${max} fichier(s).`);
  }
  const gros = corps.fichiers.find((f) => f.taille > devoir.tailleMaxOctets);
  if (gros) {
    throw new ErreurApi(
      422,
      "fichier-trop-gros",
      `« ${gros.nom} » dépasse la taille maximale de ce devoir (${devoir.tailleMaxOctets} octets).`,
    );
  }
  const delai =
    deps.derogation !== undefined ? deps.derogation : await derogationDe(deps.db, devoir.id, eleve.id);
  // The request's arrival, not now: the lookups above may have waited behind a rush.
  const engageLe = deps.arriveeLe ?? deps.maintenant();
  const jugement = peutRendre({
    devoir: datesDuDevoir(devoir),
    derogation: datesDuDelai(delai),
    maintenant: engageLe,
  });
  if (!jugement.ok) throw new ErreurApi(409, jugement.code, jugement.message);
  const fichiers: FichierEngage[] = corps.fichiers.map((f) => ({
    sha256: f.sha256,
    taille: f.taille,
    nom: f.nom,
  }));
  // One statement: insert, or replace the open commitment (a new id, so that a « rendre » that read the old
  // one sees it gone and re-judges). `xmax <> 0` tells a replaced row from a new one.
  const resultat = await deps.db.execute(sql`
    insert into ${engagements} (devoir_id, eleve_id, engage_le, fichiers)
    values (${devoir.id}::uuid, ${eleve.id}::uuid, ${engageLe.toISOString()}::timestamptz, ${JSON.stringify(fichiers)}::jsonb)
    on conflict (devoir_id, eleve_id) do update
      set id = gen_random_uuid(), engage_le = excluded.engage_le, fichiers = excluded.fichiers
    returning id, (xmax <> 0) as remplace`);
  const [ligne] = (resultat as unknown as { rows: { id: string; remplace: boolean }[] }).rows;
  const expireLe = new Date(engageLe.getTime() + (deps.graceEngagementMs ?? DELAI_GRACE_ENGAGEMENT_MS));
  const heure = heureALaSeconde(engageLe);
  return {
    id: ligne!.id,
    devoirId: devoir.id,
    provisoire: true,
    engageLe: engageLe.toISOString(),
    engageLeAffiche: formaterDateParis(engageLe),
    heureAffichee: heure,
    expireLe: expireLe.toISOString(),
    expireLeAffiche: formaterDateParis(expireLe),
    ponctualitePrevue: jugement.enRetard ? "en-retard" : "a-l-heure",
    fichiers,
    remplace: Boolean(ligne!.remplace),
    message:
      `Ton devoir est horodaté à ${heure} : ce n'est pas encore un rendu. Il sera rendu ` +
      `${jugement.enRetard ? "en retard" : "à l'heure"} à cette heure-là si les mêmes fichiers arrivent ` +
      `avant le ${formaterDateParis(expireLe)}.`,
  };
}

/**
 * The pupil's open commitment for this assignment, or null.
 *
 * @example
 * const e = await engagementDe(db, devoir.id, eleve.id);
 */
export async function engagementDe(
  db: TrousseDb,
  devoirId: string,
  eleveId: string,
): Promise<LigneEngagement | null> {
  const [e] = await db
    .select({ id: engagements.id, engageLe: engagements.engageLe, fichiers: engagements.fichiers })
    .from(engagements)
    .where(and(eq(engagements.devoirId, devoirId), eq(engagements.eleveId, eleveId)))
    .limit(1);
  return e ?? null;
}

/**
 * Closes a commitment that cannot hold (other bytes, or expired): only that row (same id), so that a newer
 * commitment made meanwhile stays. The pupil's next « rendre » is then dated at its own time.
 *
 * @example
 * await fermerEngagement(db, engagement.id);
 */
export async function fermerEngagement(db: TrousseDb, id: string): Promise<void> {
  await db.delete(engagements).where(eq(engagements.id, id));
}
