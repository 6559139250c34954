/**
 * Schémas zod 4 du catalogue et types inférés. Ce module est le seul à importer zod :
 * les données (`donnees/*`) n'en importent que des types, si bien qu'un bundle qui n'utilise
 * pas les schémas n'embarque pas zod.
 */
import { z } from "zod";
import {
  CATEGORIES,
  CHAMPS_DEDUITS,
  CRITERES,
  ENTS,
  FAITS_GENERAUX,
  MODES_ACCES,
  NATURES_NOTE,
  NATURES_PROVENANCE,
  NIVEAUX,
  ORIGINES,
  PUBLICS,
  REALISATEURS_RGPD,
  STATUTS_CRITERE,
  USAGES,
} from "./vocabulaire.js";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const texte = z.string().trim().min(1, { error: "Texte vide : chaque fait doit citer un texte non vide." });
const idSource = z.string().regex(KEBAB, { error: "Référence de source invalide (kebab-case attendu)." });

export const niveauSchema = z.enum(NIVEAUX, { error: "Niveau inconnu (attendu : 1D ou 2D)." });
export const categorieSchema = z.enum(CATEGORIES, { error: "Catégorie inconnue." });
export const publicSchema = z.enum(PUBLICS, { error: "Public inconnu." });
export const modeAccesSchema = z.enum(MODES_ACCES, { error: "Mode d'accès inconnu." });
export const realisateurRgpdSchema = z.enum(REALISATEURS_RGPD, {
  error: "Réalisateur des démarches RGPD inconnu.",
});
export const entSchema = z.enum(ENTS, { error: "ENT inconnu (attendu : ode ou sn62)." });
export const critereDoctrineSchema = z.enum(CRITERES, { error: "Critère de doctrine inconnu." });
export const statutCritereSchema = z.enum(STATUTS_CRITERE, { error: "Statut de critère inconnu." });
export const origineSchema = z.enum(ORIGINES, { error: "Origine inconnue." });

/** Une section d'un document source (titre de tableau ou intertitre), citée par son `id`. */
export const sourceRefSchema = z.object({
  id: z.string().regex(KEBAB, { error: "Identifiant de source invalide (kebab-case attendu)." }),
  document: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { error: "Nom de document source invalide." }),
  section: texte,
  extrait: texte.optional(),
});

/** Une ligne d'un tableau du document 000 (ou un paragraphe du 001) : les faits d'un outil pour un public. */
export const ficheSchema = z.object({
  source: idSource,
  publics: z.array(publicSchema).min(1, { error: "Une fiche vise au moins un public." }),
  categories: z.array(categorieSchema).min(1, { error: "Une fiche a au moins une catégorie." }),
  acces: z.object({ modes: z.array(modeAccesSchema), texte }).optional(),
  avantages: z.array(texte),
  limites: z.array(texte),
  rgpd: z.object({ par: realisateurRgpdSchema, texte }).optional(),
});

const fait = { texte, source: idSource };

/** Contraintes dures, en données structurées ; chacune cite son texte et sa source. */
export const contraintesSchema = z.object({
  participantsMax: z.object({ valeur: z.int().min(2), ...fait }).optional(),
  sessionsSimultaneesParEtablissement: z
    .object({ valeur: z.int().min(1), perimetre: texte, ...fait })
    .optional(),
  reservationObligatoire: z.object(fait).optional(),
  elevesIdentifies: z.object({ niveaux: z.array(niveauSchema).min(1), ...fait }).optional(),
  audioSeulement: z.object(fait).optional(),
  entRequis: z.object({ ents: z.union([z.literal("tous"), z.array(entSchema).min(1)]), ...fait }).optional(),
});

export const noteSchema = z.object({ nature: z.enum(NATURES_NOTE), ...fait });
export const usageSchema = z.object({ code: z.enum(USAGES), publics: z.array(publicSchema), ...fait });

export const critereEvalueSchema = z.object({
  statut: statutCritereSchema,
  justification: texte,
  sources: z.array(idSource),
});

export const doctrineSchema = z.object(
  Object.fromEntries(CRITERES.map((c) => [c, critereEvalueSchema])) as Record<
    (typeof CRITERES)[number],
    typeof critereEvalueSchema
  >,
);

export const provenanceSchema = z.object({
  nature: z.enum(NATURES_PROVENANCE),
  sources: z.array(idSource).min(1, { error: "Toute provenance cite au moins une source." }),
  justification: texte.optional(),
});

/**
 * Une valeur que Trousse déduit (les documents ne la donnent pas) : le champ concerné, la nature
 * « deduit » et le raisonnement en français — jamais une citation.
 */
export const deductionSchema = z.object({
  champ: z.enum(CHAMPS_DEDUITS, { error: "Champ déduit inconnu." }),
  nature: z.literal("deduit", { error: "Une déduction a la nature « deduit »." }),
  justification: texte,
  sources: z.array(idSource),
});

/** Un fait général d'un document (cadre, mise en garde), cité mot pour mot avec sa source. */
export const faitGeneralSchema = z.object({
  code: z.enum(FAITS_GENERAUX, { error: "Fait général inconnu." }),
  ...fait,
});

