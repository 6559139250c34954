import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { devoirs } from "./devoirs.js";
import { utilisateurs } from "./utilisateurs.js";

/**
 * Les rendus : une ligne par version. Un élève peut remplacer son rendu avant l'échéance ; les versions
 * précédentes restent, et celle qui compte est la plus récente (numéro de version le plus grand).
 */
export const rendus = pgTable(
  "rendus",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    devoirId: uuid("devoir_id")
      .notNull()
      .references(() => devoirs.id, { onDelete: "cascade" }),
    eleveId: uuid("eleve_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /**
     * L'instant du rendu, qui décide de la ponctualité : l'heure du serveur au « Rendre », ou celle de
     * l'engagement de l'élève quand les octets reçus ont les empreintes promises (voir `engagements`).
     */
    renduLe: timestamp("rendu_le", { withTimezone: true }).notNull(),
    /**
     * Quand le rendu a pris l'heure d'un engagement : l'heure où ses octets ont été reçus (« rendre »).
     * Null sinon (reçu à `renduLe`). L'accusé et le suivi montrent les deux heures.
     */
    recuLe: timestamp("recu_le", { withTimezone: true }),
    enRetard: boolean("en_retard").notNull(),
    /**
     * Le délai accordé à l'élève (ses dates effectives) sous lequel cette version a été acceptée, ou null
     * s'il n'en avait pas : l'accusé de réception le redit, et la version n'est jamais jugée plus sévèrement.
     */
    delaiEcheance: timestamp("delai_echeance", { withTimezone: true }),
    delaiDateLimite: timestamp("delai_date_limite", { withTimezone: true }),
    declarationCochee: boolean("declaration_cochee").notNull().default(false),
  },
  (t) => [
    unique("rendus_devoir_eleve_version_uq").on(t.devoirId, t.eleveId, t.version),
    index("rendus_eleve_idx").on(t.eleveId),
    check("rendus_version_ck", sql`${t.version} >= 1`),
  ],
);

/** Les fichiers d'une version de rendu, écrits et synchronisés sur le disque avant l'insertion. */
export const fichiersRendu = pgTable(
  "fichiers_rendu",
  {
    id: uuid("id").primaryKey(),
    renduId: uuid("rendu_id")
      .notNull()
      .references(() => rendus.id, { onDelete: "cascade" }),
    nom: text("nom").notNull(),
    taille: bigint("taille", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    mime: text("mime").notNull(),
    chemin: text("chemin").notNull(),
    ordre: integer("ordre").notNull(),
  },
  (t) => [index("fichiers_rendu_rendu_idx").on(t.renduId)],
);

/** Première consultation d'un devoir par un élève (« vu le … »). */
export const consultations = pgTable(
  "consultations",
  {
    devoirId: uuid("devoir_id")
      .notNull()
      .references(() => devoirs.id, { onDelete: "cascade" }),
    eleveId: uuid("eleve_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    vuLe: timestamp("vu_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "consultations_pk", columns: [t.devoirId, t.eleveId] })],
);

/** Rappels envoyés par l'enseignant aux élèves qui n'ont pas rendu ; le widget les montre à l'élève. */
export const rappels = pgTable(
  "rappels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    devoirId: uuid("devoir_id")
      .notNull()
      .references(() => devoirs.id, { onDelete: "cascade" }),
    eleveId: uuid("eleve_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    enseignantId: uuid("enseignant_id").references(() => utilisateurs.id, { onDelete: "set null" }),
    message: text("message").notNull(),
    envoyeLe: timestamp("envoye_le", { withTimezone: true }).notNull().defaultNow(),
    luLe: timestamp("lu_le", { withTimezone: true }),
  },
  (t) => [index("rappels_eleve_idx").on(t.eleveId), index("rappels_devoir_idx").on(t.devoirId)],
);

/** Retour de l'enseignant sur une version de rendu : commentaire et fichier facultatif, visibles une fois rendus. */
export const retours = pgTable(
  "retours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    renduId: uuid("rendu_id")
      .notNull()
      .references(() => rendus.id, { onDelete: "cascade" }),
    enseignantId: uuid("enseignant_id").references(() => utilisateurs.id, { onDelete: "set null" }),
    commentaire: text("commentaire").notNull().default(""),
    fichierNom: text("fichier_nom"),
    fichierTaille: bigint("fichier_taille", { mode: "number" }),
    fichierSha256: text("fichier_sha256"),
    fichierMime: text("fichier_mime"),
    fichierChemin: text("fichier_chemin"),
    retourneLe: timestamp("retourne_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("retours_rendu_uq").on(t.renduId)],
);

/** Journal d'audit : qui a téléchargé quoi, et quand. */
export const journalAudit = pgTable(
  "journal_audit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    utilisateurId: uuid("utilisateur_id").references(() => utilisateurs.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    devoirId: uuid("devoir_id").references(() => devoirs.id, { onDelete: "set null" }),
    renduId: uuid("rendu_id").references(() => rendus.id, { onDelete: "set null" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    le: timestamp("le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("journal_audit_devoir_idx").on(t.devoirId), index("journal_audit_le_idx").on(t.le)],
);
