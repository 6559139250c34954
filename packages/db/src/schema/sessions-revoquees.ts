import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Session tokens revoked before their expiry (sign-out). Rows past `expire_le` can be purged. */
export const sessionsRevoquees = pgTable(
  "sessions_revoquees",
  {
    jti: text("jti").primaryKey(),
    expireLe: timestamp("expire_le", { withTimezone: true }).notNull(),
    revoqueeLe: timestamp("revoquee_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_revoquees_expire_idx").on(t.expireLe)],
);
