import { faits } from "./faits.js";
import type { CritereDoctrine, FaitGeneral } from "./schema.js";
import { LIBELLES_CRITERES } from "./libelles.js";
import { CRITERES } from "./vocabulaire.js";

/** La phrase de doctrine du document 001, citée mot pour mot. */
export const PHRASE_DOCTRINE =
  "Chaque mise en œuvre d'un outil doit respecter les règles données par la DINUM concernant la réversibilité, l'accès aux données, la protection des données personnelles et la conformité stricte au RGPD, le respect strict de la réglementation française et européenne, sans extraterritorialité, l'accessibilité des solutions aux personnes en situation de handicap, et la réduction de l'empreinte carbone.";

const EXTRAITS: Record<CritereDoctrine, string> = {
  reversibilite: "la réversibilité",
  "acces-donnees": "l'accès aux données",
  rgpd: "la protection des données personnelles et la conformité stricte au RGPD",
  "droit-francais-europeen":
    "le respect strict de la réglementation française et européenne, sans extraterritorialité",
  accessibilite: "l'accessibilité des solutions aux personnes en situation de handicap",
  "empreinte-carbone": "la réduction de l'empreinte carbone",
};

/**
 * Les six critères de la doctrine DINUM, avec leur libellé, leur extrait du document 001 et sa source,
 * et la mise en garde qui les accompagne (cyber-attaques, vigilance envers les solutions des éditeurs).
 */
export const CRITERES_DOCTRINE: {
  readonly phrase: string;
  readonly source: "001-vigilance";
  readonly vigilance: readonly FaitGeneral[];
  readonly criteres: readonly {
    readonly id: CritereDoctrine;
    readonly libelle: string;
    readonly extrait: string;
  }[];
} = {
  phrase: PHRASE_DOCTRINE,
  source: "001-vigilance",
  vigilance: faits.filter((f) => f.code === "cyber-attaques" || f.code === "vigilance-editeurs"),
  criteres: CRITERES.map((id) => ({
    id,
    libelle: LIBELLES_CRITERES[id],
    extrait: EXTRAITS[id],
  })),
};
