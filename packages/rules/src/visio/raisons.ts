// Règles de score : chaque règle qui s'applique ajoute son poids et une raison citant un fait du
// catalogue avec sa source. Les poids sont documentés dans le README (section « Classement »).
import type { Catalogue, Outil } from "@trousse/catalogue";
import { avecElevesOuFamilles, entreAdultes, ficheDuBesoin, refSource, titreSection } from "./contexte.js";
import type { BesoinVisio, Raison } from "./types.js";

type RegleScore = (o: Outil, b: BesoinVisio, c: Catalogue) => Omit<Raison, "code"> | undefined;

const usage = (o: Outil, code: Outil["usages"][number]["code"]) => o.usages.find((u) => u.code === code);

/** Poids de chaque raison, par ordre décroissant d'importance. */
export const POIDS_RAISONS = {
  "conseil-de-classe-direction": 50,
  "solution-a-privilegier": 40,
  audioconference: 30,
  "audio-dedie": 10,
  "eleves-identifies": 20,
  "reunions-en-ligne-agents": 20,
  "usage-interne-personnels": 10,
  "public-vise": 10,
  "acces-ent": 10,
  "outil-national": 10,
  "hebergement-academique": 5,
} as const;

export type CodeRaison = keyof typeof POIDS_RAISONS;

const REGLES: [CodeRaison, RegleScore][] = [
  [
    "conseil-de-classe-direction",
    (o, b, c) => {
      const u = usage(o, "conseils-de-classe-a-distance");
      if (!u || b.objet !== "conseil-de-classe" || b.organisateur !== "personnel-direction") return;
      return { texte: u.texte, source: refSource(c, u.source, u.texte) };
    },
  ],
  [
    "solution-a-privilegier",
    (o, b, c) => {
      const u = usage(o, "solution-a-privilegier");
      if (!u || b.objet !== "cours" || !avecElevesOuFamilles(b)) return;
      const associee = usage(o, "classe-virtuelle-associee");
      return {
        texte: `« ${u.texte} »${associee ? ` « ${associee.texte} »` : ""}`,
        source: refSource(c, u.source, u.texte),
      };
    },
  ],
  [
    "audioconference",
    (o, b, c) => {
      if (b.objet !== "audioconference" || !o.categories.includes("audioconference")) return;
      const a = o.contraintes.audioSeulement;
      const f = o.fiches.find((x) => x.categories.includes("audioconference") && x.avantages.length);
      if (a)
        return { texte: `Service à disposition « ${a.texte} ».`, source: refSource(c, a.source, a.texte) };
      if (f) return { texte: `« ${f.avantages[0]} »`, source: refSource(c, f.source, f.avantages[0]) };
      const g = o.fiches.find((x) => x.categories.includes("audioconference"));
      return g ? { texte: "Outil d'audioconférence.", source: refSource(c, g.source) } : undefined;
    },
  ],
  [
    "audio-dedie",
    (o, b, c) => {
      const a = o.contraintes.audioSeulement;
      if (!a || b.objet !== "audioconference") return;
      return {
        texte: "L'audio suffit : ce service est dédié aux audioconférences.",
        source: refSource(c, a.source, a.texte),
      };
    },
  ],
  [
    "eleves-identifies",
    (o, b, c) => {
      const e = o.contraintes.elevesIdentifies;
      if (!e || !b.avec.includes("eleves") || !e.niveaux.includes(b.niveau)) return;
      return { texte: e.texte, source: refSource(c, e.source, e.texte) };
    },
  ],
  [
    "reunions-en-ligne-agents",
    (o, b, c) => {
      const u = usage(o, "reunions-en-ligne-agents");
      if (!u || !entreAdultes(b) || b.objet === "cours") return;
      return { texte: u.texte, source: refSource(c, u.source, u.texte) };
    },
  ],
  [
    "usage-interne-personnels",
    (o, b, c) => {
      const u = usage(o, "usage-interne-personnels");
      if (!u || b.avec.some((x) => x !== "personnels-internes")) return;
      return { texte: `Classe virtuelle ${u.texte}.`, source: refSource(c, u.source, u.texte) };
    },
  ],
  [
    "public-vise",
    (o, b, c) => {
      const f = ficheDuBesoin(o, b);
      if (!f) return;
      const vise = avecElevesOuFamilles(b)
        ? f.publics.includes("enseignement") || f.publics.includes("eleves-familles")
        : f.publics.includes("pilotage-formation");
      if (!vise) return;
      const s = refSource(c, f.source);
      return { texte: `Présenté dans « ${titreSection(s)} ».`, source: s };
    },
  ],
  [
    "acces-ent",
    (o, b, c) => {
      const r = o.contraintes.entRequis;
      if (!r || r.ents === "tous" || b.ent === "autre" || b.ent === "aucun" || !r.ents.includes(b.ent))
        return;
      const f = o.fiches.find((x) => x.avantages.some((a) => a.startsWith("Accès sécurisé par l'ENT")));
      const a = f?.avantages.find((x) => x.startsWith("Accès sécurisé par l'ENT"));
      if (!f || !a) return;
      return {
        texte: `${a} — outil de l'ENT de l'école ou de l'établissement.`,
        source: refSource(c, f.source, a),
      };
    },
  ],
  [
    "outil-national",
    (o, _b, c) => {
      const f = o.fiches.find((x) => x.avantages.includes("Outil national"));
      return f ? { texte: "Outil national", source: refSource(c, f.source, "Outil national") } : undefined;
    },
  ],
  [
    "hebergement-academique",
    (o, _b, c) => {
      const f = o.fiches.find((x) => x.avantages.includes("hébergé sur le site de l'académie"));
      const t = "hébergé sur le site de l'académie";
      return f ? { texte: `Outil ${t}.`, source: refSource(c, f.source, t) } : undefined;
    },
  ],
];

/**
 * Calcule le score d'un outil et ses raisons (par poids décroissant, puis dans l'ordre des règles).
 *
 * @example
 * scorer(getOutil("classe-virtuelle-cned")!, besoinCours, catalogue).score; // 80
 */
export function scorer(o: Outil, b: BesoinVisio, c: Catalogue): { score: number; raisons: Raison[] } {
  let score = 0;
  const raisons: Raison[] = [];
  for (const [code, regle] of REGLES) {
    const r = regle(o, b, c);
    if (!r) continue;
    score += POIDS_RAISONS[code];
    raisons.push({ code, ...r });
  }
  // Tri stable : à poids égal, l'ordre des règles est conservé.
  raisons.sort((x, y) => POIDS_RAISONS[y.code as CodeRaison] - POIDS_RAISONS[x.code as CodeRaison]);
  return { score, raisons };
}
