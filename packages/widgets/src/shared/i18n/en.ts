import type { Messages } from "./forme-messages.js";

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** English UI texts (`lang="en"`). The documents' facts stay in French. */
export const en: Messages = {
  commun: {
    precedent: "Back",
    suivant: "Next",
    etape: (n, total) => `Step ${n} of ${total}`,
    erreurChoixUnique: "Choose an answer.",
    erreurChoixMultiple: "Choose at least one answer.",
    nouvelleFenetre: "(new window)",
  },
  choisirVisio: {
    titre: "Choose a video-conferencing tool",
    introduction: "Answer a few questions: the ministry's suitable tools are shown with their reasons.",
    questions: {
      organisateur: "Who is organising?",
      avec: "With whom?",
      avecAide: "Several answers allowed.",
      participants: "How many participants, including you?",
      participantsAide: "A whole number, at least 2.",
      objet: "What for?",
      niveau: "Which level?",
      ent: "Which ENT (digital workspace) does your school use?",
      besoins: "Your needs",
      besoinsAide: "Tick what applies.",
      reservation: "Can you book in advance?",
    },
    organisateurs: {
      enseignant: "A teacher",
      "personnel-direction": "A head or deputy head",
      "personnel-administratif": "Administrative staff",
      "inspection-formation": "Inspection or training staff",
    },
    interlocuteurs: {
      eleves: "Pupils",
      familles: "Families",
      "personnels-internes": "Education staff",
      "partenaires-externes": "External partners",
    },
    objets: {
      cours: "Teach a class",
      reunion: "A meeting",
      "conseil-de-classe": "A class council",
      formation: "A training session",
      audioconference: "An audio conference (sound is enough)",
    },
    niveaux: { "1D": "Primary (école)", "2D": "Secondary (collège, lycée)" },
    ents: { ode: "ODE", sn62: "SN62", autre: "Another ENT", aucun: "No ENT" },
    besoins: {
      elevesIdentifies: "Pupils must be identified",
      reservationPossible: "I can book in advance",
      webConferenceEntEnCours: "Another ENT web conference is already running in the school",
    },
    oui: "Yes",
    non: "No",
    erreurParticipants: "Enter a whole number of participants, at least 2.",
    erreurParticipantsMax: "Enter at most 500 participants.",
    erreurChargement: "The results could not be loaded. Check the connection, then try again.",
    voirResultats: "Show the tools",
    resultats: "Recommended tools",
    resume: (r, e) =>
      `${r} ${plural(r, "tool", "tools")} recommended, ${e} ${plural(e, "tool", "tools")} ruled out.`,
    aucuneRecommandation:
      "No tool of the catalogue meets all your needs. The ruled-out tools and why are below.",
    rang: (n) => `No. ${n}`,
    raisons: "Why",
    limites: "Limits",
    acces: "Access",
    rgpd: "GDPR",
    source: "Source",
    ouvrir: (nom) => `Open ${nom}`,
    choisir: "Choose this tool",
    choisi: (nom) => `Tool chosen: ${nom}.`,
    choisiSuite: (nom) => `You chose ${nom}. Next:`,
    prochaineEtape: "Next step",
    deduit: "Deduced (the documents do not say it)",
    ecartes: (n) => `Ruled-out ${plural(n, "tool", "tools")} (${n})`,
    modifier: "Change my answers",
    vosReponses: "Your answers",
  },
};
