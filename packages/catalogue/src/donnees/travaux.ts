/** Outils d'envoi et de retour des travaux des élèves (document 000, troisième tableau). */
import type { Outil } from "../schema.js";
import { fiche, outil } from "./construire.js";

const T = "000-travaux";
const EF = ["enseignement", "eleves-familles"] as const;
const R = ["remise-travaux"] as const;
const ENT12: [string, "ent-1d", "ent-2d"] = ["ENT 1D/2D", "ent-1d", "ent-2d"];

export const outilsTravaux: Outil[] = [
  outil({
    id: "classeur-pedagogique-sn62",
    nom: "Classeur pédagogique de l'ENT (SN62)",
    fiches: [
      fiche(
        T,
        [...EF],
        [...R],
        ["ENT 2D (collèges du Pas de Calais)", "ent-2d"],
        ["Possibilité d'assigner et de suivre le travail rendu"],
        [],
        "etablissement",
      ),
    ],
    contraintes: { entRequis: { ents: ["sn62"], texte: "Classeur pédagogique de l'ENT (SN62)", source: T } },
  }),
  outil({
    id: "exercices-multimedia",
    nom: "Exercices multimédia",
    fiches: [
      fiche(
        T,
        [...EF],
        [...R],
        ENT12,
        ["Correction rappel et correction automatique après date butoir"],
        [],
        "etablissement",
      ),
    ],
  }),
  outil({
    id: "dossiers-partages",
    nom: "Les dossiers partagés",
    fiches: [
      fiche(
        T,
        [...EF],
        [...R, "partage-documents"],
        ENT12,
        [
          "Partager un dossier à une classe en particulier. Avec l'option contribuer les élèves peuvent remettre photos, vidéos ou documents",
        ],
        [],
        "etablissement",
      ),
    ],
  }),
  outil({
    id: "casier-ode",
    nom: "Casier (ODE)",
    fiches: [
      fiche(
        T,
        [...EF],
        [...R],
        ENT12,
        ["Retours identifiés et évite d'avoir envoyer un e-mail"],
        ["Traitement individuel prendra plus de temps"],
        "etablissement",
      ),
    ],
    contraintes: { entRequis: { ents: ["ode"], texte: "Casier (ODE)", source: T } },
  }),
  outil({
    id: "cahier-de-textes",
    nom: "Cahier de textes",
    fiches: [fiche(T, [...EF], [...R], ENT12, [], [], "etablissement")],
  }),
];
