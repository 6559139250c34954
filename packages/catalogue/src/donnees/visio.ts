/** Outils de visioconférence et d'audioconférence (documents 000 et 001). */
import type { Outil, Usage } from "../schema.js";
import { fiche, outil } from "./construire.js";

const PV = "000-pilotage-visio";
const EV = "000-enseignement-visio";
const CA = "001-continuite-administrative";
const CP = "001-continuite-pedagogique";
const NATIONAL = "Outil national";
const WC_LIMITE = "A ce jour, une seule session simultanée pour 50 participants par école ou collège";
const REUNIONS =
  "Pour la tenue de réunions en ligne, les agents peuvent utiliser la solution de classe virtuelle Via, les systèmes de conférences Renavisio, Scaleway et OVHCloud.";
const CONSEILS =
  "Les personnels de direction dans les établissements peuvent s'appuyer sur Via et sur Scaleway pour la tenue des conseils de classe à distance.";
const PRIVILEGIER = "La solution à privilégier : Ma classe à la maison CNED.";

const reunions: Usage = {
  code: "reunions-en-ligne-agents",
  publics: ["pilotage-formation"],
  texte: REUNIONS,
  source: CA,
};
const conseils: Usage = {
  code: "conseils-de-classe-a-distance",
  publics: ["pilotage-formation"],
  texte: CONSEILS,
  source: CA,
};
const url = (u: string) => fiche(CA, ["pilotage-formation"], ["visioconference"], [u, "url"]);

