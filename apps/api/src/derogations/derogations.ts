import { and, eq, inArray } from "drizzle-orm";
import { derogations, type TrousseDb } from "@trousse/db";
import {
  datesDuDevoir,
  datesEffectives,
  formaterDateParis,
  libelleDelaiAccorde,
  type Derogation,
} from "@trousse/rules";
import type { LigneDevoir } from "../devoirs/acces.js";

/** Un délai accordé tel que la base le rend. */
export type LigneDerogation = typeof derogations.$inferSelect;

/** Le bloc `delaiAccorde` des réponses (schéma `DelaiAccorde`). */
export interface DelaiAccorde {
  echeance: string;
  echeanceAffichee: string;
  dateLimite: string | null;
  dateLimiteAffichee: string | null;
  libelle: string;
}

/**
 * Le délai accordé à un élève pour un devoir, ou `null`.
 *
 * @example
 * const derogation = await derogationDe(db, devoir.id, eleve.id);
 */
export async function derogationDe(
  db: TrousseDb,
  devoirId: string,
  eleveId: string,
): Promise<LigneDerogation | null> {
  const [ligne] = await db
    .select()
    .from(derogations)
    .where(and(eq(derogations.devoirId, devoirId), eq(derogations.eleveId, eleveId)))
    .limit(1);
  return ligne ?? null;
}

/**
 * Les délais accordés de plusieurs devoirs et élèves, par clé `${devoirId}:${eleveId}` (une requête).
 *
 * @example
 * const delais = await derogationsDe(db, [devoir.id], eleves.map((e) => e.id));
 * delais.get(`${devoir.id}:${eleve.id}`); // LigneDerogation | undefined
 */
export async function derogationsDe(
  db: TrousseDb,
  devoirIds: string[],
  eleveIds?: string[],
): Promise<Map<string, LigneDerogation>> {
  const res = new Map<string, LigneDerogation>();
  if (devoirIds.length === 0 || eleveIds?.length === 0) return res;
  const lignes = await db
    .select()
    .from(derogations)
    .where(
      and(
        inArray(derogations.devoirId, devoirIds),
        eleveIds ? inArray(derogations.eleveId, eleveIds) : undefined,
      ),
    );
  for (const l of lignes) res.set(`${l.devoirId}:${l.eleveId}`, l);
  return res;
}

/**
 * Les seules dates d'un délai (ce que les règles attendent), ou `null`.
 *
 * @example
 * statutRendu({ devoir: datesDuDevoir(d), derogation: datesDuDelai(ligne), maintenant });
 */
export function datesDuDelai(
  ligne: Pick<LigneDerogation, "echeance" | "dateLimite"> | null | undefined,
): Derogation | null {
  return ligne ? { echeance: ligne.echeance, dateLimite: ligne.dateLimite } : null;
}

/**
 * Le bloc `delaiAccorde` d'un élève : ses dates effectives (ISO et en heure de Paris) et la phrase
 * « Délai accordé jusqu'au … » des règles ; `null` sans délai (ou si le devoir, modifié depuis, donne autant).
 *
 * @example
 * vueDelaiAccorde(devoir, { echeance: new Date("2026-04-07T21:59Z"), dateLimite: null });
 * // { echeance: "2026-04-07T21:59:00.000Z", echeanceAffichee: "mardi 7 avril 2026 à 23 h 59", dateLimite: null, … }
 */
export function vueDelaiAccorde(devoir: LigneDevoir, derogation: Derogation | null): DelaiAccorde | null {
  const dates = datesDuDevoir(devoir);
  const libelle = libelleDelaiAccorde(dates, derogation);
  if (!libelle) return null;
  const e = datesEffectives(dates, derogation);
  const retard = e.dateLimite && e.dateLimite.getTime() > e.echeance.getTime() ? e.dateLimite : null;
  return {
    echeance: e.echeance.toISOString(),
    echeanceAffichee: formaterDateParis(e.echeance),
    dateLimite: retard?.toISOString() ?? null,
    dateLimiteAffichee: retard ? formaterDateParis(retard) : null,
    libelle: libelle.fr,
  };
}
