import type { Messages } from "./forme-messages.js";

import { pluriel } from "./catalogue.js";

/** Textes de l'interface en français (langue par défaut). */
export const fr: Messages = {
  commun: {
    precedent: "Précédent",
    suivant: "Suivant",
    etape: (n, total) => `Étape ${n} sur ${total}`,
    erreurChoixUnique: "Choisissez une réponse.",
    erreurChoixMultiple: "Choisissez au moins une réponse.",
    nouvelleFenetre: "(nouvelle fenêtre)",
  },
  choisirVisio: {
    titre: "Choisir un outil de visioconférence",
    introduction:
      "Répondez à quelques questions : les outils du ministère adaptés s'affichent avec leurs raisons.",
    questions: {
      organisateur: "Qui organise ?",
      avec: "Avec qui ?",
      avecAide: "Plusieurs réponses possibles.",
      participants: "Combien de participants, vous compris ?",
      participantsAide: "Un nombre entier, au moins 2.",
      objet: "Pour quoi faire ?",
      niveau: "Quel niveau ?",
      ent: "Quel ENT utilise votre école ou votre établissement ?",
      besoins: "Vos besoins",
      besoinsAide: "Cochez ce qui s'applique.",
      reservation: "Pouvez-vous réserver à l'avance ?",
    },
    organisateurs: {
      enseignant: "Un enseignant",
      "personnel-direction": "Un personnel de direction",
      "personnel-administratif": "Un personnel administratif",
      "inspection-formation": "Un personnel d'inspection ou de formation",
    },
    interlocuteurs: {
      eleves: "Des élèves",
      familles: "Des familles",
      "personnels-internes": "Des personnels de l'Éducation nationale",
      "partenaires-externes": "Des partenaires extérieurs",
    },
    objets: {
      cours: "Faire cours",
      reunion: "Une réunion",
      "conseil-de-classe": "Un conseil de classe",
      formation: "Une formation",
      audioconference: "Une audioconférence (le son suffit)",
    },
    niveaux: { "1D": "1er degré (école)", "2D": "2d degré (collège, lycée)" },
    ents: { ode: "ODE", sn62: "SN62", autre: "Un autre ENT", aucun: "Aucun ENT" },
    besoins: {
      elevesIdentifies: "Les élèves doivent être identifiés",
      reservationPossible: "Je peux réserver à l'avance",
      webConferenceEntEnCours:
        "Une autre web-conférence de l'ENT a déjà lieu dans l'école ou l'établissement",
    },
    oui: "Oui",
    non: "Non",
    erreurParticipants: "Indiquez un nombre entier de participants, au moins 2.",
    erreurParticipantsMax: "Indiquez au plus 500 participants.",
    erreurChargement: "Les résultats n'ont pas pu être chargés. Vérifiez la connexion, puis réessayez.",
    voirResultats: "Voir les outils",
    resultats: "Outils recommandés",
    resume: (r, e) =>
      `${r} ${pluriel(r, "outil recommandé", "outils recommandés")}, ${e} ${pluriel(e, "outil écarté", "outils écartés")}.`,
    aucuneRecommandation:
      "Aucun outil du catalogue ne répond à tous vos besoins. Les outils écartés et leurs raisons sont ci-dessous.",
    rang: (n) => `n° ${n}`,
    raisons: "Pourquoi",
    limites: "Limites",
    acces: "Accès",
    rgpd: "RGPD",
    source: "Source",
    ouvrir: (nom) => `Ouvrir ${nom}`,
    choisir: "Choisir cet outil",
    choisi: (nom) => `Outil choisi : ${nom}.`,
    choisiSuite: (nom) => `Vous avez choisi ${nom}. Ensuite :`,
    prochaineEtape: "Prochaine étape",
    deduit: "Déduit (les documents ne le disent pas)",
    ecartes: (n) => `${pluriel(n, "Outil écarté", "Outils écartés")} (${n})`,
    modifier: "Modifier mes réponses",
    vosReponses: "Vos réponses",
  },
};
