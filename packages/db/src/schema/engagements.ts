import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { devoirs } from "./devoirs.js";
import { utilisateurs } from "./utilisateurs.js";

/** Un fichier promis par un engagement : son empreinte sha256 (hex), sa taille en octets, son nom. */
export interface FichierEngage {
  sha256: string;
  taille: number;
  nom: string;
}

/**
 * Les engagements : quand l'élève appuie sur « Rendre », le widget envoie l'empreinte (sha256) et la taille
 * de chaque fichier avant leurs octets ; l'API enregistre cet engagement, horodaté à l'heure du serveur.
 * Le rendu qui suit prend l'heure de l'engagement si ses octets arrivent avec les mêmes empreintes dans le
 * délai de grâce (`ponctualiteEngagement` de `@trousse/rules`). Un engagement seul n'est jamais un rendu.
 * Une ligne au plus par élève et par devoir (un nouvel engagement remplace le précédent) ; « rendre » la
 * supprime dans son instruction quand il la consomme.
 */
export const engagements = pgTable(
  "engagements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    devoirId: uuid("devoir_id")
      .notNull()
      .references(() => devoirs.id, { onDelete: "cascade" }),
    eleveId: uuid("eleve_id")
      .notNull()
      .references(() => utilisateurs.id, { onDelete: "cascade" }),
    /** Heure du serveur à l'enregistrement de l'engagement. */
    engageLe: timestamp("engage_le", { withTimezone: true }).notNull(),
    fichiers: jsonb("fichiers").$type<FichierEngage[]>().notNull(),
  },
  (t) => [
    unique("engagements_devoir_eleve_uq").on(t.devoirId, t.eleveId),
    index("engagements_eleve_idx").on(t.eleveId),
    check("engagements_fichiers_ck", sql`jsonb_typeof(${t.fichiers}) = 'array'`),
  ],
);
