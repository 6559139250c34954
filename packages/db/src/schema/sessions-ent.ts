import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { utilisateurs } from "./utilisateurs.js";

/**
 * Which ENT sign-in opened which Trousse session: when the ENT signs the user out (CAS single logout with
 * the service ticket as `SessionIndex`, OpenID Connect back-channel logout with `sid` or `sub`), Trousse
 * revokes the sessions that sign-in opened. Rows past `expire_le` (the token's own expiry) can be purged.
 */
export const sessionsEnt = pgTable(
  "sessions_ent",
  {
    /** The Trousse session token's `jti`. */
    jti: text("jti").primaryKey(),
    entId: text("ent_id").notNull(),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    /** The ENT's id of the user (CAS user, OIDC `sub`). */
    sujet: text("sujet").notNull(),
    /** CAS: SHA-256 (hex) of the service ticket — never the ticket itself. */
    ticketCas: text("ticket_cas"),
    /** OIDC: the id_token's `sid` (the ENT's session), when it sends one. */
    sidOidc: text("sid_oidc"),
    expireLe: timestamp("expire_le", { withTimezone: true }).notNull(),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sessions_ent_ticket_idx").on(t.entId, t.ticketCas),
    index("sessions_ent_sid_idx").on(t.entId, t.sidOidc),
    index("sessions_ent_sujet_idx").on(t.entId, t.sujet),
    index("sessions_ent_expire_idx").on(t.expireLe),
  ],
);
