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
  const modes = new Set(o.fiches.flatMap((f) => f.acces?.modes ?? []));
  const ficheAcces = o.fiches.find((f) => f.acces);
  const phrases: string[] = [];
  if (modes.has("ent-1d") || modes.has("ent-2d"))
    phrases.push("connectez-vous à l'ENT de votre école ou de votre établissement : l'outil s'y trouve");
  if (modes.has("eduline") || modes.has("magistere"))
    phrases.push(
      [
        modes.has("eduline") ? "passez par EduLine" : "",
        modes.has("magistere") ? "par M@gistère, intégré à un parcours" : "",
      ]
        .filter(Boolean)
        .join(" ou "),
    );
  if (modes.has("url-generee-enseignant"))
    phrases.push("générez l'adresse (URL) de la classe virtuelle, puis envoyez-la aux participants");
  if (modes.has("compte-apps-education"))
    phrases.push(
      o.url
        ? `ouvrez ${o.url}, puis connectez-vous avec votre compte d'authentification`
        : "ouvrez l'adresse de l'outil, puis connectez-vous avec votre compte d'authentification (les documents ne donnent pas cette adresse)",
    );
  else if (o.url) phrases.push(`ouvrez ${o.url}`);
  const heberge = o.fiches.find((f) => f.avantages.includes(HEBERGEMENT));
  if (!ficheAcces && !o.url && heberge)
    phrases.push(
      `cherchez-le sur le site de votre académie : les documents ne donnent pas son adresse, seulement qu'il est « ${HEBERGEMENT} »`,
    );
  const reservation = o.contraintes.reservationObligatoire;
  const source = reservation
    ? refSource(c, reservation.source, reservation.texte)
    : ficheAcces
      ? refSource(c, ficheAcces.source, ficheAcces.acces!.texte)
      : heberge
        ? refSource(c, heberge.source, HEBERGEMENT)
        : undefined;
  // Access modes are alternatives (« ou ») ; a reservation comes first (« puis »).
  const acces = phrases.join(", ou ");
  const suite = reservation
    ? `réservez à l'avance (« ${reservation.texte} »)${acces ? `, puis ${acces}` : ""}`
    : acces;
  const texte = suite
    ? `${suite[0]!.toUpperCase()}${suite.slice(1)}.`
    : "Les documents ne donnent ni adresse ni mode d'accès pour cet outil.";
  const e: ProchaineEtape = { texte };
  if (o.url) e.url = o.url;
  if (source) e.source = source;
  return e;
}
