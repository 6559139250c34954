import { groupesDe } from "@trousse/db";
import { Hono } from "hono";
import type { DepsDevoirs, EnvSession } from "../devoirs/deps.js";

/**
 * `GET /groupes` (mounted under `/v1`): the classes and groups of the signed-in user, with their ids — what
 * a teacher picks when giving an assignment (`POST /v1/devoirs` needs `groupeId`).
 *
 * @example
 * app.route("/v1", routesGroupes({ exigerSession, db }));
 */
export function routesGroupes(deps: Pick<DepsDevoirs, "db" | "exigerSession">): Hono<EnvSession> {
  return new Hono<EnvSession>().get("/groupes", deps.exigerSession, async (c) =>
    c.json({ groupes: await groupesDe(deps.db, c.get("session").utilisateur.id) }),
  );
}
