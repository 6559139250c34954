import { pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/**
 * Schools (établissements) known through an ENT sign-in.
 * `cle` is the school's key inside its ENT: `uai:<UAI>` when the ENT gives the UAI, else `nom:<nom>`.
 */
export const etablissements = pgTable(
  "etablissements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entId: text("ent_id").notNull(),
    cle: text("cle").notNull(),
    uai: text("uai"),
    nom: text("nom").notNull(),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp("maj_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("etablissements_ent_cle_uq").on(t.entId, t.cle)],
);
