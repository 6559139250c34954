// Petites aides partagées par les règles d'exclusion et de score.
import type { Catalogue, Fiche, Outil, SourceRef } from "@trousse/catalogue";
import type { BesoinVisio } from "./types.js";

/**
 * Résout une référence de section du catalogue (avec un extrait facultatif).
 *
 * @example
 * refSource(catalogue, "000-pilotage-visio", "Outil national").section; // "Outils au service du pilotage… › Outils de visioconférence"
 */
export function refSource(catalogue: Catalogue, id: string, extrait?: string): SourceRef {
  const s = catalogue.sources.find((x) => x.id === id) ?? {
    id,
    document: "(document inconnu)",
    section: "(section inconnue)",
  };
  return extrait ? { ...s, extrait } : { ...s };
}

/**
 * Vrai si le besoin implique des élèves ou des familles.
 *
 * @example
 * avecElevesOuFamilles({ ...besoin, avec: ["familles"] }); // true
 */
export const avecElevesOuFamilles = (b: BesoinVisio): boolean =>
  b.avec.includes("eleves") || b.avec.includes("familles");

/**
 * Vrai si des élèves participent.
 *
 * @example
 * avecEleves({ ...besoin, avec: ["familles"] }); // false
 */
export const avecEleves = (b: BesoinVisio): boolean => b.avec.includes("eleves");

/**
 * Vrai si le besoin n'implique que des adultes (personnels, partenaires).
 *
 * @example
 * entreAdultes({ ...besoin, avec: ["personnels-internes", "partenaires-externes"] }); // true
 */
export const entreAdultes = (b: BesoinVisio): boolean => !avecElevesOuFamilles(b);

/**
 * Vrai pour les outils de visio ou d'audio : les seuls candidats du choix.
 *
 * @example
 * estVisioOuAudio(getOutil("ovhcloud")!); // true
 */
export const estVisioOuAudio = (o: Outil): boolean =>
  o.categories.includes("visioconference") || o.categories.includes("audioconference");

/**
 * La fiche d'enseignement (ou élèves-familles) d'un outil, s'il en a une.
 *
 * @example
 * ficheEnseignement(getOutil("web-conference-ode")!)?.rgpd?.par; // "etablissement"
 */
export const ficheEnseignement = (o: Outil): Fiche | undefined =>
  o.fiches.find((f) => f.publics.includes("enseignement") || f.publics.includes("eleves-familles"));

/**
 * La fiche de pilotage/formation d'un outil, s'il en a une.
 *
 * @example
 * fichePilotage(getOutil("web-conference-ode")!)?.rgpd?.par; // "administration"
 */
export const fichePilotage = (o: Outil): Fiche | undefined =>
  o.fiches.find((f) => f.publics.includes("pilotage-formation"));

/**
 * La fiche qui correspond le mieux au besoin (enseignement avec des élèves, pilotage sinon).
 *
 * @example
 * ficheDuBesoin(getOutil("web-conference-ode")!, { ...besoin, avec: ["eleves"] })?.source; // "000-enseignement-visio"
 */
export function ficheDuBesoin(o: Outil, b: BesoinVisio): Fiche | undefined {
  return (avecElevesOuFamilles(b) ? ficheEnseignement(o) : fichePilotage(o)) ?? o.fiches[0];
}

/**
 * Premier intitulé d'une section (le titre du tableau ou de la partie).
 *
 * @example
 * titreSection(getSource("000-enseignement-visio")!); // "Outils au service de l'enseignement"
 */
export const titreSection = (s: SourceRef): string => s.section.split(" › ")[0]!;
