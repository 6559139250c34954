import { lt } from "drizzle-orm";
import type { TrousseDb } from "./client.js";
import { etatsConnexionUtilises } from "./schema/etats-connexion-utilises.js";

/**
 * Records the use of a sign-in state and says whether it was its first: `true` once, `false` for every
 * later use (a replayed state cookie), also when several requests race (the primary key decides). States
 * expired before `maintenant` are purged on the way (one indexed delete: sign-ins are rare), so the table
 * only holds the states of the last minutes. Throws `RangeError` for an empty state or one over 200 characters.
 *
 * @example
 * if (!(await utiliserEtatConnexion(db, etat, new Date(payload.exp * 1000)))) throw dejaUtilise();
 */
export async function utiliserEtatConnexion(
  db: TrousseDb,
  etat: string,
  expireLe: Date,
  maintenant = new Date(),
): Promise<boolean> {
  if (etat.length === 0 || etat.length > 200) {
    throw new RangeError("État de connexion invalide : vide ou de plus de 200 caractères.");
  }
  await db.delete(etatsConnexionUtilises).where(lt(etatsConnexionUtilises.expireLe, maintenant));
  const ajoutes = await db
    .insert(etatsConnexionUtilises)
    .values({ etat, expireLe, utiliseLe: maintenant })
    .onConflictDoNothing()
    .returning({ etat: etatsConnexionUtilises.etat });
  return ajoutes.length === 1;
}
