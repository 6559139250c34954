import { z } from "@hono/zod-openapi";

const ROLES = ["eleve", "enseignant", "parent", "personnel"] as const;

/** The signed-in user, as the session carries it. */
export const utilisateurSchema = z
  .strictObject({
    id: z.guid(),
    entId: z.string(),
    role: z.enum(ROLES),
    nomAffiche: z.string(),
    etablissementId: z.guid().nullable(),
  })
  .openapi("UtilisateurConnecte");

/** `GET /v1/auth/moi`: the signed-in user with their school, classes and groups. */
export const profilSchema = z
  .strictObject({
    id: z.guid(),
    entId: z.string(),
    role: z.enum(ROLES),
    nomAffiche: z.string(),
    etablissement: z.strictObject({ id: z.string(), nom: z.string(), uai: z.string().nullable() }).nullable(),
    classes: z.array(z.string()),
    groupes: z.array(z.string()),
    expireLe: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Profil");

/** Corps de `POST /v1/auth/demo`. */
export const corpsDemoSchema = z
  .object({
    login: z
      .string({ error: "login doit être l'identifiant d'un compte de démonstration." })
      .trim()
      .min(1, { error: "login est obligatoire." })
      .max(200)
      .openapi({ example: "lea.martin" }),
  })
  .openapi("DemandeSessionDemo");

/** Réponse de `POST /v1/auth/demo`. */
export const sessionDemoSchema = z.strictObject({
  jeton: z.string(),
  expireLe: z.string().openapi({ format: "date-time" }),
  utilisateur: utilisateurSchema,
});
