/** Solutions de continuité pédagogique du document 001 (hors visioconférence). */
import type { Outil } from "../schema.js";
import { fiche, outil } from "./construire.js";

const CP = "001-continuite-pedagogique";
const EF = ["enseignement", "eleves-familles"] as const;
const DYSFONCTIONNEMENTS =
  "Elles ont connu des dysfonctionnements en début de période en raison de l'afflux massif d'utilisateurs et d'usages non encore régulés.";

export const outilsContinuite: Outil[] = [
  outil({
    id: "ma-classe-a-la-maison",
    nom: "Ma classe à la maison",
    autresNoms: ["Ma classe à la maison CNED"],
    fiches: [
      fiche(CP, [...EF], ["plateforme-pedagogique"], undefined, [
        "Après deux semaines d'utilisation intensive, cette plateforme a montré ses qualités - largement reconnues - tant en termes de contenus que d'outils de collaboration.",
      ]),
    ],
    usages: [
      {
        code: "solution-a-privilegier",
        publics: [...EF],
        texte: "La solution à privilégier : Ma classe à la maison CNED.",
        source: CP,
      },
    ],
  }),
  outil({
    id: "solutions-ent",
    nom: "Les solutions d'ENT",
    fiches: [
      fiche(
        CP,
        [...EF],
        ["ent"],
        undefined,
        [
          "La situation s'est nettement améliorée et les équipes continuent les travaux d'optimisation chaque fois que des ralentissements ou des ruptures de service sont détectés.",
          "Des solutions pour réguler le trafic ont souvent été mises en place (plages horaires privilégiées).",
        ],
        [DYSFONCTIONNEMENTS],
      ),
    ],
    notes: [{ nature: "dysfonctionnements", texte: DYSFONCTIONNEMENTS, source: CP }],
  }),
  outil({
    id: "pronote",
    nom: "ProNote",
    fiches: [fiche(CP, [...EF], ["vie-scolaire"])],
    usages: [
      {
        code: "vie-scolaire",
        publics: [...EF],
        texte:
          "Les solutions de vie scolaire, comme ProNote, issues de solutions déjà présentes dans les académies.",
        source: CP,
      },
    ],
  }),
];
