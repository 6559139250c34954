// The shape of <trousse-choisir-visio>'s texts, apart from messages.ts so that fr.ts and en.ts (which
// messages.ts loads) do not import it back.

/** Choices of a radio/checkbox question: stable value → label. */
export type Libelles<K extends string> = Record<K, string>;

/** Every UI text of `<trousse-choisir-visio>`, in one language (`<trousse-rendre-devoir>`'s: `rendre-devoir.ts`). */
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
