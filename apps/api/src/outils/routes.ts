import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  CATEGORIES,
  ENTS,
  filtrerOutils,
  NIVEAUX,
  outils,
  outilSchema,
  outilsEnCsv,
  sourceRefSchema,
  PUBLICS,
  VERSION_CATALOGUE,
  type FiltreOutils,
  type Outil,
} from "@trousse/catalogue";
import { evaluerDoctrine } from "@trousse/rules";
import { ErreurApi } from "../erreurs/erreur-api.js";
import { erreur } from "../openapi/reponses.js";
import { CacheBorne, envoyerFige, figer, type ReponseFigee } from "../http-cache.js";
import { crochetValidation } from "../erreurs/crochet-validation.js";

const JSON_UTF8 = "application/json; charset=utf-8";
const CSV_UTF8 = "text/csv; charset=utf-8";

export const filtreOutilsSchema = z
  .object({
    categorie: z.enum(CATEGORIES).optional().openapi({ description: "Catégorie d'outil" }),
    public: z.enum(PUBLICS).optional().openapi({ description: "Public visé (tableaux du document 000)" }),
    niveau: z.enum(NIVEAUX).optional().openapi({ description: "1D (écoles) ou 2D (collèges, lycées)" }),
    ent: z
      .enum([...ENTS, "autre", "aucun"])
      .optional()
      .openapi({ description: "ENT de l'école : ne garde que les outils utilisables avec lui" }),
    q: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Recherche sans accents ni casse" }),
  })
  .openapi("FiltreOutils");

export const listeOutilsSchema = z
  .object({ version: z.string(), total: z.number().int(), outils: z.array(outilSchema) })
  .openapi("ListeOutils");

const critereEvalueReponse = z.strictObject({
  critere: z.string(),
  libelle: z.string(),
  statut: z.enum(["conforme", "non-conforme", "non-renseigne"]),
  justification: z.string(),
  source: sourceRefSchema.optional(),
  sources: z.array(sourceRefSchema),
});
export const doctrineReponseSchema = z
  .object({
    outilId: z.string(),
    nom: z.string(),
    criteres: z
      .array(critereEvalueReponse)
      .openapi({ description: "Les six critères DINUM, dans l'ordre du document 001" }),
    resume: z.strictObject({
      conforme: z.number().int(),
      nonConforme: z.number().int(),
      nonRenseigne: z.number().int(),
    }),
    conformeSurToutCritereRenseigne: z.boolean(),
    doctrine: z.strictObject({
      phrase: z.string(),
      source: sourceRefSchema,
      vigilance: z.array(z.strictObject({ texte: z.string(), source: sourceRefSchema })),
    }),
  })
  .openapi("EvaluationDoctrine");

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, example: "renavisio" }),
});

const entetesCache = {
  ETag: { schema: { type: "string" as const }, description: "Empreinte forte du contenu" },
  "Cache-Control": {
    schema: { type: "string" as const },
    description:
      "public, max-age=300 : les données ne changent qu'avec une nouvelle version ; revalidation par If-None-Match",
  },
};

function outilInconnu(id: string): ErreurApi {
  return new ErreurApi(404, "outil-inconnu", `Aucun outil ne porte l'identifiant « ${id} ».`);
}

/** Precomputed answers of the catalogue: made once per process at start. */
export interface CatalogueFige {
  liste: ReponseFigee;
  csv: ReponseFigee;
  parId: Map<string, ReponseFigee>;
  doctrines: Map<string, ReponseFigee>;
}

/**
 * Freezes the catalogue answers (JSON bytes + strong ETags): the list, the CSV, each tool and its doctrine.
 *
 * @example
 * const fige = figerCatalogue(); fige.liste.etag;
 */
export function figerCatalogue(): CatalogueFige {
  const liste = (l: readonly Outil[]) =>
    figer(JSON.stringify({ version: VERSION_CATALOGUE, total: l.length, outils: l }), JSON_UTF8);
  return {
    liste: liste(outils),
    csv: figer(outilsEnCsv(outils), CSV_UTF8),
    parId: new Map(outils.map((o) => [o.id, figer(JSON.stringify(o), JSON_UTF8)])),
    doctrines: new Map(outils.map((o) => [o.id, figer(JSON.stringify(evaluerDoctrine(o)), JSON_UTF8)])),
  };
}

