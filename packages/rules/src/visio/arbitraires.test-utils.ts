// Générateurs fast-check de besoins de visioconférence valides.
import fc from "fast-check";
import { ENTS_ECOLE, INTERLOCUTEURS, OBJETS_VISIO, ORGANISATEURS, type BesoinVisio } from "./types.js";

/** Un `BesoinVisio` valide quelconque (participants de 2 à 500, la borne, valeurs limites comprises). */
export const besoinArbitraire: fc.Arbitrary<BesoinVisio> = fc.record({
  organisateur: fc.constantFrom(...ORGANISATEURS),
  avec: fc.uniqueArray(fc.constantFrom(...INTERLOCUTEURS), { minLength: 1, maxLength: 4 }),
  participants: fc.oneof(fc.integer({ min: 2, max: 500 }), fc.constantFrom(2, 10, 11, 50, 51, 500)),
  objet: fc.constantFrom(...OBJETS_VISIO),
  niveau: fc.constantFrom("1D" as const, "2D" as const),
  ent: fc.constantFrom(...ENTS_ECOLE),
  elevesIdentifies: fc.boolean(),
  reservationPossible: fc.boolean(),
  webConferenceEntEnCours: fc.boolean(),
});
