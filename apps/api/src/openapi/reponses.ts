import { z, type RouteConfig } from "@hono/zod-openapi";
import { erreurSchema } from "../erreurs/erreur-api.js";

type Reponses = RouteConfig["responses"];

/** `{ "application/json": { schema } }`. */
export const json = <S extends z.ZodType>(schema: S) => ({ "application/json": { schema } });

/** A required JSON request body. */
export const corpsJson = <S extends z.ZodType>(schema: S, description?: string) => ({
  body: { required: true, ...(description ? { description } : {}), content: json(schema) },
});

/** The Bearer session scheme, for `security` (operations without it get `security: []`: `declarerPubliques`). */
export const SECURITE_SESSION = [{ jetonSession: [] }];

/**
 * An error answer and the stable codes it may carry (listed in its description, which
 * `codes-documentes.test.ts` reads: every code the API can answer must be listed on some operation).
 *
 * @example
 * responses: { 404: erreur("Devoir introuvable", ["devoir-introuvable"]) }
 */
export const erreur = (
  description: string,
  codes: readonly string[],
  entetes?: z.ZodObject<Record<string, z.ZodType>>,
) => ({
  description: `${description} — codes : ${codes.map((c) => `\`${c}\``).join(", ")}`,
  ...(entetes ? { headers: entetes } : {}),
  content: json(erreurSchema),
});

const SERVICE_INDISPONIBLE = {
  ...erreur(
    "Base de données ou stockage des fichiers injoignable (rien n'est enregistré) : réessayer après `Retry-After`",
    ["base-indisponible", "stockage-indisponible"],
  ),
  headers: z.object({ "Retry-After": z.string().openapi({ description: "Secondes à attendre" }) }),
};

/** The errors every `/v1` route under a session may answer: token, rate, body size, database down. */
export const communes = (avecCorpsJson = false): Reponses => ({
  401: erreur("Sans jeton de session valide", ["non-authentifie", "session-expiree", "session-revoquee"]),
  429: {
    ...erreur("Trop de requêtes (par adresse IP et par utilisateur) ; réessayer après `Retry-After`", [
      "trop-de-requetes",
    ]),
    headers: z.object({ "Retry-After": z.string().openapi({ description: "Secondes à attendre" }) }),
  },
  ...(avecCorpsJson
    ? {
        413: erreur("Corps de requête trop volumineux (limite de l'API)", ["corps-trop-volumineux"]),
        415: erreur("Le corps doit être envoyé en `application/json`", ["type-contenu-invalide"]),
      }
    : {}),
  503: SERVICE_INDISPONIBLE,
});

/** The database-down answer alone, for public routes that read the database. */
export const baseIndisponible = (): Reponses => ({ 503: SERVICE_INDISPONIBLE });

/** The codes of a JSON body that cannot be read or does not fit its schema. */
export const CORPS_INVALIDE = ["json-invalide", "requete-invalide"] as const;

const binaire = z.string().openapi({ format: "binary" });

/** A file served as an attachment (`nosniff`, `Content-Disposition`, audit log). */
export const pieceJointe = (description: string): Reponses[number] => ({
  description: `${description} (pièce jointe, \`X-Content-Type-Options: nosniff\`, inscrit au journal d'audit)`,
  headers: z.object({
    "Content-Disposition": z.string().openapi({ example: "attachment; filename*=UTF-8''copie.pdf" }),
    "X-Content-Type-Options": z.literal("nosniff"),
  }),
  content: { "application/octet-stream": { schema: binaire } },
});

/** An image served inline (thumbnail): raster types only, `nosniff`, sandboxed. */
export const imageEnLigne = (description: string): Reponses[number] => ({
  description: `${description} (en ligne, \`X-Content-Type-Options: nosniff\`, CSP \`sandbox\`)`,
  headers: z.object({
    "Content-Disposition": z.literal("inline"),
    "X-Content-Type-Options": z.literal("nosniff"),
  }),
  content: Object.fromEntries(
    ["image/png", "image/jpeg", "image/gif", "image/webp"].map((t) => [t, { schema: binaire }]),
  ),
});

/** A ZIP archive streamed as an attachment. */
export const archiveZip = (description: string): Reponses[number] => ({
  description,
  headers: z.object({ "Content-Disposition": z.string() }),
  content: { "application/zip": { schema: binaire } },
});
