import { z, type OpenAPIHono } from "@hono/zod-openapi";

const html = { "text/html": { schema: z.string() } };
const codes = (liste: string[]) => ` — codes : ${liste.map((c) => `\`${c}\``).join(", ")}`;
/** An HTML error page of the sign-in window, with the stable codes it may show. */
const pageErreur = (description: string, liste: string[]) => ({
  description: `${description} (page HTML d'erreur)${codes(liste)}`,
  content: html,
});

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
      400: pageErreur("Paramètre invalide", ["parametre-invalide"]),
      403: pageErreur("Origine non autorisée", ["origine-non-autorisee"]),
      404: pageErreur("ENT inconnu", ["ent-inconnu"]),
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
      400: pageErreur("Connexion refusée ou réponse de l'ENT invalide", [
        "etat-invalide",
        "etat-deja-utilise",
        "acces-refuse",
        "parametre-invalide",
        "reponse-fournisseur-invalide",
        "jeton-fournisseur-invalide",
        "profil-non-pris-en-charge",
        "identite-invalide",
      ]),
      502: pageErreur("L'ENT ne répond pas, ou n'identifie pas l'établissement", [
        "fournisseur-indisponible",
        "identite-sans-etablissement",
      ]),
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
      400: pageErreur("Ticket invalide ou identité incomplète", [
        "ticket-invalide",
        "etat-invalide",
        "etat-deja-utilise",
        "parametre-invalide",
        "profil-non-pris-en-charge",
        "identite-invalide",
      ]),
      502: pageErreur("Le serveur CAS ne répond pas, ou n'identifie pas l'établissement", [
        "fournisseur-indisponible",
        "identite-sans-etablissement",
      ]),
    },
  });
  const erreurJson = (description: string, liste: string[]) => ({
    description: `${description}${codes(liste)}`,
    content: {
      "application/json": {
        schema: z.object({ erreur: z.object({ code: z.string(), message: z.string() }) }),
      },
    },
  });
  r.registerPath({
    method: "post",
    path: "/auth/cas/{entId}/retour",
    tags: ["Connexion ENT"],
    summary:
      "Déconnexion unique CAS : le serveur CAS de l'ENT poste un LogoutRequest SAML (SessionIndex = ticket) ; les sessions Trousse ouvertes par ce ticket sont fermées",
    request: {
      params: z.object({ entId: z.string() }),
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: z.object({
              logoutRequest: z
                .string()
                .openapi({ description: "<samlp:LogoutRequest> avec <saml:NameID> et <samlp:SessionIndex>" }),
            }),
          },
        },
      },
    },
    responses: {
      200: { description: "Reçu (sessions de ce ticket fermées, s'il y en avait)" },
      400: erreurJson("Demande illisible", ["parametre-invalide"]),
      404: erreurJson("ENT inconnu ou pas en CAS", ["ent-inconnu"]),
    },
  });
  r.registerPath({
    method: "post",
    path: "/auth/oidc/{entId}/deconnexion",
    tags: ["Connexion ENT"],
    summary:
      "Déconnexion OpenID Connect par canal arrière (backchannel_logout_uri à déclarer dans l'ENT) : logout_token signé, sessions Trousse de ce sid (ou de ce sub) fermées",
    request: {
      params: z.object({ entId: z.string() }),
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: z.object({
              logout_token: z
                .string()
                .openapi({ description: "JWT signé par l'ENT (events, sid et/ou sub)" }),
            }),
          },
        },
      },
    },
    responses: {
      200: { description: "Sessions fermées (Cache-Control: no-store)" },
      400: erreurJson("Jeton de déconnexion invalide", ["jeton-fournisseur-invalide"]),
      404: erreurJson("ENT inconnu ou pas en OpenID Connect", ["ent-inconnu"]),
      502: erreurJson("Clés ou configuration de l'ENT injoignables", [
        "fournisseur-indisponible",
        "reponse-fournisseur-invalide",
      ]),
    },
  });
  r.registerPath({
    method: "get",
    path: "/auth/oidc/{entId}/deconnexion-front",
    tags: ["Connexion ENT"],
    summary:
      "Déconnexion OpenID Connect par canal avant (frontchannel_logout_uri à déclarer dans l'ENT, avec frontchannel_logout_session_required) : la page de déconnexion de l'ENT charge cette adresse dans un cadre ; sessions Trousse de ce sid fermées",
    request: {
      params: z.object({ entId: z.string() }),
      query: z.object({
        iss: z.string().openapi({ description: "Émetteur de l'ENT (doit être celui configuré)" }),
        sid: z.string().openapi({ description: "Session de l'ENT, telle que dans ses id_token" }),
      }),
    },
    responses: {
      200: {
        description: "Page « Déconnecté de Trousse » (encadrable par l'ENT seul, Cache-Control: no-store)",
        content: html,
      },
      400: erreurJson("iss absent ou d'un autre émetteur, ou sid absent", ["parametre-invalide"]),
      404: erreurJson("ENT inconnu ou pas en OpenID Connect", ["ent-inconnu"]),
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
      404: pageErreur("Mode démonstration désactivé", ["introuvable"]),
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
      404: pageErreur("Mode démonstration désactivé ou compte inconnu", [
        "introuvable",
        "utilisateur-demo-inconnu",
      ]),
    },
  });
}
