import { Hono } from "hono";
import type { Server } from "@tus/server";
import type { EnvSession, DepsDevoirs } from "../devoirs/deps.js";
import { traduireErreurTus } from "../televersements/erreur-televersement.js";
import type { UtilisateurTeleversement } from "../televersements/serveur-tus.js";

/** Les utilisateurs des requêtes tus en cours, posés par le middleware de session. */
export type RegistreSessions = WeakMap<Request, UtilisateurTeleversement>;

/**
 * Monte le protocole tus (`@tus/server`, via `handleWeb`) sous `/televersements` : POST crée un envoi,
 * HEAD donne où reprendre, PATCH envoie la suite, DELETE l'annule. Toutes exigent la session ; un envoi
 * n'est visible que de son auteur. GET est refusé : un fichier se télécharge par les routes des rendus.
 *
 * @example
 * const registre: RegistreSessions = new WeakMap();
 * const serveur = creerServeurTus({ …, utilisateurDe: (r) => registre.get(r) });
 * app.route("/v1", routesTeleversements(deps, serveur, registre, store.initialiser()));
 */
export function routesTeleversements(
  deps: Pick<DepsDevoirs, "exigerSession">,
  serveur: Server,
  registre: RegistreSessions,
  pret: Promise<void> = Promise.resolve(),
): Hono<EnvSession> {
  const app = new Hono<EnvSession>();
  const tus = async (c: {
    req: { raw: Request };
    get: (k: "session") => EnvSession["Variables"]["session"];
  }): Promise<Response> => {
    await pret;
    const u = c.get("session").utilisateur;
    registre.set(c.req.raw, { id: u.id, role: u.role });
    const reponse = await serveur.handleWeb(c.req.raw);
    if (reponse.status >= 400) {
      // Toute erreur sort en JSON français à code stable, y compris celles que tus écrit lui-même en anglais.
      let corps = await reponse.text();
      if (!corps.startsWith("{")) corps = traduireErreurTus({ status_code: reponse.status }).body;
      const entetes = new Headers(reponse.headers);
      entetes.set("Content-Type", "application/json; charset=utf-8");
      return new Response(corps, { status: reponse.status, headers: entetes });
    }
    return reponse;
  };
  // OPTIONS (pré-vol CORS) sans session : aucune donnée n'est révélée.
  app.options("/televersements", (c) => serveur.handleWeb(c.req.raw));
  app.options("/televersements/:id", (c) => serveur.handleWeb(c.req.raw));
  app.on(["POST"], "/televersements", deps.exigerSession, tus);
  app.on(["PATCH", "DELETE"], "/televersements/:id", deps.exigerSession, tus);
  // Hono traite HEAD comme GET : HEAD (où reprendre ?) va à tus, GET est refusé.
  app.get("/televersements/:id", deps.exigerSession, (c) =>
    c.req.raw.method === "HEAD"
      ? tus(c)
      : c.json(
          {
            erreur: {
              code: "methode-non-autorisee",
              message: "Un envoi ne se télécharge pas : utilisez le fichier du rendu.",
            },
          },
          405,
        ),
  );
  return app;
}
