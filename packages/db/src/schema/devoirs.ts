import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { etablissements } from "./etablissements.js";
import { groupes } from "./groupes.js";
import { utilisateurs } from "./utilisateurs.js";

/** Familles de fichiers qu'un devoir accepte (vérifiées par octets magiques à chaque envoi). */
export type FamilleFichierDevoir = "document" | "image" | "audio" | "video";

/**
 * Les devoirs : un enseignant les donne à une de ses classes ou à un de ses groupes. Les dates sont des
 * instants (UTC en base) ; l'API les reçoit et les affiche en heure de Paris. Les statuts se calculent avec
 * `@trousse/rules`, jamais en SQL.
 */
export const devoirs = pgTable(
  "devoirs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    etablissementId: uuid("etablissement_id").references(() => etablissements.id, { onDelete: "cascade" }),
    groupeId: uuid("groupe_id")
      .notNull()
      .references(() => groupes.id, { onDelete: "cascade" }),
    enseignantId: uuid("enseignant_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    titre: text("titre").notNull(),
    consignes: text("consignes").notNull().default(""),
    ouverture: timestamp("ouverture", { withTimezone: true }).notNull(),
    echeance: timestamp("echeance", { withTimezone: true }).notNull(),
    dateLimite: timestamp("date_limite", { withTimezone: true }),
    publicationCorrige: timestamp("publication_corrige", { withTimezone: true }),
    familles: jsonb("familles").$type<FamilleFichierDevoir[]>().notNull(),
    tailleMaxOctets: bigint("taille_max_octets", { mode: "number" }).notNull(),
    nombreMaxFichiers: integer("nombre_max_fichiers").notNull(),
    /** Texte de la déclaration sur l'honneur à cocher, ou null s'il n'y en a pas. */
    declarationHonneur: text("declaration_honneur"),
    creeLe: timestamp("cree_le", { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp("maj_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("devoirs_groupe_idx").on(t.groupeId),
    index("devoirs_enseignant_idx").on(t.enseignantId),
    check("devoirs_echeance_ck", sql`${t.echeance} >= ${t.ouverture}`),
    check("devoirs_date_limite_ck", sql`${t.dateLimite} is null or ${t.dateLimite} >= ${t.echeance}`),
    check("devoirs_nombre_max_ck", sql`${t.nombreMaxFichiers} between 1 and 20`),
  ],
);

/** Nature d'un fichier joint par l'enseignant : le sujet, ou le corrigé publié à sa date. */
export const NATURES_FICHIER_DEVOIR = ["sujet", "corrige"] as const;
export type NatureFichierDevoir = (typeof NATURES_FICHIER_DEVOIR)[number];

/** Fichiers de sujet et de corrigé d'un devoir. */
export const fichiersDevoir = pgTable(
  "fichiers_devoir",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    devoirId: uuid("devoir_id")
      .notNull()
      .references(() => devoirs.id, { onDelete: "cascade" }),
    nature: text("nature").$type<NatureFichierDevoir>().notNull(),
    nom: text("nom").notNull(),
    taille: bigint("taille", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    mime: text("mime").notNull(),
    /** Chemin relatif au dossier des fichiers. */
    chemin: text("chemin").notNull(),
    ajouteLe: timestamp("ajoute_le", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("fichiers_devoir_devoir_idx").on(t.devoirId),
    check("fichiers_devoir_nature_ck", sql`${t.nature} in ('sujet', 'corrige')`),
  ],
);
