import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { revoquerSession, trouverParLogin } from "@trousse/db";
import { createMiddleware } from "hono/factory";
import { crochetValidation, type ResultatValidation } from "../erreurs/crochet-validation.js";
import { communes, corpsJson, erreur, json, SECURITE_SESSION } from "../openapi/reponses.js";
import { cacheSessionsDe } from "./cache-sessions.js";
import { ENT_DEMO, introuvable } from "./demo.js";
import type { AuthDeps, Session } from "./deps.js";
import { ErreurAuth } from "./erreurs.js";
import { exigerSession } from "./exiger-session.js";
import { lireProfil } from "./profil.js";
import { corpsDemoSchema, profilSchema, sessionDemoSchema } from "./schemas.js";
import { ouvrirSession } from "./terminer-connexion.js";

type EnvAuth = { Variables: { session: Session } };

/** A demo body that does not fit: the sign-in's own code, `parametre-invalide`, as the demo page uses. */
function crochetDemo(resultat: ResultatValidation): undefined {
  if (resultat.success || resultat.target !== "json") return crochetValidation(resultat);
  throw new ErreurAuth(
    "parametre-invalide",
    'Corps JSON attendu : { "login": "<identifiant de démonstration>" }.',
    400,
  );
}

/**
 * The JSON side of the sign-in, mounted at `/v1/auth`, each route declared once with `createRoute`:
 * - `POST /v1/auth/demo` `{ login }` → `{ jeton, expireLe, utilisateur }` (demo mode only, 404 otherwise);
 * - `GET /v1/auth/moi` → the signed-in user (id, role, nomAffiche, etablissement, classes, groupes, expireLe);
 * - `POST /v1/auth/deconnexion` → 204: the token is revoked and stops working at once.
 *
 * @example
 * app.route("/v1/auth", routesApiAuth(deps));
 */
export function routesApiAuth(deps: AuthDeps) {
  const session = exigerSession(deps);
  // Demo mode off: 404 before the body is even read.
  const modeDemo = createMiddleware(async (_c, next) => {
    if (!deps.demo) throw introuvable();
    await next();
  });

  const demo = createRoute({
    method: "post",
    path: "/demo",
    operationId: "ouvrirSessionDemo",
    tags: ["Démonstration"],
    summary: "Jeton de session pour un compte de démonstration (scripts ; mode démonstration seulement)",
    middleware: [modeDemo] as const,
    request: corpsJson(corpsDemoSchema),
    responses: {
      200: { description: "Jeton de session", content: json(sessionDemoSchema) },
      400: erreur("Corps invalide", ["parametre-invalide", "json-invalide"]),
      404: erreur("Mode démonstration désactivé, ou compte inconnu", [
        "introuvable",
        "utilisateur-demo-inconnu",
      ]),
      415: erreur("Le corps doit être envoyé en `application/json`", ["type-contenu-invalide"]),
      503: erreur("Base de données injoignable", ["base-indisponible"]),
    },
  });

  const moi = createRoute({
    method: "get",
    path: "/moi",
    operationId: "lireMonProfil",
    tags: ["Connexion ENT"],
    summary: "L'utilisateur connecté",
    security: SECURITE_SESSION,
    middleware: [session] as const,
    responses: { 200: { description: "Profil", content: json(profilSchema) }, ...communes() },
  });

  const deconnexion = createRoute({
    method: "post",
    path: "/deconnexion",
    operationId: "seDeconnecter",
    tags: ["Connexion ENT"],
    summary: "Déconnexion : le jeton est révoqué immédiatement",
    security: SECURITE_SESSION,
    middleware: [session] as const,
    responses: { 204: { description: "Déconnecté" }, ...communes() },
  });

  return new OpenAPIHono<EnvAuth>({ defaultHook: crochetValidation })
    .openapi(
      demo,
      async (c) => {
        const utilisateur = await trouverParLogin(deps.db, ENT_DEMO, c.req.valid("json").login);
        if (!utilisateur)
          throw new ErreurAuth("utilisateur-demo-inconnu", "Ce compte de démonstration n'existe pas.", 404);
        const { jeton, expireLe } = await ouvrirSession(deps, utilisateur, "demo");
        return c.json({ jeton, expireLe: expireLe.toISOString(), utilisateur }, 200);
      },
      crochetDemo,
    )
    .openapi(moi, async (c) => {
      const s = c.get("session");
      return c.json(await lireProfil(deps.db, s.utilisateur, s.expireLe), 200);
    })
    .openapi(deconnexion, async (c) => {
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
