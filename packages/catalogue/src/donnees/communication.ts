/** Outils de communication et de partage (document 000, tableaux « Outils de communication »). */
import type { Outil } from "../schema.js";
import { fiche, outil } from "./construire.js";

const PC = "000-pilotage-communication";
const EC = "000-enseignement-communication";
const P = ["pilotage-formation"] as const;
const EF = ["enseignement", "eleves-familles"] as const;
const CP = ["communication-personnels", "partage-documents"] as const;
const CEF = ["communication-eleves-familles"] as const;
const ENT12: [string, "ent-1d", "ent-2d"] = ["ENT 1D/2D", "ent-1d", "ent-2d"];
const ENT2: [string, "ent-2d"] = ["ENT 2D", "ent-2d"];
const SECURISE = "Contenu sécurisé (authentification)";

export const outilsCommunication: Outil[] = [
  outil({
    id: "tribu",
    nom: "Tribu",
    fiches: [
      fiche(
        PC,
        [...P],
        [...CP],
        ["EduLine", "eduline"],
        ["Partage des documents et création d'une d'un suivi pour la modification des documents"],
        ["Demande une création d'un espace. Un petit délai nécessaire."],
        "administration",
      ),
    ],
  }),
  outil({
    id: "filesender",
    nom: "Filesender",
    fiches: [
      fiche(
        PC,
        [...P],
        [...CP],
        ["EduLine", "eduline"],
        ["Envoi sécurisé de documents lourds"],
        ["Bien paramétrer les notifications pour ne pas recevoir trop d'emails"],
        "administration",
      ),
    ],
  }),
  outil({
    id: "espace-documentaire",
    nom: "Espace documentaire",
    fiches: [
      fiche(
        PC,
        [...P],
        [...CP],
        ENT12,
        [
          "Contenu sécurisé, possibilité de combiner cela avec d'autres fonctionnalités (Messagerie...) dans l'esprit d'une plateforme unique de gestion",
        ],
        ["Nécessite une connexion authentifié"],
        "etablissement",
      ),
    ],
  }),
  outil({
    id: "apps-education",
    nom: "Apps Education",
    fiches: [
      fiche(
        PC,
        [...P],
        [...CP],
        ["URL puis compte d'authentification", "url", "compte-apps-education"],
        [
          "Propose des services innovants en faveur des personnels de l'Education Nationale (plateforme d'hébergement de vidéos pédagogiques, espace de stockage important...)",
        ],
        [
          "Actuellement en version Beta. Certaines applications sont momentanément indisponibles en raison de l'incendie chez OVH",
          "Généralisation à venir",
        ],
        "administration",
      ),
    ],
    notes: [
      { nature: "beta", texte: "Actuellement en version Beta.", source: PC },
      {
        nature: "indisponibilite-partielle",
        texte: "Certaines applications sont momentanément indisponibles en raison de l'incendie chez OVH",
        source: PC,
      },
      { nature: "generalisation-a-venir", texte: "Généralisation à venir", source: PC },
    ],
  }),
  outil({
    id: "blog-actualites-forum",
    nom: "Blog / Actualités / Forum",
    fiches: [
      fiche(
        EC,
        [...EF],
        [...CEF],
        ENT12,
        [SECURISE, "Possibilité de désigner plusieurs éditeurs dans un établissement, voir des élèves"],
        [],
        "etablissement",
      ),
    ],
  }),
  outil({
    id: "pages-rubriques-portail",
    nom: "Pages (ODE) / Rubriques portail (SN62)",
    autresNoms: ["Pages (ODE)", "Rubriques portail (SN62)"],
    fiches: [
      fiche(
        EC,
        [...EF],
        [...CEF],
        ENT2,
        ["Possibilité de créer une application publique"],
        [],
        "etablissement",
      ),
    ],
    contraintes: {
      entRequis: { ents: ["ode", "sn62"], texte: "Pages (ODE) / Rubriques portail (SN62)", source: EC },
    },
  }),
  outil({
    id: "messagerie",
    nom: "Messagerie",
    fiches: [fiche(EC, [...EF], [...CEF], ENT12, [SECURISE], [], "etablissement")],
  }),
  outil({
    id: "carnet-de-liaison",
    nom: "Carnet de liaison",
    fiches: [
      fiche(
        EC,
        [...EF],
        [...CEF],
        ["ENT 1D", "ent-1d"],
        [
          SECURISE,
          "Possibilité de tracer la communication (qui l'a lu ?, qui a répondu ?, envoyer un rappel de lecture...)",
        ],
        ["Reste dévolu au périmètre de la classe ou de l'école (groupes de scolarité)"],
        "etablissement",
      ),
    ],
  }),
  outil({
    id: "formulaire-sn62",
    nom: "Formulaire (SN62)",
    fiches: [fiche(EC, [...EF], [...CEF], ENT2, [], [], "etablissement")],
    contraintes: { entRequis: { ents: ["sn62"], texte: "Formulaire (SN62)", source: EC } },
  }),
  outil({
    id: "sites-web-portails-publics",
    nom: "Sites Web / Portails publics",
    fiches: [fiche(EC, [...EF], [...CEF], ENT12, [], [], "etablissement")],
  }),
];
