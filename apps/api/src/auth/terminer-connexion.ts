import {
  enregistrerIdentite,
  ErreurDb,
  lierSessionEnt,
  type IdentiteEnt,
  type UtilisateurConnecte,
} from "@trousse/db";
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

/** What the ENT said of its sign-in, recorded so that its sign-out ends the Trousse session. */
export interface SessionEntOuverte {
  /** The ENT's id of the user (CAS user, OIDC `sub`). */
  sujet: string;
  /** CAS: SHA-256 of the service ticket (`SessionIndex` of a single logout request). */
  ticketCas?: string;
  /** OIDC: the id_token's `sid`. */
  sidOidc?: string;
}

/**
 * Stores the ENT identity (user, school, classes, groups, parent links in one transaction), opens a
 * session and records which ENT sign-in opened it (`sessions_ent`: CAS ticket hash, OIDC `sid`/`sub`).
 * A refused identity becomes `ErreurAuth` `identite-invalide` or `identite-sans-etablissement`.
 *
 * @example
 * const { utilisateur, jeton } = await connecterIdentite(deps, identite, "cas", { sujet: uid, ticketCas });
 */
export async function connecterIdentite(
  deps: AuthDeps,
  identite: IdentiteEnt,
  methode: "oidc" | "cas",
  ent: SessionEntOuverte,
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
  const emis = await ouvrirSession(deps, utilisateur, methode);
  await lierSessionEnt(deps.db, {
    jti: emis.jti,
    entId: utilisateur.entId,
    utilisateurId: utilisateur.id,
    sujet: ent.sujet,
    ...(ent.ticketCas ? { ticketCas: ent.ticketCas } : {}),
    ...(ent.sidOidc ? { sidOidc: ent.sidOidc } : {}),
    expireLe: emis.expireLe,
  });
  return { ...emis, utilisateur };
}
