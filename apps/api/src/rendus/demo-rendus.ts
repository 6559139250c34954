import { and, eq } from "drizzle-orm";
import { heureParisVersInstant, instantVersHeureParis } from "@trousse/rules";
import { devoirs, enregistrerIdentite, groupesDe, trouverParLogin, type TrousseDb } from "@trousse/db";

const ENT_DEMO = "demo";
const ecole = { uai: "0759999X", nom: "Collège de démonstration Jules-Ferry" };

/** Identifiants de connexion de démonstration des élèves supplémentaires (mesure d'un rush d'échéance). */
export const loginEleveRush = (i: number): string => `rush.eleve${String(i).padStart(4, "0")}`;
/** Identifiant de connexion de l'enseignant de la classe de rush. */
export const LOGIN_PROF_RUSH = "rush.prof";
export const TITRE_DEVOIR_DEMO = "Rédaction : raconter une sortie scolaire";
export const TITRE_DEVOIR_RUSH = "Devoir de la classe de mesure (rush d'échéance)";

/**
 * The demo due date: 23 h 59 Paris time, `jours` days after today in Paris — in winter (UTC+1) as in summer
 * (UTC+2), not a fixed UTC hour.
 *
 * @example
 * prochaineEcheance(new Date("2026-01-15T10:00:00Z"), 7); // 2026-01-22T22:59:00.000Z (23 h 59 in Paris)
 */
export function prochaineEcheance(maintenant: Date, jours: number): Date {
  const [annee, mois, jour] = instantVersHeureParis(maintenant).slice(0, 10).split("-").map(Number);
  const jourVise = new Date(Date.UTC(annee!, mois! - 1, jour! + jours)).toISOString().slice(0, 10);
  return heureParisVersInstant(`${jourVise}T23:59`);
}

async function assurerDevoir(
  db: TrousseDb,
  enseignantLogin: string,
  classe: string,
  titre: string,
  contraintes: {
    familles: ("document" | "image" | "audio" | "video")[];
    tailleMaxOctets: number;
    nombreMax: number;
  },
  maintenant: Date,
): Promise<string | null> {
  const prof = await trouverParLogin(db, ENT_DEMO, enseignantLogin);
  if (!prof) return null;
  const groupe = (await groupesDe(db, prof.id)).find((g) => g.nom === classe);
  if (!groupe) return null;
  const [existant] = await db
    .select({ id: devoirs.id })
    .from(devoirs)
    .where(and(eq(devoirs.enseignantId, prof.id), eq(devoirs.titre, titre)))
    .limit(1);
  if (existant) return existant.id;
  const [cree] = await db
    .insert(devoirs)
    .values({
      etablissementId: prof.etablissementId,
      groupeId: groupe.id,
      enseignantId: prof.id,
      titre,
      consignes: "Devoir fictif de démonstration.",
      ouverture: new Date(maintenant.getTime() - 24 * 3600 * 1000),
      echeance: prochaineEcheance(maintenant, 14),
      dateLimite: prochaineEcheance(maintenant, 16),
      familles: contraintes.familles,
      tailleMaxOctets: contraintes.tailleMaxOctets,
      nombreMaxFichiers: contraintes.nombreMax,
    })
    .returning({ id: devoirs.id });
  return cree?.id ?? null;
}

/**
 * Démonstration de « Rendre un devoir » : un devoir fictif pour la 3eA (Claire Durand) et, si demandé,
 * `eleves` élèves fictifs supplémentaires (`rush.eleve0001`…) dans une classe « 3eR » avec leur enseignant
 * (`rush.prof`) et un devoir, pour mesurer un rush d'échéance. Idempotent. Mode démonstration seulement.
 *
 * @example
 * if (config.demo) await semerDemoRendus(db, { eleves: 900 });
 */
export async function semerDemoRendus(
  db: TrousseDb,
  options: { eleves?: number; maintenant?: Date } = {},
): Promise<{ devoirDemo: string | null; devoirRush: string | null }> {
  const maintenant = options.maintenant ?? new Date();
  const devoirDemo = await assurerDevoir(
    db,
    "claire.durand",
    "3eA",
    TITRE_DEVOIR_DEMO,
    { familles: ["document", "image"], tailleMaxOctets: 20 * 1024 * 1024, nombreMax: 3 },
    maintenant,
  );
  const n = options.eleves ?? 0;
  if (n <= 0) return { devoirDemo, devoirRush: null };
  const base = { entId: ENT_DEMO, etablissement: ecole, groupes: [] as string[] };
  await enregistrerIdentite(db, {
    ...base,
    uid: "demo-rush-prof",
    login: LOGIN_PROF_RUSH,
    nomAffiche: "Professeur de mesure",
    role: "enseignant",
    classes: ["3eR"],
  });
  for (let i = 1; i <= n; i++) {
    const login = loginEleveRush(i);
    if (await trouverParLogin(db, ENT_DEMO, login)) continue;
    await enregistrerIdentite(db, {
      ...base,
      uid: `demo-rush-${i}`,
      login,
      nomAffiche: `Élève de mesure ${String(i).padStart(4, "0")}`,
      role: "eleve",
      classes: ["3eR"],
    });
  }
  const devoirRush = await assurerDevoir(
    db,
    LOGIN_PROF_RUSH,
    "3eR",
    TITRE_DEVOIR_RUSH,
    { familles: ["document", "image"], tailleMaxOctets: 10 * 1024 * 1024, nombreMax: 3 },
    maintenant,
  );
  return { devoirDemo, devoirRush };
}
