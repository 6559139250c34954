import { enregistrerIdentite, ErreurDb, type IdentiteEnt, type UtilisateurConnecte } from "@trousse/db";
import type { AuthDeps } from "./deps.js";
import { ErreurAuth } from "./erreurs.js";
import { emettreJeton, type JetonEmis } from "./session.js";

/**
 * Issues a session token for a user (real or demo sign-in alike) and logs the sign-in by ids only.
 *
 * @example
 * const { jeton, expireLe } = await ouvrirSession(deps, utilisateur, "oidc");
 */
export async function ouvrirSession(
  deps: AuthDeps,
  utilisateur: UtilisateurConnecte,
  methode: "oidc" | "cas" | "demo",
): Promise<JetonEmis> {
  const emis = await emettreJeton(utilisateur, {
    secret: deps.config.sessionSecret,
    dureeMinutes: deps.config.sessionDureeMinutes,
  });
  deps.logger.info(
    {
      evenement: "connexion",
      methode,
      entId: utilisateur.entId,
      utilisateurId: utilisateur.id,
      role: utilisateur.role,
      jti: emis.jti,
    },
    "connexion réussie",
  );
  return emis;
}

/**
 * Stores the ENT identity (user, school, classes, groups, parent links in one transaction) and opens a
 * session. A refused identity becomes `ErreurAuth` `identite-invalide`.
 *
 * @example
 * const { utilisateur, jeton } = await connecterIdentite(deps, identite, "cas");
 */
export async function connecterIdentite(
  deps: AuthDeps,
  identite: IdentiteEnt,
  methode: "oidc" | "cas",
): Promise<JetonEmis & { utilisateur: UtilisateurConnecte }> {
  let utilisateur: UtilisateurConnecte;
  try {
    utilisateur = await enregistrerIdentite(deps.db, identite);
  } catch (e) {
    if (e instanceof ErreurDb && e.code === "identite-sans-etablissement") {
      throw new ErreurAuth(
        "identite-sans-etablissement",
        "L'ENT n'a transmis ni l'UAI ni l'identifiant de structure de votre établissement : prévenez l'administrateur de Trousse.",
        502,
        { cause: e },
      );
    }
    if (e instanceof ErreurDb && e.code === "identite-invalide") {
      throw new ErreurAuth(
        "identite-invalide",
        "L'identité transmise par l'ENT est incomplète ou invalide.",
        502,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
  return { ...(await ouvrirSession(deps, utilisateur, methode)), utilisateur };
}
