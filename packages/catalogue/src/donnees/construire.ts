/**
 * Petits constructeurs qui gardent les données compactes : les champs dérivés (catégories,
 * publics, niveaux, ENT requis, doctrine par défaut, provenance) sont calculés une seule fois,
 * au chargement, à partir des faits saisis.
 */
import type {
  Contraintes,
  Deduction,
  CritereDoctrine,
  CritereEvalue,
  Fiche,
  ModeAcces,
  Niveau,
  Note,
  Outil,
  Provenance,
  Public,
  RealisateurRgpd,
  Usage,
} from "../schema.js";
import { CRITERES } from "../vocabulaire.js";
import { LIBELLES_PUBLICS, TEXTES_RGPD } from "../libelles.js";
import { TITRE_000 } from "../sources.js";

/** Justification d'un critère que les documents ne renseignent pas. */
export const NON_RENSEIGNE = "Les documents sources ne renseignent pas ce critère pour cet outil.";

export interface SpecOutil {
  id: string;
  nom: string;
  autresNoms?: string[];
  origine?: Outil["origine"];
  url?: string;
  fiches?: Fiche[];
  contraintes?: Contraintes;
  notes?: Note[];
  usages?: Usage[];
  doctrine?: Partial<Record<CritereDoctrine, CritereEvalue>>;
  provenance?: Provenance;
  /** Catégories sans fiche (outils éditoriaux). */
  categories?: Outil["categories"];
}

/**
 * Une fiche : une ligne de tableau (ou un paragraphe) pour un outil ; le texte RGPD vient de `TEXTES_RGPD`.
 *
 * @example
 * fiche("000-pilotage-communication", ["pilotage-formation"], ["partage-documents"], ["EduLine", "eduline"], [], [], "administration");
 * // { source: "000-pilotage-communication", …, acces: { texte: "EduLine", modes: ["eduline"] }, rgpd: { par: "administration", texte: "Réalisées par l'administration" } }
 */
export function fiche(
  source: string,
  publics: Public[],
  categories: Fiche["categories"],
  acces?: [texte: string, ...modes: ModeAcces[]],
  avantages: string[] = [],
  limites: string[] = [],
  rgpd?: RealisateurRgpd,
): Fiche {
  const f: Fiche = { source, publics, categories, avantages, limites };
  if (acces) f.acces = { texte: acces[0], modes: acces.slice(1) as ModeAcces[] };
  if (rgpd) f.rgpd = { par: rgpd, texte: TEXTES_RGPD[rgpd] };
  return f;
}

const union = <T>(listes: T[][]): T[] => [...new Set(listes.flat())];

/** Raisonnement de la déduction des niveaux, quand les documents ne les donnent pas. */
export const NIVEAUX_DEDUITS =
  "Les documents ne disent pas pour quel niveau cet outil est prévu : Trousse le retient pour le 1D et le 2D.";

function niveauxDe(fiches: Fiche[]): { niveaux: Niveau[]; deduction?: Deduction } {
  const modes = union(fiches.map((f) => f.acces?.modes ?? []));
  const n: Niveau[] = [];
  if (modes.includes("ent-1d")) n.push("1D");
  if (modes.includes("ent-2d")) n.push("2D");
  if (n.length) return { niveaux: n };
  // Les documents ne restreignent le niveau que par l'accès ENT : sinon, les deux niveaux, déduits.
  return {
    niveaux: ["1D", "2D"],
    deduction: {
      champ: "niveaux",
      nature: "deduit",
      justification: NIVEAUX_DEDUITS,
      sources: union(fiches.map((f) => [f.source])),
    },
  };
}

function rgpdDepuisFiches(fiches: Fiche[]): CritereEvalue {
  const avecRgpd = fiches.filter((f) => f.rgpd);
  if (!avecRgpd.length) return { statut: "non-renseigne", justification: NON_RENSEIGNE, sources: [] };
  const textes = union(avecRgpd.map((f) => [f.rgpd!.texte]));
  const detail =
    textes.length === 1
      ? `« ${textes[0]} »`
      : avecRgpd
          .map((f) => `« ${f.rgpd!.texte} » (${f.publics.map((p) => LIBELLES_PUBLICS[p]).join(", ")})`)
          .join(" ; ");
  // Le document dit qui a réalisé les démarches, pas que l'outil est strictement conforme : un fait, pas un statut.
  return {
    statut: "non-renseigne",
    justification: `Le document « ${TITRE_000} » indique qui a réalisé les démarches RGPD de cet outil : ${detail}. Il ne dit pas que l'outil respecte strictement le RGPD : ce critère n'est pas évalué par les documents.`,
    sources: union(avecRgpd.map((f) => [f.source])),
  };
}

/**
 * Construit un outil complet à partir de ses faits.
 *
 * @example
 * const o = outil({ id: "jitsi", nom: "Jitsi", fiches: [fiche("000-pilotage-visio", ["pilotage-formation"], ["visioconference"])] });
 * o.niveaux; // ["1D", "2D"]
 * o.deductions?.[0]?.nature; // "deduit" (les documents ne donnent pas le niveau)
 */
export function outil(spec: SpecOutil): Outil {
  const fiches = spec.fiches ?? [];
  const contraintes: Contraintes = { ...spec.contraintes };
  const ficheEnt = fiches.find((f) => f.acces?.modes.some((m) => m === "ent-1d" || m === "ent-2d"));
  if (ficheEnt && !contraintes.entRequis)
    contraintes.entRequis = { ents: "tous", texte: ficheEnt.acces!.texte, source: ficheEnt.source };
  const usages = spec.usages ?? [];
  const doctrine = Object.fromEntries(
    CRITERES.map((c) => [
      c,
      spec.doctrine?.[c] ??
        (c === "rgpd"
          ? rgpdDepuisFiches(fiches)
          : { statut: "non-renseigne", justification: NON_RENSEIGNE, sources: [] }),
    ]),
  ) as Outil["doctrine"];
  const { niveaux, deduction } = niveauxDe(fiches);
  const o: Outil = {
    id: spec.id,
    nom: spec.nom,
    autresNoms: spec.autresNoms ?? [],
    origine: spec.origine ?? "education-nationale",
    categories: union([...fiches.map((f) => f.categories), spec.categories ?? []]),
    publics: union([...fiches.map((f) => f.publics), ...usages.map((u) => u.publics)]),
    niveaux,
    fiches,
    contraintes,
    notes: spec.notes ?? [],
    usages,
    doctrine,
    provenance: spec.provenance ?? {
      nature: "document",
      sources: union([...fiches.map((f) => [f.source]), ...usages.map((u) => [u.source])]),
    },
  };
  if (spec.url) o.url = spec.url;
  if (deduction) o.deductions = [deduction];
  return o;
}
