import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { utilisateurs } from "./utilisateurs.js";

/**
 * parent ↔ élève links. The child is kept by its ENT uid (same ENT as the parent), so that a link
 * given by the ENT before the child ever signs in is not lost: it resolves once the child exists.
 */
export const liensParents = pgTable(
  "liens_parents",
  {
    parentId: uuid("parent_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    eleveUid: text("eleve_uid").notNull(),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "liens_parents_pk", columns: [t.parentId, t.eleveUid] })],
);
