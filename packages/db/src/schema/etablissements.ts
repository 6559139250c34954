import { pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/**
 * Schools (établissements) known through an ENT sign-in.
 * `cle` is the school's key inside its ENT: `uai:<UAI>` when the ENT gives the UAI, else
 * `structure:<ENT structure id>` (`structure_id`). Never the name: two schools may share one (issue 9).
 * Rows keyed `nom:<nom>` were written before that rule; nothing new is keyed so.
 */
export const etablissements = pgTable(
  "etablissements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entId: text("ent_id").notNull(),
    cle: text("cle").notNull(),
    uai: text("uai"),
    /** The ENT's own id of the structure (entcore `structures`, SDET `ENTPersonStructRattach`), when given. */
    structureId: text("structure_id"),
    nom: text("nom").notNull(),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp("maj_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("etablissements_ent_cle_uq").on(t.entId, t.cle)],
);
