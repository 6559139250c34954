import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { devoirs } from "./devoirs.js";
import { utilisateurs } from "./utilisateurs.js";

/** Longueur maximale du motif d'un délai accordé (une note courte pour l'enseignant, pas un dossier). */
export const MOTIF_DEROGATION_MAX = 200;

/**
 * Les délais accordés (dérogations) : l'enseignant auteur d'un devoir donne à UN élève une échéance et/ou
 * une date limite plus tardives (maladie, emploi du temps aménagé). Une ligne au plus par élève et par
 * devoir ; la remplacer incrémente `version` (« rendre » s'assure en une instruction que le délai qu'il a
 * lu est toujours celui-là). Les dates valables pour l'élève se calculent avec `datesEffectives` de
 * `@trousse/rules`, jamais en SQL. Le motif n'est montré qu'à l'enseignant (il peut être médical).
 */
export const derogations = pgTable(
  "derogations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    devoirId: uuid("devoir_id")
      .notNull()
      .references(() => devoirs.id, { onDelete: "cascade" }),
    eleveId: uuid("eleve_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    /** Échéance accordée (un rendu jusqu'à cet instant inclus est à l'heure), ou null. */
    echeance: timestamp("echeance", { withTimezone: true }),
    /** Date limite accordée (rendu en retard accepté jusqu'à cet instant inclus), ou null. */
    dateLimite: timestamp("date_limite", { withTimezone: true }),
    motif: text("motif"),
    auteurId: uuid("auteur_id").references(() => utilisateurs.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp("maj_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("derogations_devoir_eleve_uq").on(t.devoirId, t.eleveId),
    index("derogations_eleve_idx").on(t.eleveId),
    check("derogations_une_date_ck", sql`${t.echeance} is not null or ${t.dateLimite} is not null`),
    check(
      "derogations_date_limite_ck",
      sql`${t.dateLimite} is null or ${t.echeance} is null or ${t.dateLimite} >= ${t.echeance}`,
    ),
    check(
      "derogations_motif_ck",
      sql`${t.motif} is null or char_length(${t.motif}) <= ${sql.raw(String(MOTIF_DEROGATION_MAX))}`,
    ),
    check("derogations_version_ck", sql`${t.version} >= 1`),
  ],
);
