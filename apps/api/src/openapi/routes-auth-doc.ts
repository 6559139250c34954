import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { erreurSchema } from "../erreurs/erreur-api.js";

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const html = { "text/html": { schema: z.string() } };
const erreur = (description: string) => ({ description, content: json(erreurSchema) });

const utilisateurSchema = z
  .object({
    id: z.string().uuid(),
    entId: z.string(),
    role: z.enum(["eleve", "enseignant", "parent", "personnel"]),
    nomAffiche: z.string(),
    etablissementId: z.string().uuid().nullable(),
  })
  .openapi("UtilisateurConnecte");

const profilSchema = z
  .object({
    id: z.string().uuid(),
    entId: z.string(),
    role: z.enum(["eleve", "enseignant", "parent", "personnel"]),
    nomAffiche: z.string(),
    etablissement: z.object({ id: z.string(), nom: z.string(), uai: z.string().nullable() }).nullable(),
    classes: z.array(z.string()),
    groupes: z.array(z.string()),
    expireLe: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Profil");

const entQuery = z.object({
  ent: z
    .string()
    .optional()
    .openapi({ description: "Identifiant de l'ENT configuré ; sans lui, page de choix" }),
  origine: z
    .string()
    .optional()
    .openapi({ description: "Origine de la page du widget qui recevra le jeton (postMessage)" }),
});

/**
 * Describes the ENT sign-in routes (built in `src/auth`, plain Hono) in the OpenAPI document, with the
 * Bearer security scheme used by the protected routes.
 *
 * @example
 * documenterAuth(app);
 */
export function documenterAuth(app: OpenAPIHono): void {
  const r = app.openAPIRegistry;
  r.registerComponent("securitySchemes", "jetonSession", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "Jeton de session Trousse (JWT signé, courte durée) remis au widget par postMessage après la connexion ENT.",
  });
  r.registerPath({
    method: "get",
    path: "/auth/connexion",
    tags: ["Connexion ENT"],
    summary: "Démarre la connexion ENT dans une fenêtre surgissante (OpenID Connect ou CAS 2.0)",
    request: { query: entQuery },
    responses: {
      302: { description: "Redirection vers l'ENT (autorisation OpenID Connect ou /cas/login)" },
      200: { description: "Page de choix de l'ENT", content: html },
      403: { description: "Origine non autorisée (page HTML d'erreur)", content: html },
      404: { description: "ENT inconnu (page HTML d'erreur)", content: html },
    },
  });
  r.registerPath({
    method: "get",
    path: "/auth/oidc/{entId}/retour",
    tags: ["Connexion ENT"],
    summary: "Retour OpenID Connect : échange du code, userinfo, jeton remis par postMessage",
    request: {
      params: z.object({ entId: z.string() }),
      query: z.object({
        code: z.string().optional(),
        state: z.string().optional(),
        error: z.string().optional(),
      }),
    },
    responses: {
      200: { description: "Page qui remet le jeton à l'origine autorisée", content: html },
      400: { description: "Erreur de connexion (page HTML)", content: html },
    },
  });
  r.registerPath({
    method: "get",
    path: "/auth/cas/{entId}/connexion",
    tags: ["Connexion ENT"],
    summary: "Démarre une connexion CAS 2.0",
    request: { params: z.object({ entId: z.string() }), query: z.object({ origine: z.string().optional() }) },
    responses: { 302: { description: "Redirection vers /cas/login" } },
  });
  r.registerPath({
    method: "get",
    path: "/auth/cas/{entId}/retour",
    tags: ["Connexion ENT"],
    summary: "Retour CAS : validation du ticket (/serviceValidate), jeton remis par postMessage",
    request: {
      params: z.object({ entId: z.string() }),
      query: z.object({ ticket: z.string().optional(), etat: z.string().optional() }),
    },
    responses: {
      200: { description: "Page qui remet le jeton", content: html },
      400: { description: "Ticket invalide (page HTML)", content: html },
    },
  });
  r.registerPath({
    method: "get",
    path: "/auth/popup.js",
    tags: ["Connexion ENT"],
    summary: "Script de la fenêtre de connexion",
    responses: { 200: { description: "JavaScript", content: { "text/javascript": { schema: z.string() } } } },
  });
  r.registerPath({
    method: "get",
    path: "/auth/demo",
    tags: ["Démonstration"],
    summary: "Page de connexion de démonstration (mode démonstration seulement)",
    request: { query: z.object({ origine: z.string().optional() }) },
    responses: {
      200: { description: "Liste des comptes fictifs", content: html },
      404: { description: "Mode démonstration désactivé", content: html },
    },
  });
  r.registerPath({
    method: "post",
    path: "/auth/demo",
    tags: ["Démonstration"],
    summary: "Connexion avec un compte de démonstration (formulaire de la page /auth/demo)",
    request: {
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: z.object({ login: z.string(), origine: z.string().optional() }),
          },
        },
      },
    },
    responses: {
      200: { description: "Page qui remet le jeton à l'origine autorisée", content: html },
      404: { description: "Mode démonstration désactivé ou compte inconnu (page HTML)", content: html },
    },
  });
  r.registerPath({
    method: "post",
    path: "/v1/auth/demo",
    tags: ["Démonstration"],
    summary: "Jeton de session pour un compte de démonstration (scripts ; mode démonstration seulement)",
    request: {
      body: {
        required: true,
        content: json(z.object({ login: z.string().openapi({ example: "lea.martin" }) })),
      },
    },
    responses: {
      200: {
        description: "Jeton de session",
        content: json(
          z.object({
            jeton: z.string(),
            expireLe: z.string().openapi({ format: "date-time" }),
            utilisateur: utilisateurSchema,
          }),
        ),
      },
      400: erreur("Corps invalide (parametre-invalide)"),
      404: erreur("Mode démonstration désactivé (introuvable) ou compte inconnu (utilisateur-demo-inconnu)"),
    },
  });
  r.registerPath({
    method: "get",
    path: "/v1/auth/moi",
    tags: ["Connexion ENT"],
    summary: "L'utilisateur connecté",
    security: [{ jetonSession: [] }],
    responses: {
      200: { description: "Profil", content: json(profilSchema) },
      401: erreur("Sans jeton valide : non-authentifie, session-expiree ou session-revoquee"),
    },
  });
  r.registerPath({
    method: "post",
    path: "/v1/auth/deconnexion",
    tags: ["Connexion ENT"],
    summary: "Déconnexion : le jeton est révoqué immédiatement",
    security: [{ jetonSession: [] }],
    responses: { 204: { description: "Déconnecté" }, 401: erreur("Sans jeton valide") },
  });
}
