import { groupesDe, type Role, type TrousseDb, type UtilisateurConnecte } from "@trousse/db";

/** What `GET /v1/auth/moi` answers: the signed-in user, their school, classes and groups. */
export interface Profil {
  id: string;
  entId: string;
  role: Role;
  nomAffiche: string;
  etablissement: { id: string; nom: string; uai: string | null } | null;
  classes: string[];
  groupes: string[];
  /** When the session token stops working (ISO 8601). */
  expireLe: string;
}

/**
 * Reads the profile of a signed-in user from the database.
 *
 * @example
 * const profil = await lireProfil(db, session.utilisateur, session.expireLe);
 * profil.classes; // ["3A"]
 */
export async function lireProfil(
  db: TrousseDb,
  utilisateur: UtilisateurConnecte,
  expireLe: Date,
): Promise<Profil> {
  const [groupes, etablissement] = await Promise.all([
    groupesDe(db, utilisateur.id),
    utilisateur.etablissementId
      ? db.query.etablissements.findFirst({
          columns: { id: true, nom: true, uai: true },
          where: (e, { eq }) => eq(e.id, utilisateur.etablissementId as string),
        })
      : Promise.resolve(undefined),
  ]);
  return {
    id: utilisateur.id,
    entId: utilisateur.entId,
    role: utilisateur.role,
    nomAffiche: utilisateur.nomAffiche,
    etablissement: etablissement ?? null,
    classes: groupes.filter((g) => g.nature === "classe").map((g) => g.nom),
    groupes: groupes.filter((g) => g.nature === "groupe").map((g) => g.nom),
    expireLe: expireLe.toISOString(),
  };
}
