import { fr } from "./fr.js";
import type { Langue } from "./langue.js";

/** Choices of a radio/checkbox question: stable value → label. */
export type Libelles<K extends string> = Record<K, string>;

/** Every UI text of the widgets, in one language. */
export interface Messages {
  commun: {
    precedent: string;
    suivant: string;
    etape: (n: number, total: number) => string;
    erreurChoixUnique: string;
    erreurChoixMultiple: string;
    nouvelleFenetre: string;
  };
  choisirVisio: {
    titre: string;
    introduction: string;
    questions: {
      organisateur: string;
      avec: string;
      avecAide: string;
      participants: string;
      participantsAide: string;
      objet: string;
      niveau: string;
      ent: string;
      besoins: string;
      besoinsAide: string;
      reservation: string;
    };
    organisateurs: Libelles<
      "enseignant" | "personnel-direction" | "personnel-administratif" | "inspection-formation"
    >;
    interlocuteurs: Libelles<"eleves" | "familles" | "personnels-internes" | "partenaires-externes">;
    objets: Libelles<"cours" | "reunion" | "conseil-de-classe" | "formation" | "audioconference">;
    niveaux: Libelles<"1D" | "2D">;
    ents: Libelles<"ode" | "sn62" | "autre" | "aucun">;
    besoins: Libelles<"elevesIdentifies" | "reservationPossible" | "webConferenceEntEnCours">;
    oui: string;
    non: string;
    erreurParticipants: string;
    erreurParticipantsMax: string;
    /** The results could not be downloaded (network). */
    erreurChargement: string;
    voirResultats: string;
    resultats: string;
    resume: (recommandes: number, ecartes: number) => string;
    aucuneRecommandation: string;
    rang: (n: number) => string;
    raisons: string;
    limites: string;
    acces: string;
    rgpd: string;
    source: string;
    ouvrir: (nom: string) => string;
    choisir: string;
    choisi: (nom: string) => string;
    /** Visible after « Choisir cet outil », followed by the next step. */
    choisiSuite: (nom: string) => string;
    prochaineEtape: string;
    /** Label of what Trousse deduces (never a quotation of the documents). */
    deduit: string;
    ecartes: (n: number) => string;
    modifier: string;
    vosReponses: string;
  };
}

const charges: Partial<Record<Langue, Messages>> = { fr };

/**
 * The UI texts in a language, if loaded; French (always bundled) otherwise. English is loaded on demand
 * by {@link chargerMessages} so French pages never download it.
 *
 * @example
 * ```ts
 * messages("fr").commun.suivant; // "Suivant"
 * await chargerMessages("en");
 * messages("en").commun.suivant; // "Next"
 * ```
 */
export function messages(langue: Langue = "fr"): Messages {
  return charges[langue] ?? fr;
}

/**
 * Loads the UI texts of a language (English is a separate file, fetched once).
 *
 * @example
 * ```ts
 * const en = await chargerMessages("en");
 * en.choisirVisio.titre; // "Choose a video-conferencing tool"
 * ```
 */
export async function chargerMessages(langue: Langue): Promise<Messages> {
  const deja = charges[langue];
  if (deja) return deja;
  const { en } = await import("./en.js");
  charges.en = en;
  return en;
}
