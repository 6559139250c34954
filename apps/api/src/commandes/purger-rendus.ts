import { eq } from "drizzle-orm";
import { derogations, devoirs, type TrousseDb } from "@trousse/db";
import { dateDePurge, datesDuDevoir, type OptionsPurge } from "@trousse/rules";
import { datesDuDelai } from "../derogations/derogations.js";
import { CATEGORIES_CONSERVEES, type StockageFichiers } from "../stockage/stockage-fichiers.js";

/** Un devoir arrivé au terme de sa conservation. */
export interface DevoirAPurger {
  id: string;
  titre: string;
  echeance: string;
  purgeLe: string;
}

/**
 * Purge ce qui a dépassé sa durée de conservation : chaque devoir dont `dateDePurge` (règles ; défaut : fin
 * de l'année scolaire — 31 août — plus un mois, réglable ; reportée par un délai accordé qui passe l'année) est passée, avec ses rendus, versions, fichiers,
 * consultations, rappels et retours (suppression en cascade en base, puis des fichiers dans le stockage : dossier ou S3).
 * Sans `appliquer`, ne supprime rien et liste ce qui le serait (simulation).
 *
 * @example
 * const { devoirs } = await purgerRendus(db, stockage, { appliquer: false });
 */
export async function purgerRendus(
  db: TrousseDb,
  stockage: StockageFichiers,
  options: { maintenant?: Date; conservation?: OptionsPurge; appliquer: boolean },
): Promise<{ devoirs: DevoirAPurger[]; dossiersSupprimes: number }> {
  const maintenant = options.maintenant ?? new Date();
  const tous = await db.select().from(devoirs);
  // A pupil's extension may reach into the next school year: the purge waits for it (rules: dateDePurge).
  const delais = new Map<string, ReturnType<typeof datesDuDelai>[]>();
  for (const l of await db.select().from(derogations))
    delais.set(l.devoirId, [...(delais.get(l.devoirId) ?? []), datesDuDelai(l)]);
  const aPurger: DevoirAPurger[] = [];
  for (const d of tous) {
    const purgeLe = dateDePurge(datesDuDevoir(d), options.conservation, delais.get(d.id));
    if (purgeLe.getTime() <= maintenant.getTime())
      aPurger.push({
        id: d.id,
        titre: d.titre,
        echeance: d.echeance.toISOString(),
        purgeLe: purgeLe.toISOString(),
      });
  }
  let dossiersSupprimes = 0;
  if (!options.appliquer) return { devoirs: aPurger, dossiersSupprimes };
  for (const d of aPurger) {
    // La base d'abord (cascade) : plus rien ne pointe vers les fichiers ; puis les fichiers.
    await db.delete(devoirs).where(eq(devoirs.id, d.id));
  }
  // Les dossiers de fichiers des devoirs qui n'existent plus (purgés maintenant ou lors d'une purge interrompue).
  const existants = new Set((await db.select({ id: devoirs.id }).from(devoirs)).map((d) => d.id));
  for (const categorie of CATEGORIES_CONSERVEES) {
    for (const devoirId of await stockage.groupes(categorie)) {
      if (existants.has(devoirId)) continue;
      await stockage.supprimerGroupe(categorie, devoirId);
      dossiersSupprimes++;
    }
  }
  return { devoirs: aPurger, dossiersSupprimes };
}
