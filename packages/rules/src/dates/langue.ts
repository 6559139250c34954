/** Langue d'un libellé ou d'un message : français d'abord, anglais ensuite. */
export type Langue = "fr" | "en";

/** Espace insécable, pour que « 23 h 59 » ou « « devoir.pdf » » ne soient pas coupés en fin de ligne. */
export const INSECABLE = "\u00a0";
