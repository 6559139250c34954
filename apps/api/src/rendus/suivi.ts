import { and, desc, eq, inArray } from "drizzle-orm";
import { consultations, membres, rendus, retours, utilisateurs, type TrousseDb } from "@trousse/db";
import {
  datesDuDevoir,
  delaiEnCours,
  formaterDateParis,
  libelleHorodatage,
  libelleStatutSuivi,
  statutSuivi,
  type StatutSuivi,
} from "@trousse/rules";
import type { LigneDevoir } from "../devoirs/acces.js";
import {
  datesDuDelai,
  derogationsDe,
  vueDelaiAccorde,
  type DelaiAccorde,
} from "../derogations/derogations.js";

import { fichiersDesRendus } from "./rendre.js";

/** Une ligne du tableau de suivi : un élève du groupe et où il en est. */
export interface LigneSuivi {
  eleve: { id: string; nomAffiche: string };
  statut: StatutSuivi;
  libelle: string;
  vuLe: string | null;
  vuLeAffiche: string | null;
  /** Le délai accordé à cet élève (dates effectives, motif), ou null. */
  delaiAccorde: (DelaiAccorde & { motif: string | null }) | null;
  /** Son délai court encore (`delaiEnCours` des règles) : les rappels de la classe l'épargnent. */
  delaiEnCours: boolean;
  rendu: null | {
    id: string;
    version: number;
    renduLe: string;
    renduLeAffiche: string;
    /** Rendu engagé : l'heure où ses fichiers ont été reçus (`renduLe` est celle de l'engagement). */
    recuLe: string | null;
    /** « engagé à …, reçu à … — rendu à l'heure », ou null sans engagement. */
    horodatageLibelle: string | null;
    /** En retard selon les dates du devoir aujourd'hui (comme `statut`), pas celles du jour du rendu. */
    enRetard: boolean;
    declarationCochee: boolean;
    fichiers: {
      id: string;
      nom: string;
      taille: number;
      sha256: string;
      mime: string;
      chemin: string;
      url: string;
    }[];
    retourne: boolean;
  };
}

/**
 * Le suivi d'un devoir : chaque élève du groupe (par nom), son statut calculé par `statutSuivi` des règles,
 * « vu le … », sa version qui compte, ses fichiers et si un retour lui a été rendu. Un élève qui a un délai
 * accordé est jugé sur ses dates à lui (`datesEffectives`), et sa ligne le dit (`delaiAccorde`).
 *
 * @example
 * const lignes = await suiviDevoir(db, devoir, new Date());
 */
export async function suiviDevoir(
  db: TrousseDb,
  devoir: LigneDevoir,
  maintenant: Date,
): Promise<LigneSuivi[]> {
  const eleves = await db
    .select({ id: utilisateurs.id, nomAffiche: utilisateurs.nomAffiche })
    .from(membres)
    .innerJoin(utilisateurs, eq(utilisateurs.id, membres.utilisateurId))
    .where(and(eq(membres.groupeId, devoir.groupeId), eq(utilisateurs.role, "eleve")))
    .orderBy(utilisateurs.nomAffiche);
  const vus = new Map(
    (await db.select().from(consultations).where(eq(consultations.devoirId, devoir.id))).map((v) => [
      v.eleveId,
      v.vuLe,
    ]),
  );
  const versions = await db
    .select()
    .from(rendus)
    .where(eq(rendus.devoirId, devoir.id))
    .orderBy(desc(rendus.version));
  const derniere = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!derniere.has(v.eleveId)) derniere.set(v.eleveId, v);
  const ids = [...derniere.values()].map((v) => v.id);
  const fichiers = await fichiersDesRendus(db, ids);
  const retournes = new Set(
    ids.length
      ? (
          await db.select({ renduId: retours.renduId }).from(retours).where(inArray(retours.renduId, ids))
        ).map((r) => r.renduId)
      : [],
  );
  const dates = datesDuDevoir(devoir);
  const delais = await derogationsDe(db, [devoir.id]);
  return eleves.map((e) => {
    const r = derniere.get(e.id) ?? null;
    const vuLe = vus.get(e.id) ?? null;
    const ligneDelai = delais.get(`${devoir.id}:${e.id}`) ?? null;
    const derogation = datesDuDelai(ligneDelai);
    const statut = statutSuivi({
      devoir: dates,
      derogation,
      rendu: r ? { renduLe: r.renduLe, echeanceAccordee: r.delaiEcheance } : null,
      vuLe,
      maintenant,
    });
    const delaiAccorde = vueDelaiAccorde(devoir, derogation);
    // Lateness as the rules judge it against today's dates (a due date moved after the hand-in changes it);
    // `en_retard` stored with the version is what its receipt said at the time, and stays on the receipt.
    const enRetard = statut === "rendu-en-retard";
    return {
      eleve: e,
      statut,
      libelle: libelleStatutSuivi(statut),
      vuLe: vuLe?.toISOString() ?? null,
      vuLeAffiche: vuLe ? formaterDateParis(vuLe) : null,
      delaiAccorde: delaiAccorde && { ...delaiAccorde, motif: ligneDelai?.motif ?? null },
      delaiEnCours: delaiEnCours({ devoir: dates, derogation, maintenant }),
      rendu: r && {
        id: r.id,
        version: r.version,
        renduLe: r.renduLe.toISOString(),
        renduLeAffiche: formaterDateParis(r.renduLe),
        recuLe: r.recuLe?.toISOString() ?? null,
        horodatageLibelle: libelleHorodatage({ ...r, enRetard }),
        enRetard,
        declarationCochee: r.declarationCochee,
        fichiers: (fichiers.get(r.id) ?? []).map((f) => ({
          id: f.id,
          nom: f.nom,
          taille: f.taille,
          sha256: f.sha256,
          mime: f.mime,
          chemin: f.chemin,
          url: `/v1/rendus/${r.id}/fichiers/${f.id}`,
        })),
        retourne: retournes.has(r.id),
      },
    };
  });
}
