// Règles d'exclusion : chacune est une contrainte dure (ou une réserve des documents). La première
// règle qui s'applique exclut l'outil ; l'ordre de la liste est donc l'ordre d'examen documenté.
import { type Catalogue, LIBELLES_ENTS, type Outil, utilisableAvecEnt } from "@trousse/catalogue";
import {
  avecEleves,
  avecElevesOuFamilles,
  ficheEnseignement,
  fichePilotage,
  refSource,
  titreSection,
} from "./contexte.js";
import type { BesoinVisio, CodeRegleExclusion, Exclusion } from "./types.js";

type Verdict = Omit<Exclusion, "outilId" | "nom">;
type Regle = (o: Outil, b: BesoinVisio, c: Catalogue) => Verdict | undefined;

const ENT_ECOLE: Record<BesoinVisio["ent"], string> = {
  ode: "l'ENT ODE",
  sn62: "l'ENT SN62",
  autre: "un autre ENT",
  aucun: "aucun ENT",
};

const REGLES: [CodeRegleExclusion, Regle][] = [
  [
    "entreprise-internationale",
    (o, _b, c) => {
      if (o.origine !== "entreprise-internationale") return;
      const [n1, n2] = o.notes;
      const s = refSource(c, n1?.source ?? "001-vigilance", n1?.texte);
      return {
        regle: "entreprise-internationale",
        raison: `${o.nom} est un outil porté par une entreprise internationale. La section « ${titreSection(s)} » prévient : « ${n1?.texte ?? ""} »${n2 ? ` « ${n2.texte} »` : ""}`,
        source: s,
      };
    },
  ],
  [
    "ent-requis",
    (o, b, c) => {
      const r = o.contraintes.entRequis;
      if (!r || utilisableAvecEnt(o, b.ent)) return;
      const lesquels = r.ents === "tous" ? "un ENT" : r.ents.map((e) => `l'${LIBELLES_ENTS[e]}`).join(" ou ");
      return {
        regle: "ent-requis",
        raison: `Cet outil demande ${lesquels} (« ${r.texte} ») ; l'école ou l'établissement utilise ${ENT_ECOLE[b.ent]}.`,
        source: refSource(c, r.source, r.texte),
      };
    },
  ],
  [
    "audio-seulement",
    (o, b, c) => {
      const a = o.contraintes.audioSeulement;
      if (!a || b.objet === "audioconference") return;
      return {
        regle: "audio-seulement",
        raison: `Ce service est à disposition « ${a.texte} » : il ne convient pas quand la vidéo est nécessaire.`,
        source: refSource(c, a.source, a.texte),
      };
    },
  ],
  [
    "participants-max-depasse",
    (o, b, c) => {
      const p = o.contraintes.participantsMax;
      if (!p || b.participants <= p.valeur) return;
      return {
        regle: "participants-max-depasse",
        raison: `${b.participants} participants prévus, au-delà du maximum de ${p.valeur} : « ${p.texte} ».`,
        source: refSource(c, p.source, p.texte),
      };
    },
  ],
  [
    "reservation-requise",
    (o, b, c) => {
      const r = o.contraintes.reservationObligatoire;
      if (!r || b.reservationPossible) return;
      return {
        regle: "reservation-requise",
        raison: `« ${r.texte} » : il faut réserver à l'avance, ce qui n'est pas possible ici.`,
        source: refSource(c, r.source, r.texte),
      };
    },
  ],
  [
    "session-simultanee-occupee",
    (o, b, c) => {
      const s = o.contraintes.sessionsSimultaneesParEtablissement;
      if (!s || !b.webConferenceEntEnCours) return;
      return {
        regle: "session-simultanee-occupee",
        raison: `Une web-conférence de l'ENT est déjà en cours dans l'école ou l'établissement : « ${s.texte} ».`,
        source: refSource(c, s.source, s.texte),
      };
    },
  ],
  [
    "eleves-non-identifies",
    (o, b, c) => {
      // The question only arises when pupils take part.
      if (!b.elevesIdentifies || !avecEleves(b)) return;
      const e = o.contraintes.elevesIdentifies;
      if (e?.niveaux.includes(b.niveau)) return;
      if (e)
        return {
          regle: "eleves-non-identifies",
          raison: `L'identification des élèves n'est prévue que pour le ${e.niveaux.join(" et le ")} : « ${e.texte} » ; le besoin concerne le ${b.niveau}.`,
          source: refSource(c, e.source, e.texte),
        };
      return {
        regle: "eleves-non-identifies",
        raison:
          "Les documents sources n'indiquent pas d'accès avec identification des élèves pour cet outil.",
      };
    },
  ],
  [
    "niveau-non-couvert",
    (o, b) =>
      o.niveaux.includes(b.niveau)
        ? undefined
        : {
            regle: "niveau-non-couvert",
            raison: `Les documents ne présentent cet outil que pour le ${o.niveaux.join(" et le ")}, pas pour le ${b.niveau}.`,
          },
  ],
  [
    "usage-interne-personnels",
    (o, b, c) => {
      const u = o.usages.find((x) => x.code === "usage-interne-personnels");
      if (!u) return;
      const exceptionConseil =
        b.objet === "conseil-de-classe" &&
        b.organisateur === "personnel-direction" &&
        o.usages.some((x) => x.code === "conseils-de-classe-a-distance");
      const horsPersonnels =
        b.avec.includes("partenaires-externes") || (avecElevesOuFamilles(b) && !exceptionConseil);
      if (!horsPersonnels) return;
      return {
        regle: "usage-interne-personnels",
        raison: `${o.nom} est « ${u.texte} » : elle ne convient pas à un échange avec ${b.avec.includes("partenaires-externes") ? "des partenaires externes" : "des élèves ou des familles"}.`,
        source: refSource(c, u.source, u.texte),
      };
    },
  ],
  [
    "public-non-couvert",
    (o, b, c) => {
      if (b.avec.includes("partenaires-externes") && o.contraintes.entRequis) {
        const r = o.contraintes.entRequis;
        const f = o.fiches.find((x) => x.acces) ?? o.fiches[0];
        return {
          regle: "public-non-couvert",
          raison: `L'accès passe par l'ENT (« ${f?.acces?.texte ?? r.texte} »).`,
          source: refSource(c, f?.source ?? r.source, f?.acces?.texte ?? r.texte),
          deduction: "Trousse en déduit que des partenaires externes n'ont pas de compte dans l'ENT.",
        };
      }
      const enseignement = ficheEnseignement(o);
      if (enseignement && !fichePilotage(o) && !avecEleves(b)) {
        const s = refSource(c, enseignement.source);
        return {
          regle: "public-non-couvert",
          raison: `Les documents présentent cet outil seulement dans « ${titreSection(s)} », pour faire cours ; aucun élève ne participe ici.`,
          source: s,
        };
      }
      if (!avecElevesOuFamilles(b) || enseignement) return;
      // Conseils de classe: the document gives them to « les personnels de direction » only.
      if (
        b.objet === "conseil-de-classe" &&
        b.organisateur === "personnel-direction" &&
        o.usages.some((x) => x.code === "conseils-de-classe-a-distance")
      )
        return;
      const f = o.fiches[0];
      if (!f)
        return {
          regle: "public-non-couvert",
          raison: "Les documents ne présentent pas cet outil pour les élèves ou les familles.",
        };
      const s = refSource(c, f.source);
      return {
        regle: "public-non-couvert",
        raison: `Les documents présentent cet outil dans « ${titreSection(s)} », pas parmi les outils au service de l'enseignement avec les élèves ou les familles.`,
        source: s,
      };
    },
  ],
];

/** Les codes des règles, dans leur ordre d'examen. */
export const ORDRE_REGLES_EXCLUSION: readonly CodeRegleExclusion[] = REGLES.map(([code]) => code);

/**
 * Renvoie l'exclusion d'un outil pour ce besoin (première règle qui s'applique), ou `undefined`.
 *
 * @example
 * exclusion(getOutil("renavisio")!, { ...besoin, participants: 12 }, catalogue)?.regle; // "participants-max-depasse"
 */
export function exclusion(o: Outil, b: BesoinVisio, c: Catalogue): Exclusion | undefined {
  for (const [, regle] of REGLES) {
    const v = regle(o, b, c);
    if (v) return { outilId: o.id, nom: o.nom, ...v };
  }
  return undefined;
}