/** Same bytes as `GET /v1/outils` without filter (used by the benchmark's bare server). */
export function corpsListeOutils(): Uint8Array {
  return figerCatalogue().liste.corps;
}

/**
 * Routes of the catalogue, mounted at `/v1`: `GET /outils`, `GET /outils.csv`, `GET /outils/{id}`,
 * `GET /outils/{id}/doctrine`. Strong ETag, `Cache-Control: public, max-age=300`, 304 on `If-None-Match`.
 *
 * @example
 * app.route("/v1", routesOutils());
 */
export function routesOutils() {
  const fige = figerCatalogue();
  const filtres = new CacheBorne<ReponseFigee>(512);
  const listeFiltree = (f: FiltreOutils): ReponseFigee => {
    const cle = JSON.stringify([f.categorie, f.public, f.niveau, f.ent, f.q]);
    return filtres.obtenir(cle, () => {
      const l = filtrerOutils(outils, f);
      return figer(JSON.stringify({ version: VERSION_CATALOGUE, total: l.length, outils: l }), JSON_UTF8);
    });
  };

  return new OpenAPIHono({ defaultHook: crochetValidation })
    .openapi(
      createRoute({
        method: "get",
        path: "/outils",
        tags: ["Catalogue"],
        summary: "Liste des outils (filtrable)",
        request: { query: filtreOutilsSchema },
        responses: {
          200: {
            description: "Les outils",
            headers: entetesCache,
            content: { "application/json": { schema: listeOutilsSchema } },
          },
          304: { description: "Inchangé : l'ETag donné dans If-None-Match est toujours valable" },
          400: erreur("Filtre invalide", ["requete-invalide"]),
        },
      }),
      (c) => {
        const f = c.req.valid("query");
        const vide = !f.categorie && !f.public && !f.niveau && !f.ent && !f.q;
        return envoyerFige(c, vide ? fige.liste : listeFiltree(f));
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/outils.csv",
        tags: ["Catalogue"],
        summary: "Tous les outils en CSV (UTF-8, une ligne par outil)",
        responses: {
          200: {
            description: "Fichier CSV",
            headers: entetesCache,
            content: { "text/csv": { schema: z.string() } },
          },
          304: { description: "Inchangé : l'ETag donné dans If-None-Match est toujours valable" },
        },
      }),
      (c) => envoyerFige(c, fige.csv, { "Content-Disposition": 'attachment; filename="trousse-outils.csv"' }),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/outils/{id}",
        tags: ["Catalogue"],
        summary: "Un outil",
        request: { params: idParam },
        responses: {
          200: {
            description: "L'outil",
            headers: entetesCache,
            content: { "application/json": { schema: outilSchema } },
          },
          304: { description: "Inchangé : l'ETag donné dans If-None-Match est toujours valable" },
          404: {
            ...erreur("Outil inconnu", ["outil-inconnu"]),
          },
        },
      }),
      (c) => {
        const { id } = c.req.valid("param");
        const r = fige.parId.get(id);
        if (!r) throw outilInconnu(id);
        return envoyerFige(c, r);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/outils/{id}/doctrine",
        tags: ["Catalogue"],
        summary: "La doctrine DINUM appliquée à un outil (document 001)",
        description: "Réponse de `evaluerDoctrine(outil)` de @trousse/rules, à l'identique.",
        request: { params: idParam },
        responses: {
          200: {
            description: "Les six critères et l'évaluation de l'outil",
            headers: entetesCache,
            content: { "application/json": { schema: doctrineReponseSchema } },
          },
          304: { description: "Inchangé : l'ETag donné dans If-None-Match est toujours valable" },
          404: {
            ...erreur("Outil inconnu", ["outil-inconnu"]),
          },
        },
      }),
      (c) => {
        const { id } = c.req.valid("param");
        const r = fige.doctrines.get(id);
        if (!r) throw outilInconnu(id);
        return envoyerFige(c, r);
      },
    );
}
