import { enregistrerIdentite, type IdentiteEnt, type TrousseDb, type UtilisateurConnecte } from "@trousse/db";

/** ENT id of the demo users (the sign-in's `ENT_DEMO`). */
export const ENT_DEMO = "demo";

const ecole = { uai: "0759999X", nom: "Collège de démonstration Jules-Ferry" };
const base = { entId: ENT_DEMO, etablissement: ecole, groupes: [] as string[] };

/**
 * The demo people: fictitious pupils of 3eA and 5eB, their teachers, a parent linked to a pupil, and the head
 * of school (fictitious names and UAI).
 */
export const IDENTITES_DEMO: readonly IdentiteEnt[] = [
  {
    ...base,
    uid: "demo-eleve-lea",
    login: "lea.martin",
    nomAffiche: "Léa Martin",
    role: "eleve",
    classes: ["3eA"],
    groupes: ["Latin"],
  },
  {
    ...base,
    uid: "demo-eleve-hugo",
    login: "hugo.bernard",
    nomAffiche: "Hugo Bernard",
    role: "eleve",
    classes: ["3eA"],
  },
  {
    ...base,
    uid: "demo-eleve-ines",
    login: "ines.dubois",
    nomAffiche: "Inès Dubois",
    role: "eleve",
    classes: ["3eA"],
    groupes: ["Latin"],
  },
  {
    ...base,
    uid: "demo-eleve-noah",
    login: "noah.petit",
    nomAffiche: "Noah Petit",
    role: "eleve",
    classes: ["5eB"],
  },
  {
    ...base,
    uid: "demo-eleve-chloe",
    login: "chloe.moreau",
    nomAffiche: "Chloé Moreau",
    role: "eleve",
    classes: ["5eB"],
  },
  {
    ...base,
    uid: "demo-prof-durand",
    login: "claire.durand",
    nomAffiche: "Claire Durand",
    role: "enseignant",
    classes: ["3eA", "5eB"],
    groupes: ["Latin"],
  },
  {
    ...base,
    uid: "demo-prof-lefebvre",
    login: "karim.lefebvre",
    nomAffiche: "Karim Lefebvre",
    role: "enseignant",
    classes: ["3eA"],
  },
  {
    ...base,
    uid: "demo-parent-martin",
    login: "sophie.martin",
    nomAffiche: "Sophie Martin",
    role: "parent",
    classes: [],
    enfantsUids: ["demo-eleve-lea"],
  },
  {
    ...base,
    uid: "demo-direction-roux",
    login: "nathalie.roux",
    nomAffiche: "Nathalie Roux",
    role: "personnel",
    classes: [],
  },
];

/**
 * Seeds the demo school, classes, pupils, teachers, a parent and the head of school, through
 * `enregistrerIdentite` (idempotent: running it at every start changes nothing the second time).
 *
 * @example
 * if (config.demo) await semerDemo(handle.db);
 */
export async function semerDemo(db: TrousseDb): Promise<UtilisateurConnecte[]> {
  const crees: UtilisateurConnecte[] = [];
  for (const identite of IDENTITES_DEMO) crees.push(await enregistrerIdentite(db, identite));
  return crees;
}
