/** UI texts of the « Photographier ma copie » mode in French (in its chunk); English: `en-scan.ts`, on demand. */
export const frScan = {
  titre: "Photographier ma copie",
  intro:
    "Photographiez chaque page, à plat et bien éclairée. Les pages deviennent un seul PDF léger, préparé dans votre navigateur ; elles restent gardées sur cet appareil jusqu'au rendu.",
  prendre: "Prendre une photo",
  choisir: "Choisir des images",
  document: "Améliorer l'écriture (noir et blanc, ombres atténuées)",
  pages: "Pages de la copie",
  aucunePage: "Aucune page pour le moment.",
  page: (n: number, total: number) => `Page ${n} sur ${total}`,
  monter: "Monter",
  descendre: "Descendre",
  pivoter: "Pivoter",
  recadrer: "Recadrer",
  reprendre: "Reprendre",
  supprimer: "Supprimer",
  traitement: (n: number) => `Préparation de la page ${n}…`,
  ajoutee: (n: number, total: number) => `Page ${n} sur ${total} ajoutée.`,
  deplacee: (n: number, total: number) => `Page ${n} sur ${total} déplacée.`,
  pivotee: (n: number, total: number) => `Page ${n} sur ${total} pivotée.`,
  supprimee: (n: number, total: number) =>
    `Page supprimée. ${total} page${total > 1 ? "s" : ""} restante${total > 1 ? "s" : ""}.`,
  recadree: (n: number, total: number) => `Page ${n} sur ${total} recadrée.`,
  retrouvees: (n: number) => `${n} page${n > 1 ? "s" : ""} retrouvée${n > 1 ? "s" : ""} sur cet appareil.`,
  recadrage: (n: number) => `Recadrer la page ${n}`,
  aideRecadrage:
    "Placez les quatre coins sur ceux de la feuille : glissez-les, ou choisissez un coin puis utilisez les flèches du clavier. La page sera redressée.",
  coins: ["Coin en haut à gauche", "Coin en haut à droite", "Coin en bas à droite", "Coin en bas à gauche"],
  position: (x: number, y: number) => `${x} % depuis la gauche, ${y} % depuis le haut`,
  valider: "Valider le recadrage",
  pageEntiere: "Toute la photo",
  annuler: "Annuler",
  coinsInvalides: "Les quatre coins doivent former une feuille (côtés sans croisement).",
  resume: (n: number, taille: string) => `${n} page${n > 1 ? "s" : ""} — PDF de ${taille}`,
  envoyer: "Envoyer ce PDF",
  abandonner: "Abandonner ces photos",
  fermer: "Fermer",
  tropGros: (taille: string, max: string) =>
    `Le PDF fait ${taille}, plus que les ${max} acceptés par ce devoir : retirez des pages.`,
  heic: "Cette photo est au format HEIC (iPhone), que ce navigateur ne sait pas ouvrir. Sur l'iPhone, choisissez Réglages › Appareil photo › Formats › « Le plus compatible », ou envoyez la photo depuis Safari, qui la convertit en JPEG.",
  illisible: (nom: string) =>
    `L'image « ${nom} » ne peut pas être ouverte : choisissez une photo JPEG ou PNG.`,
  memoirePleine:
    "Cet appareil n'a plus de place pour garder les photos : elles seront perdues si la page se recharge.",
};

/** The texts' shape. */
export type MessagesScan = typeof frScan;
