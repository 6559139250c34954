import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { etablissements } from "./etablissements.js";
import { utilisateurs } from "./utilisateurs.js";

/** A groupe is either a `classe` (e.g. "3A") or another teaching `groupe` (e.g. "Latin 4e"). */
export const NATURES_GROUPE = ["classe", "groupe"] as const;
export type NatureGroupe = (typeof NATURES_GROUPE)[number];

/** Classes and teaching groups, named as the ENT names them, inside one school of one ENT. */
export const groupes = pgTable(
  "groupes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entId: text("ent_id").notNull(),
    etablissementId: uuid("etablissement_id").references(() => etablissements.id, { onDelete: "cascade" }),
    nature: text("nature").$type<NatureGroupe>().notNull(),
    nom: text("nom").notNull(),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("groupes_ent_etab_nature_nom_uq")
      .on(t.entId, t.etablissementId, t.nature, t.nom)
      .nullsNotDistinct(),
    check("groupes_nature_ck", sql`${t.nature} in ('classe', 'groupe')`),
  ],
);

/** Who belongs to which groupe (pupils and their teachers alike), as the ENT said at the last sign-in. */
export const membres = pgTable(
  "membres",
  {
    groupeId: uuid("groupe_id")
      .notNull()
      .references(() => groupes.id, { onDelete: "cascade" }),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    depuisLe: timestamp("depuis_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "membres_pk", columns: [t.groupeId, t.utilisateurId] }),
    index("membres_utilisateur_idx").on(t.utilisateurId),
  ],
);
