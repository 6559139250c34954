import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { devoirs } from "./devoirs.js";
import { utilisateurs } from "./utilisateurs.js";

/**
 * Uploads (tus) in progress or received but not yet handed in, one row per upload, written before the
 * first byte is accepted: the per-assignment file limit and the pupil's storage quota are counted here,
 * in the database, so that every API process sees the same count. « Rendre » deletes the rows of the
 * uploads it consumes in the same SQL statement that records the hand-in.
 */
export const televersementsEnAttente = pgTable(
  "televersements_en_attente",
  {
    /** The tus upload id (32 hex digits). */
    id: text("id").primaryKey(),
    devoirId: uuid("devoir_id")
      .notNull()
      .references(() => devoirs.id, { onDelete: "cascade" }),
    proprietaireId: uuid("proprietaire_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    /** Announced size (`Upload-Length`), in bytes: reserved against the quota before any byte is received. */
    taille: bigint("taille", { mode: "number" }).notNull(),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("televersements_en_attente_proprietaire_idx").on(t.proprietaireId, t.devoirId)],
);
