import { revoquerSession } from "@trousse/db";
import { Hono } from "hono";
import { cacheSessionsDe } from "./cache-sessions.js";
import type { AuthDeps, Session } from "./deps.js";
import { routesApiDemo } from "./demo.js";
import { exigerSession } from "./exiger-session.js";
import { lireProfil } from "./profil.js";

/**
 * The JSON side of the sign-in, mounted at `/v1/auth`:
 * - `POST /v1/auth/demo` `{ login }` → `{ jeton, expireLe, utilisateur }` (demo mode only, 404 otherwise);
 * - `GET /v1/auth/moi` → the signed-in user (id, role, nomAffiche, etablissement, classes, groupes, expireLe);
 * - `POST /v1/auth/deconnexion` → 204: the token is revoked and stops working at once.
 *
 * @example
 * app.route("/v1/auth", routesApiAuth(deps));
 */
export function routesApiAuth(deps: AuthDeps) {
  const session = exigerSession(deps);
  return new Hono<{ Variables: { session: Session } }>()
    .route("/", routesApiDemo(deps))
    .get("/moi", session, async (c) => {
      const s = c.get("session");
      return c.json(await lireProfil(deps.db, s.utilisateur, s.expireLe), 200);
    })
    .post("/deconnexion", session, async (c) => {
      const s = c.get("session");
      await revoquerSession(deps.db, s.jti, s.expireLe);
      cacheSessionsDe(deps.db)?.oublier(s.jti);
      deps.logger.info(
        { evenement: "deconnexion", utilisateurId: s.utilisateur.id, jti: s.jti },
        "déconnexion",
      );
      return c.body(null, 204);
    });
}
