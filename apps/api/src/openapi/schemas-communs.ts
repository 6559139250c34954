import { z } from "@hono/zod-openapi";
import {
  libelleStatutRendu,
  libelleStatutSuivi,
  STATUTS_RENDU,
  STATUTS_SUIVI,
  type StatutRendu,
  type StatutSuivi,
} from "@trousse/rules";

// Building blocks shared by the response schemas of several features (devoirs, rendus, rappels). The
// response schemas are strict: a handler cannot answer a field its route does not declare (tsc checks the
// handler's `c.json` against them, and `schemas-reponses.test.ts` checks real answers).

/** An instant, ISO-8601 UTC. */
export const instant = z.string().openapi({ format: "date-time", example: "2026-03-31T21:59:00.000Z" });
/** The same instant in Paris time, in French. */
export const affiche = z.string().openapi({ example: "mardi 31 mars 2026 à 23 h 59" });
export const uuid = z.guid();
export const entier = z.number().int();

/** Statut d'un devoir vu par l'élève (`statutRendu` des règles). */
export const statutRenduSchema = z
  .enum(STATUTS_RENDU as [StatutRendu, ...StatutRendu[]])
  .openapi("StatutRendu", {
    description: `Statut vu par l'élève ou son parent (règles \`statutRendu\`), libellé renvoyé à côté : ${STATUTS_RENDU.map((s) => `\`${s}\` « ${libelleStatutRendu(s)} »`).join(", ")}`,
  });

/** Statut de suivi d'un élève vu par l'enseignant (`statutSuivi` des règles). */
export const statutSuiviSchema = z
  .enum(STATUTS_SUIVI as [StatutSuivi, ...StatutSuivi[]])
  .openapi("StatutSuivi", {
    description: `Statut d'un élève dans le suivi de l'enseignant (règles \`statutSuivi\`), libellé renvoyé à côté : ${STATUTS_SUIVI.map((s) => `\`${s}\` « ${libelleStatutSuivi(s)} »`).join(", ")}`,
  });

export const statutLibelle = {
  statut: statutRenduSchema,
  libelle: z.string().openapi({ example: "À rendre" }),
};

export const eleveSchema = z.strictObject({ id: uuid, nomAffiche: z.string() }).openapi("EleveAffiche");

/** A stored file: name, size, sha256, MIME type. */
export const fichierSchema = z
  .strictObject({
    id: uuid,
    nom: z.string().openapi({ example: "ma rédaction.pdf" }),
    taille: entier,
    sha256: z.string().openapi({ pattern: "^[0-9a-f]{64}$" }),
    mime: z.string().openapi({ example: "application/pdf" }),
  })
  .openapi("FichierRendu");

/** A stored file with the address to download it. */
export const fichierAvecUrl = fichierSchema.extend({ url: z.string() });

/** Path parameter `id` of an assignment. */
export const idDevoirParams = z.object({
  id: z.guid().openapi({ description: "Identifiant du devoir", param: { name: "id", in: "path" } }),
});
/** Path parameter `id` of a hand-in version. */
export const idRenduParams = z.object({
  id: z
    .guid()
    .openapi({ description: "Identifiant d'une version de rendu", param: { name: "id", in: "path" } }),
});
/** Path parameter `fichierId`. */
export const fichierIdParam = z.guid().openapi({ param: { name: "fichierId", in: "path" } });