export const outilsVisio: Outil[] = [
  outil({
    id: "classe-virtuelle-via",
    nom: "Classe virtuelle VIA",
    autresNoms: ["La classe virtuelle VIA", "Via"],
    url: "https://cvirtuelle.phm.education.gouv.fr/",
    fiches: [
      fiche(
        PV,
        ["pilotage-formation"],
        ["visioconference"],
        ["EduLine ou M@gistère (intégré à un parcours)", "eduline", "magistere"],
        [NATIONAL],
        [
          "La version « Flash » n'est plus disponible il faudra télécharger l'application VIA et l'associer à l'ouverture de l'application",
        ],
        "administration",
      ),
      url("https://cvirtuelle.phm.education.gouv.fr/"),
    ],
    notes: [
      {
        nature: "version-flash-indisponible",
        texte: "La version « Flash » n'est plus disponible",
        source: PV,
      },
    ],
    usages: [
      {
        code: "usage-interne-personnels",
        publics: ["pilotage-formation"],
        texte: "réservée prioritairement pour un usage interne entre personnels de l'Éducation Nationale",
        source: CA,
      },
      conseils,
      reunions,
    ],
  }),
  outil({
    id: "jitsi",
    nom: "Jitsi",
    fiches: [
      fiche(
        PV,
        ["pilotage-formation"],
        ["visioconference"],
        undefined,
        ["hébergé sur le site de l'académie"],
        [],
        "administration",
      ),
    ],
    doctrine: {
      "droit-francais-europeen": {
        statut: "non-renseigne",
        justification:
          "Le document « Les outils numériques au service du travail à distance » indique seulement que l'outil est « hébergé sur le site de l'académie » : c'est un fait d'hébergement, pas une analyse du droit applicable ni de l'extraterritorialité. Le critère reste non renseigné.",
        sources: [PV],
      },
    },
  }),
  outil({
    id: "web-conference-ode",
    nom: "Web-Conférence ODE",
    fiches: [
      fiche(
        PV,
        ["pilotage-formation"],
        ["visioconference"],
        ["ENT 1D/2D", "ent-1d", "ent-2d"],
        ["Accès sécurisé par l'ENT (identification)"],
        [WC_LIMITE],
        "administration",
      ),
      fiche(
        EV,
        ["enseignement"],
        ["visioconference"],
        ["ENT 1D-2D", "ent-1d", "ent-2d"],
        ["Accès sécurisé par l'ENT avec les élèves identifiés (pas de chahut numérique)"],
        [WC_LIMITE],
        "etablissement",
      ),
    ],
    contraintes: {
      participantsMax: { valeur: 50, texte: WC_LIMITE, source: PV },
      sessionsSimultaneesParEtablissement: {
        valeur: 1,
        perimetre: "par école ou collège",
        texte: WC_LIMITE,
        source: PV,
      },
      elevesIdentifies: {
        niveaux: ["1D", "2D"],
        texte: "Accès sécurisé par l'ENT avec les élèves identifiés (pas de chahut numérique)",
        source: EV,
      },
      entRequis: { ents: ["ode"], texte: "Web-Conférence ODE", source: PV },
    },
  }),
  outil({
    id: "renavisio",
    nom: "RENAVISIO",
    autresNoms: ["Renavisio"],
    url: "https://renavisio.renater.fr/",
    fiches: [
      fiche(
        PV,
        ["pilotage-formation"],
        ["visioconference", "audioconference"],
        ["https://renavisio.renater.fr/", "url"],
        ["Système d'audio et de visioconférences."],
        ["Réunions jusqu'à 10 personnes", "Soumis à réservation"],
        "administration",
      ),
      fiche(
        CA,
        ["pilotage-formation"],
        ["visioconference", "audioconference"],
        ["https://renavisio.renater.fr/", "url"],
      ),
    ],
    contraintes: {
      participantsMax: { valeur: 10, texte: "Réunions jusqu'à 10 personnes", source: PV },
      reservationObligatoire: { texte: "Soumis à réservation", source: PV },
    },
    notes: [{ nature: "fournisseur", texte: "proposé par RENATER", source: CA }],
    usages: [reunions],
  }),
  outil({
    id: "scaleway-education",
    nom: "Scaleway pour l'éducation",
    autresNoms: ["Scaleway pour l'Éducation", "Scaleway"],
    url: "https://educnat-ensemble.scaleway.com/",
    fiches: [
      fiche(
        PV,
        ["pilotage-formation"],
        ["visioconference"],
        ["https://educnat-ensemble.scaleway.com/", "url"],
        [],
        [],
        "administration",
      ),
      url("https://educnat-ensemble.scaleway.com/"),
    ],
    notes: [
      {
        nature: "nouveau-service",
        texte:
          "est un nouveau service mis à disposition pendant la période pour des réunions à distance en web conférence",
        source: CA,
      },
      { nature: "service-temporaire", texte: "mis à disposition pendant la période", source: CA },
    ],
    usages: [conseils, reunions],
  }),
  outil({
    id: "big-blue-button-apps-education",
    nom: "Big Blue Button par Apps Education",
    fiches: [PV, EV].map((s) =>
      fiche(
        s,
        [s === PV ? "pilotage-formation" : "enseignement"],
        ["visioconference"],
        ["URL puis compte d'authentification", "url", "compte-apps-education"],
        [NATIONAL],
        [],
        "administration",
      ),
    ),
  }),
  outil({
    id: "classe-virtuelle-cned",
    nom: "Classe virtuelle du CNED",
    fiches: [
      fiche(
        EV,
        ["enseignement"],
        ["visioconference"],
        ["URL générée par l'enseignant", "url-generee-enseignant"],
        [
          NATIONAL,
          "Une possibilité désormais de sécuriser les accès avec identification des élèves (pour le 2D)",
        ],
        [],
        "cned",
      ),
    ],
    contraintes: {
      elevesIdentifies: {
        niveaux: ["2D"],
        texte: "Une possibilité désormais de sécuriser les accès avec identification des élèves (pour le 2D)",
        source: EV,
      },
    },
    usages: [
      {
        code: "solution-a-privilegier",
        publics: ["enseignement", "eleves-familles"],
        texte: PRIVILEGIER,
        source: CP,
      },
      {
        code: "classe-virtuelle-associee",
        publics: ["enseignement", "eleves-familles"],
        texte:
          "La solution de classe virtuelle qui y est associée est utilisée quotidiennement par des milliers d'élèves et de professeurs.",
        source: CP,
      },
    ],
  }),
  outil({
    id: "ovhcloud",
    nom: "OVHCloud",
    autresNoms: ["Le service OVHCloud"],
    url: "https://www.ovh.com/cgi-bin/telephony/webconf.pl",
    fiches: [
      fiche(
        CA,
        ["pilotage-formation"],
        ["audioconference"],
        ["https://www.ovh.com/cgi-bin/telephony/webconf.pl", "url"],
      ),
    ],
    contraintes: {
      audioSeulement: { texte: "pour organiser des audioconférences", source: CA },
    },
    notes: [
      {
        nature: "service-temporaire",
        texte: "est aussi à disposition pendant la période pour organiser des audioconférences",
        source: CA,
      },
    ],
    usages: [reunions],
  }),
];
