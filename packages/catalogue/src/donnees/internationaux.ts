/**
 * Outils d'entreprises internationales contre lesquels le document 001 met en garde.
 * Leurs noms n'apparaissent pas dans les documents : ce classement est éditorial (provenance
 * « editorial »), motivé par la section « Renforcer la vigilance… » du document 001.
 * Aucun critère de doctrine n'est renseigné par les documents pour ces outils.
 */
import type { Categorie, Outil } from "../schema.js";
import { outil } from "./construire.js";

const V = "001-vigilance";

const international = (id: string, nom: string, categories: Categorie[]): Outil =>
  outil({
    id,
    nom,
    origine: "entreprise-internationale",
    categories,
    notes: [
      {
        nature: "mise-en-garde",
        texte: "Le ministère ne valorisera pas ce type d'outils en cette période de crise.",
        source: V,
      },
      {
        nature: "mise-en-garde",
        texte:
          "Ces solutions peuvent créer de vraies difficultés qui pourraient naître après la crise que nous traversons.",
        source: V,
      },
    ],
    provenance: {
      nature: "editorial",
      sources: [V],
      justification: `Classement éditorial de Trousse : le nom de cet outil (${nom}) n'apparaît pas dans les documents sources. Cet outil relève des « outils portés par des entreprises internationales » visés par la section « Renforcer la vigilance dans l'utilisation des outils numériques » du document « Utilisation des outils numériques pendant la période de confinement ».`,
    },
  });

export const outilsInternationaux: Outil[] = [
  international("zoom", "Zoom", ["visioconference"]),
  international("microsoft-teams", "Microsoft Teams", ["visioconference", "communication-personnels"]),
  international("google-meet", "Google Meet", ["visioconference"]),
  international("whatsapp", "WhatsApp", ["communication-eleves-familles", "visioconference"]),
];
