import {
  type Catalogue,
  type Outil,
  type RealisateurRgpd,
  catalogue as catalogueParDefaut,
} from "@trousse/catalogue";
import { ErreurRegle } from "../dates/erreur-regle.js";
import { estVisioOuAudio, ficheDuBesoin } from "./contexte.js";
import { exclusion } from "./exclusions.js";
import { prochaineEtape } from "./prochaine-etape.js";
import { scorer } from "./raisons.js";
import type { BesoinVisio, Exclusion, Recommandation, ResultatVisio } from "./types.js";
import { champsInvalides } from "./verifications.js";

/** Texte quand les documents ne donnent pas de mode d'accès. */
export const ACCES_NON_RENSEIGNE = "Mode d'accès non renseigné par les documents sources.";

const RGPD_PAR: Record<RealisateurRgpd, string> = {
  administration: "l'administration",
  etablissement: "l'établissement",
  cned: "le CNED",
};

/** Limites (texte exact) et notes d'état de l'outil, sans doublon ni texte déjà contenu dans un autre. */
function limitesDe(o: Outil): string[] {
  const notes = o.notes.filter((n) => n.nature !== "fournisseur").map((n) => n.texte);
  const textes = [...new Set([...o.fiches.flatMap((f) => f.limites), ...notes])];
  return textes.filter((t) => !textes.some((autre) => autre !== t && autre.includes(t)));
}

function recommandation(
  o: Outil,
  b: BesoinVisio,
  c: Catalogue,
  { score, raisons }: ReturnType<typeof scorer>,
): Omit<Recommandation, "rang"> {
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
    prochaineEtape: prochaineEtape(o, c),
  };
  if (o.url) r.url = o.url;
  const deductions = (o.deductions ?? []).map((d) => d.justification);
  if (deductions.length) r.deductions = deductions;
  return r;
}

/**
 * Recommande des outils de visioconférence ou d'audioconférence pour un besoin, à partir des faits
 * du catalogue. Pur et déterministe : jamais d'outil qui viole une contrainte dure ; chaque outil de
 * visio/audio du catalogue est soit recommandé (classé par score décroissant, puis par id), soit exclu
 * avec sa règle. Un outil recommandé a toujours au moins une raison sourcée (sinon il est exclu,
 * `aucune-raison-documentee`) et une prochaine étape tirée des documents. Lève une `ErreurRegle` (code `besoin-invalide`) si le besoin est invalide :
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
  // Checked without the French messages (validerBesoinVisio gives them), so that a page which only
  // recommends does not carry them.
  const invalides = champsInvalides(besoin);
  if (invalides.length)
    throw new ErreurRegle(
      "besoin-invalide",
      `Besoin de visioconférence invalide (champs : ${invalides.join(", ")}) : validerBesoinVisio donne le détail.`,
      `Invalid video-conference need (fields: ${invalides.join(", ")}).`,
    );
  const b = besoin;
  const candidats = catalogue.outils
    .filter(estVisioOuAudio)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const exclusions: Exclusion[] = [];
  const retenus: Omit<Recommandation, "rang">[] = [];
  const sourcesConnues = new Set(catalogue.sources.map((s) => s.id));
  for (const o of candidats) {
    const e = exclusion(o, b, catalogue);
    if (e) {
      exclusions.push(e);
      continue;
    }
    const score = scorer(o, b, catalogue);
    // By construction: a tool is recommended only with at least one reason sourced in the catalogue.
    if (score.raisons.some((r) => sourcesConnues.has(r.source.id)))
      retenus.push(recommandation(o, b, catalogue, score));
    else
      exclusions.push({
        outilId: o.id,
        nom: o.nom,
        regle: "aucune-raison-documentee",
        raison: "Les documents ne donnent aucune raison de choisir cet outil pour ce besoin.",
      });
  }
  retenus.sort((x, y) => y.score - x.score || (x.outilId < y.outilId ? -1 : x.outilId > y.outilId ? 1 : 0));
  return { besoin: b, recommandations: retenus.map((r, i) => ({ rang: i + 1, ...r })), exclusions };
}