/** Un outil du catalogue. */
export const outilSchema = z.object({
  id: z.string().regex(KEBAB, { error: "Identifiant d'outil invalide (kebab-case attendu)." }),
  nom: texte,
  autresNoms: z.array(texte),
  origine: origineSchema,
  categories: z.array(categorieSchema).min(1),
  publics: z.array(publicSchema),
  niveaux: z.array(niveauSchema).min(1),
  url: z.url({ error: "URL invalide." }).optional(),
  fiches: z.array(ficheSchema),
  contraintes: contraintesSchema,
  notes: z.array(noteSchema),
  usages: z.array(usageSchema),
  doctrine: doctrineSchema,
  provenance: provenanceSchema,
  /** Les valeurs déduites par Trousse (absent : aucune). */
  deductions: z.array(deductionSchema).optional(),
});

export const documentSourceSchema = z.object({ fichier: texte, titre: texte });

/** Le catalogue complet : documents, sections citées, outils. Vérifie aussi les références croisées. */
export const catalogueSchema = z
  .object({
    version: texte,
    licence: texte,
    documents: z.array(documentSourceSchema).min(1),
    sources: z.array(sourceRefSchema).min(1),
    /** Faits généraux des documents (absent dans un sous-ensemble du catalogue). */
    faits: z.array(faitGeneralSchema).optional(),
    outils: z.array(outilSchema).min(1),
  })
  .superRefine((cat, ctx) => {
    const sources = new Set<string>();
    cat.sources.forEach((s, i) => {
      if (sources.has(s.id))
        ctx.addIssue({
          code: "custom",
          path: ["sources", i, "id"],
          message: `Source en double : « ${s.id} ».`,
        });
      sources.add(s.id);
      if (!cat.documents.some((d) => d.fichier === s.document))
        ctx.addIssue({
          code: "custom",
          path: ["sources", i, "document"],
          message: `Document inconnu : « ${s.document} ».`,
        });
    });
    (cat.faits ?? []).forEach((f, i) => {
      if (!sources.has(f.source))
        ctx.addIssue({
          code: "custom",
          path: ["faits", i, "source"],
          message: `Le fait « ${f.code} » cite une source inconnue : « ${f.source} ».`,
        });
    });
    const ids = new Set<string>();
    cat.outils.forEach((o, i) => {
      if (ids.has(o.id))
        ctx.addIssue({
          code: "custom",
          path: ["outils", i, "id"],
          message: `Outil en double : « ${o.id} ».`,
        });
      ids.add(o.id);
      for (const [chemin, ref] of referencesDeSource(o))
        if (!sources.has(ref))
          ctx.addIssue({
            code: "custom",
            path: ["outils", i, ...chemin],
            message: `L'outil « ${o.id} » cite une source inconnue : « ${ref} ».`,
          });
    });
  });

/** Toutes les références de source d'un outil, avec leur chemin (pour les messages d'erreur). */
function referencesDeSource(o: z.infer<typeof outilSchema>): [(string | number)[], string][] {
  const refs: [(string | number)[], string][] = [];
  o.fiches.forEach((f, i) => refs.push([["fiches", i, "source"], f.source]));
  for (const [k, c] of Object.entries(o.contraintes))
    if (c) refs.push([["contraintes", k, "source"], c.source]);
  o.notes.forEach((n, i) => refs.push([["notes", i, "source"], n.source]));
  o.usages.forEach((u, i) => refs.push([["usages", i, "source"], u.source]));
  for (const [k, c] of Object.entries(o.doctrine))
    c.sources.forEach((s, i) => refs.push([["doctrine", k, "sources", i], s]));
  o.provenance.sources.forEach((s, i) => refs.push([["provenance", "sources", i], s]));
  (o.deductions ?? []).forEach((d, i) =>
    d.sources.forEach((s, j) => refs.push([["deductions", i, "sources", j], s])),
  );
  return refs;
}

export type Niveau = z.infer<typeof niveauSchema>;
export type Categorie = z.infer<typeof categorieSchema>;
export type Public = z.infer<typeof publicSchema>;
export type ModeAcces = z.infer<typeof modeAccesSchema>;
export type RealisateurRgpd = z.infer<typeof realisateurRgpdSchema>;
export type Ent = z.infer<typeof entSchema>;
export type CritereDoctrine = z.infer<typeof critereDoctrineSchema>;
export type StatutCritere = z.infer<typeof statutCritereSchema>;
export type Origine = z.infer<typeof origineSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type Fiche = z.infer<typeof ficheSchema>;
export type Contraintes = z.infer<typeof contraintesSchema>;
export type Note = z.infer<typeof noteSchema>;
export type NatureNote = Note["nature"];
export type Usage = z.infer<typeof usageSchema>;
export type CodeUsage = Usage["code"];
export type CritereEvalue = z.infer<typeof critereEvalueSchema>;
export type Doctrine = z.infer<typeof doctrineSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type Deduction = z.infer<typeof deductionSchema>;
export type FaitGeneral = z.infer<typeof faitGeneralSchema>;
export type Outil = z.infer<typeof outilSchema>;
export type DocumentSource = z.infer<typeof documentSourceSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
