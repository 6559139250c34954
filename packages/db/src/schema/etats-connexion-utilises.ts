import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Sign-in states (`state` of OIDC, `etat` of CAS) already used once: a captured state cookie cannot be
 * replayed. Rows past `expire_le` (the state's own expiry, 10 minutes) can be purged.
 */
export const etatsConnexionUtilises = pgTable(
  "etats_connexion_utilises",
  {
    etat: text("etat").primaryKey(),
    expireLe: timestamp("expire_le", { withTimezone: true }).notNull(),
    utiliseLe: timestamp("utilise_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("etats_connexion_utilises_expire_idx").on(t.expireLe)],
);
