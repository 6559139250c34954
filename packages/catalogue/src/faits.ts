import type { FaitGeneral } from "./schema.js";

/**
 * Les faits généraux des documents, qui ne visent pas un outil en particulier : le cadre de chaque
 * document, la garantie d'accès aux applications nationales, la mise en garde contre les cyber-attaques.
 * Chaque texte est cité mot pour mot (vérifié par un test) avec sa section.
 */
export const faits: FaitGeneral[] = [
  {
    code: "cadre-fonctionnement-normal",
    texte:
      "afin d'assurer le travail à distance en période de confinement mais aussi dans le cadre d'un fonctionnement normal des écoles et des établissements",
    source: "000-presentation",
  },
  {
    code: "cadre-reunions-en-ligne",
    texte:
      "les équipes académiques peuvent s'appuyer sur de nombreux outils afin d'assurer la continuité d'activité, en particulier la tenue de réunions en ligne.",
    source: "001-presentation",
  },
  {
    code: "acces-applications-nationales",
    texte:
      "L'accès aux applications nationales est garanti, les solutions d'hébergement sont renforcées afin de faire face à l'afflux de connexions et des solutions sont proposées pour faciliter la généralisation du travail à distance.",
    source: "001-continuite-administrative-acces",
  },
  {
    code: "cyber-attaques",
    texte:
      "Des cyber-attaques contre nos systèmes informatiques ont été signalées. La plupart avaient pour objectif de récupérer des données.",
    source: "001-vigilance",
  },
  {
    code: "vigilance-editeurs",
    texte:
      "Il est donc important d'accorder une vigilance particulière aux solutions proposées par les éditeurs.",
    source: "001-vigilance",
  },
];
