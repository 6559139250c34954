import { NIVEAUX } from "@trousse/catalogue";
import { z } from "zod";
import { ERREUR_PARTICIPANTS_TROP_NOMBREUX, ERREURS_BESOIN as E } from "./messages-besoin.js";
import {
  type BesoinVisio,
  ENTS_ECOLE,
  INTERLOCUTEURS,
  OBJETS_VISIO,
  ORGANISATEURS,
  PARTICIPANTS_MAX,
} from "./types.js";

const m = (champ: keyof typeof E) => ({ error: E[champ].message });

/**
 * Schéma zod 4 du besoin (messages en français). Accepte exactement les mêmes entrées que
 * `validerBesoinVisio` (vérifié par un test de propriété) ; l'API s'en sert pour valider et documenter.
 *
 * @example
 * besoinVisioSchema.safeParse({ organisateur: "enseignant", avec: ["eleves"], participants: 25, objet: "cours",
 *   niveau: "2D", ent: "ode", elevesIdentifies: true, reservationPossible: true, webConferenceEntEnCours: false }).success; // true
 */
export const besoinVisioSchema: z.ZodType<BesoinVisio> = z.object({
  organisateur: z.enum(ORGANISATEURS, m("organisateur")),
  avec: z.array(z.enum(INTERLOCUTEURS, m("avec")), m("avec")).min(1, m("avec")),
  participants: z
    .int({ ...m("participants"), abort: true })
    .min(2, { ...m("participants"), abort: true })
    .max(PARTICIPANTS_MAX, { error: ERREUR_PARTICIPANTS_TROP_NOMBREUX.message }),
  objet: z.enum(OBJETS_VISIO, m("objet")),
  niveau: z.enum(NIVEAUX, m("niveau")),
  ent: z.enum(ENTS_ECOLE, m("ent")),
  elevesIdentifies: z.boolean(m("elevesIdentifies")),
  reservationPossible: z.boolean(m("reservationPossible")),
  webConferenceEntEnCours: z.boolean(m("webConferenceEntEnCours")),
});
