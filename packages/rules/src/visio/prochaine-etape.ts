// La prochaine étape d'un outil recommandé : son mode d'accès dit en mots simples, son adresse quand un
// document la donne. Chaque phrase reformule un texte des documents ; rien n'est inventé.
import type { Catalogue, Outil } from "@trousse/catalogue";
import { refSource } from "./contexte.js";
import type { ProchaineEtape } from "./types.js";

const HEBERGEMENT = "hébergé sur le site de l'académie";

/**
 * Ce que l'utilisateur fait ensuite pour utiliser l'outil, tiré de ses modes d'accès (texte des
 * documents), de son adresse quand un document la donne et de la réservation obligatoire.
 *
 * @example
 * prochaineEtape(getOutil("renavisio")!, catalogue).texte;
 * // "Réservez à l'avance (« Soumis à réservation »), puis ouvrez https://renavisio.renater.fr/."
 */
export function prochaineEtape(o: Outil, c: Catalogue): ProchaineEtape {
  const modes = o.fiches.flatMap((f) => f.acces?.modes ?? []);
  const a = (m: (typeof modes)[number]) => modes.includes(m);
  const ficheAcces = o.fiches.find((f) => f.acces);
  const heberge = o.fiches.find((f) => f.avantages.includes(HEBERGEMENT));
  const reservation = o.contraintes.reservationObligatoire;
  // Access modes are alternatives (« ou ») ; a reservation comes first (« puis »).
  const acces = [
    a("ent-1d") || a("ent-2d")
      ? "connectez-vous à l'ENT de votre école ou de votre établissement : l'outil s'y trouve"
      : "",
    a("eduline")
      ? `passez par EduLine${a("magistere") ? " ou par M@gistère, intégré à un parcours" : ""}`
      : "",
    a("url-generee-enseignant")
      ? "générez l'adresse (URL) de la classe virtuelle, puis envoyez-la aux participants"
      : "",
    a("compte-apps-education")
      ? `ouvrez ${o.url ?? "l'adresse de l'outil"}, puis connectez-vous avec votre compte d'authentification${o.url ? "" : " (les documents ne donnent pas cette adresse)"}`
      : o.url
        ? `ouvrez ${o.url}`
        : "",
    !ficheAcces && !o.url && heberge
      ? `cherchez-le sur le site de votre académie : les documents ne donnent pas son adresse, seulement qu'il est « ${HEBERGEMENT} »`
      : "",
  ]
    .filter(Boolean)
    .join(", ou ");
  const suite = reservation
    ? `réservez à l'avance (« ${reservation.texte} »)${acces && `, puis ${acces}`}`
    : acces;
  const source = reservation
    ? refSource(c, reservation.source, reservation.texte)
    : ficheAcces
      ? refSource(c, ficheAcces.source, ficheAcces.acces!.texte)
      : heberge && refSource(c, heberge.source, HEBERGEMENT);
  const e: ProchaineEtape = {
    texte: suite
      ? `${suite[0]!.toUpperCase()}${suite.slice(1)}.`
      : "Les documents ne donnent ni adresse ni mode d'accès pour cet outil.",
  };
  if (o.url) e.url = o.url;
  if (source) e.source = source;
  return e;
}
