import {
  type Catalogue,
  CRITERES_DOCTRINE,
  type CritereDoctrine,
  LIBELLES_CRITERES,
  NON_RENSEIGNE,
  type Outil,
  type SourceRef,
  type StatutCritere,
  catalogue as catalogueParDefaut,
} from "@trousse/catalogue";

export interface EvaluationCritere {
  critere: CritereDoctrine;
  libelle: string;
  statut: StatutCritere;
  /** Justification en français (texte du catalogue). */
  justification: string;
  /** Première source citée (absente si le critère n'est pas renseigné). */
  source?: SourceRef;
  sources: SourceRef[];
}

export interface EvaluationDoctrine {
  outilId: string;
  nom: string;
  /** Les six critères DINUM, dans l'ordre du document 001. */
  criteres: EvaluationCritere[];
  resume: { conforme: number; nonConforme: number; nonRenseigne: number };
  /**
   * Vrai si au moins un critère est renseigné et que tous les critères renseignés sont conformes.
   * Un outil dont aucun critère n'est renseigné n'est PAS déclaré conforme.
   */
  conformeSurToutCritereRenseigne: boolean;
  /** La phrase de doctrine du document 001 et sa source, et sa mise en garde (cyber-attaques, éditeurs). */
  doctrine: { phrase: string; source: SourceRef; vigilance: { texte: string; source: SourceRef }[] };
}

/**
 * Évalue un outil au regard des six critères de la doctrine DINUM, à partir des seuls faits du catalogue.
 * Un critère absent ou mal formé est compté « non renseigné » ; la fonction ne lève jamais d'exception
 * pour un outil incomplet.
 *
 * @example
 * const e = evaluerDoctrine(getOutil("classe-virtuelle-via")!);
 * e.resume; // { conforme: 0, nonConforme: 0, nonRenseigne: 6 } (les documents disent qui a fait les démarches RGPD, pas « conforme »)
 * e.conformeSurToutCritereRenseigne; // false
 */
export function evaluerDoctrine(outil: Outil, catalogue: Catalogue = catalogueParDefaut): EvaluationDoctrine {
  const ref = (id: string): SourceRef =>
    catalogue.sources.find((s) => s.id === id) ?? {
      id,
      document: "(document inconnu)",
      section: "(section inconnue)",
    };
  const criteres = CRITERES_DOCTRINE.criteres.map(({ id }): EvaluationCritere => {
    const c = outil.doctrine?.[id];
    const valide = c && ["conforme", "non-conforme", "non-renseigne"].includes(c.statut);
    const sources = valide ? (c.sources ?? []).map(ref) : [];
    const e: EvaluationCritere = {
      critere: id,
      libelle: LIBELLES_CRITERES[id],
      statut: valide ? c.statut : "non-renseigne",
      justification: valide && c.justification ? c.justification : NON_RENSEIGNE,
      sources,
    };
    if (sources[0]) e.source = sources[0];
    return e;
  });
  const compter = (s: StatutCritere) => criteres.filter((c) => c.statut === s).length;
  const resume = {
    conforme: compter("conforme"),
    nonConforme: compter("non-conforme"),
    nonRenseigne: compter("non-renseigne"),
  };
  return {
    outilId: outil.id,
    nom: outil.nom,
    criteres,
    resume,
    conformeSurToutCritereRenseigne: resume.conforme > 0 && resume.nonConforme === 0,
    doctrine: {
      phrase: CRITERES_DOCTRINE.phrase,
      source: ref(CRITERES_DOCTRINE.source),
      vigilance: CRITERES_DOCTRINE.vigilance.map((v) => ({ texte: v.texte, source: ref(v.source) })),
    },
  };
}
