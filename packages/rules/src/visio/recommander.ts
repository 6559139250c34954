import {
  type Catalogue,
  type Outil,
  type RealisateurRgpd,
  catalogue as catalogueParDefaut,
} from "@trousse/catalogue";
import { ErreurRegle } from "../dates/erreur-regle.js";
import { estVisioOuAudio, ficheDuBesoin } from "./contexte.js";
import { exclusion } from "./exclusions.js";
import { scorer } from "./raisons.js";
import type { BesoinVisio, Exclusion, Recommandation, ResultatVisio } from "./types.js";
import { validerBesoinVisio } from "./valider-besoin.js";

/** Texte quand les documents ne donnent pas de mode d'accès. */
export const ACCES_NON_RENSEIGNE = "Mode d'accès non renseigné par les documents sources.";

const RGPD_PAR: Record<RealisateurRgpd, string> = {
  administration: "l'administration",
  etablissement: "l'établissement",
  cned: "le CNED",
};

/** Limites (texte exact) et notes d'état de l'outil, sans doublon ni texte déjà contenu dans un autre. */
function limitesDe(o: Outil): string[] {
  const textes = [...new Set([...o.fiches.flatMap((f) => f.limites), ...o.notes.map((n) => n.texte)])];
  return textes.filter((t) => !textes.some((autre) => autre !== t && autre.includes(t)));
}

function recommandation(o: Outil, b: BesoinVisio, c: Catalogue): Omit<Recommandation, "rang"> {
  const { score, raisons } = scorer(o, b, c);
  const fiche = ficheDuBesoin(o, b);
  const ficheAcces = fiche?.acces ? fiche : o.fiches.find((f) => f.acces);
  const ficheRgpd = fiche?.rgpd ? fiche : o.fiches.find((f) => f.rgpd);
  const r: Omit<Recommandation, "rang"> = {
    outilId: o.id,
    nom: o.nom,
    score,
    raisons,
    limites: limitesDe(o),
    acces: ficheAcces?.acces?.texte ?? ACCES_NON_RENSEIGNE,
    rgpd: ficheRgpd?.rgpd
      ? `Démarches RGPD réalisées par ${RGPD_PAR[ficheRgpd.rgpd.par]}`
      : "Démarches RGPD non renseignées par les documents sources",
  };
  if (o.url) r.url = o.url;
  return r;
}

/**
 * Recommande des outils de visioconférence ou d'audioconférence pour un besoin, à partir des faits
 * du catalogue. Pur et déterministe : jamais d'outil qui viole une contrainte dure ; chaque outil de
 * visio/audio du catalogue est soit recommandé (classé par score décroissant, puis par id), soit exclu
 * avec sa règle. Lève une `ErreurRegle` (code `besoin-invalide`) si le besoin est invalide :
 * utilisez `validerBesoinVisio` d'abord pour des entrées non sûres.
 *
 * @example
 * const { recommandations } = recommanderVisio({ organisateur: "enseignant", avec: ["eleves"], participants: 25,
 *   objet: "cours", niveau: "2D", ent: "ode", elevesIdentifies: true, reservationPossible: true, webConferenceEntEnCours: false });
 * recommandations.map((r) => r.outilId); // ["classe-virtuelle-cned", "web-conference-ode"]
 */
export function recommanderVisio(
  besoin: BesoinVisio,
  catalogue: Catalogue = catalogueParDefaut,
): ResultatVisio {
  const v = validerBesoinVisio(besoin);
  if (!v.ok)
    throw new ErreurRegle(
      "besoin-invalide",
      `Besoin de visioconférence invalide : ${v.erreurs.map((e) => e.message).join(" ")}`,
      `Invalid video-conference need: ${v.erreurs.map((e) => e.code).join(", ")}.`,
    );
  const b = v.besoin;
  const candidats = catalogue.outils
    .filter(estVisioOuAudio)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const exclusions: Exclusion[] = [];
  const retenus: Omit<Recommandation, "rang">[] = [];
  for (const o of candidats) {
    const e = exclusion(o, b, catalogue);
    if (e) exclusions.push(e);
    else retenus.push(recommandation(o, b, catalogue));
  }
  retenus.sort((x, y) => y.score - x.score || (x.outilId < y.outilId ? -1 : x.outilId > y.outilId ? 1 : 0));
  return { besoin: b, recommandations: retenus.map((r, i) => ({ rang: i + 1, ...r })), exclusions };
}
