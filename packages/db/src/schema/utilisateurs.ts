import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { etablissements } from "./etablissements.js";

/** The four Trousse roles, mapped from the ENT profiles (ELEVE, ENSEIGNANT, PERSRELELEVE, PERSEDUCNAT). */
export const ROLES = ["eleve", "enseignant", "parent", "personnel"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Users as their ENT identifies them. Only what Trousse needs: the ENT's stable id, login,
 * a display name and the role. No e-mail, no birth date, no address.
 */
export const utilisateurs = pgTable(
  "utilisateurs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entId: text("ent_id").notNull(),
    uid: text("uid").notNull(),
    login: text("login"),
    nomAffiche: text("nom_affiche").notNull(),
    role: text("role").$type<Role>().notNull(),
    etablissementId: uuid("etablissement_id").references(() => etablissements.id, { onDelete: "set null" }),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp("maj_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("utilisateurs_ent_uid_uq").on(t.entId, t.uid),
    index("utilisateurs_etablissement_idx").on(t.etablissementId),
    check("utilisateurs_role_ck", sql`${t.role} in ('eleve', 'enseignant', 'parent', 'personnel')`),
  ],
);
