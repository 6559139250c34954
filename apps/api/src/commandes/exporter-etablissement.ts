import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import {
  consultations,
  devoirs,
  etablissements,
  fichiersDevoir,
  fichiersRendu,
  groupes,
  journalAudit,
  liensParents,
  membres,
  rappels,
  rendus,
  retours,
  utilisateurs,
  type TrousseDb,
} from "@trousse/db";
import type { StockageFichiers } from "../stockage/stockage-fichiers.js";
import { nommeurExport } from "./noms-export.js";

/** Résumé d'un export. */
export interface ResumeExport {
  etablissement: { id: string; nom: string; uai: string | null };
  dossier: string;
  compte: Record<string, number>;
  fichiers: number;
  octets: number;
}

/**
 * Exporte toutes les données d'un établissement (réversibilité, droit d'accès) : `donnees.json` (établissement,
 * utilisateurs — seulement ce que Trousse garde —, groupes, membres, liens parents, devoirs, rendus et leurs
 * versions, consultations, rappels, retours, journal d'audit) et une copie de chaque fichier conservé sous
 * `fichiers/` sous un nom lisible avec son extension (`fichiers/rendus/<devoir>/<élève>/copie.pdf`, chemin noté
 * dans `fichierExporte` de chaque ligne), vérifiée par son sha256. Lève une erreur si un fichier manque ou a changé,
 * ou si l'UAI désigne plusieurs établissements (un par ENT) : il faut alors donner son `id`.
 *
 * @example
 * await exporterEtablissement(db, stockage, { uai: "0759999X" }, "./export-0759999X");
 */
export async function exporterEtablissement(
  db: TrousseDb,
  stockage: StockageFichiers,
  cible: { id?: string; uai?: string },
  dossier: string,
): Promise<ResumeExport> {
  const trouves = await db
    .select()
    .from(etablissements)
    .where(cible.id ? eq(etablissements.id, cible.id) : eq(etablissements.uai, cible.uai ?? ""));
  const etab = trouves[0];
  if (!etab) throw new Error(`Établissement introuvable (${cible.id ?? cible.uai}).`);
  // A school is keyed inside its ENT, so one UAI can name several rows (a school that moved ENT, or two
  // ENTs serving it): exporting the first one would silently leave the others' pupils and files out.
  if (trouves.length > 1)
    throw new Error(
      `UAI ambiguë : ${trouves.length} établissements portent l'UAI ${cible.uai} ` +
        `(${trouves.map((e) => `${e.id}, ENT ${e.entId}`).join(" ; ")}) ; désignez-en un par --etablissement <id>.`,
    );
  const users = await db.select().from(utilisateurs).where(eq(utilisateurs.etablissementId, etab.id));
  const ids = users.map((u) => u.id);
  const gs = await db.select().from(groupes).where(eq(groupes.etablissementId, etab.id));
  const gIds = gs.map((g) => g.id);
  const ms = gIds.length ? await db.select().from(membres).where(inArray(membres.groupeId, gIds)) : [];
  const lp = ids.length
    ? await db.select().from(liensParents).where(inArray(liensParents.parentId, ids))
    : [];
  const ds = gIds.length ? await db.select().from(devoirs).where(inArray(devoirs.groupeId, gIds)) : [];
  const dIds = ds.map((d) => d.id);
  const fd = dIds.length
    ? await db.select().from(fichiersDevoir).where(inArray(fichiersDevoir.devoirId, dIds))
    : [];
  const rs = dIds.length ? await db.select().from(rendus).where(inArray(rendus.devoirId, dIds)) : [];
  const rIds = rs.map((r) => r.id);
  const fr = rIds.length
    ? await db.select().from(fichiersRendu).where(inArray(fichiersRendu.renduId, rIds))
    : [];
  const cs = dIds.length
    ? await db.select().from(consultations).where(inArray(consultations.devoirId, dIds))
    : [];
  const rp = dIds.length ? await db.select().from(rappels).where(inArray(rappels.devoirId, dIds)) : [];
  const rt = rIds.length ? await db.select().from(retours).where(inArray(retours.renduId, rIds)) : [];
  const ja = dIds.length
    ? await db.select().from(journalAudit).where(inArray(journalAudit.devoirId, dIds))
    : [];

  await mkdir(path.join(dossier, "fichiers"), { recursive: true });
  let nbFichiers = 0;
  let octets = 0;
  const nommer = nommeurExport();
  const parId = new Map(users.map((u) => [u.id, u]));
  const devoirParId = new Map(ds.map((d) => [d.id, d]));
  const renduParId = new Map(rs.map((r) => [r.id, r]));
  /** `<titre> (<8 first characters of the id>)`: readable, and two assignments of one title stay apart. */
  const dossierDevoir = (id: string) => `${devoirParId.get(id)?.titre ?? "devoir"} (${id.slice(0, 8)})`;
  const eleve = (id: string) => parId.get(id)?.nomAffiche ?? id.slice(0, 8);
  /** Copies one stored file to `<dossier>/<exporte>`, checks its sha256, returns `exporte`. */
  const copier = async (relatif: string, sha256: string | null, exporte: string) => {
    const cibleFichier = path.join(dossier, ...exporte.split("/"));
    await mkdir(path.dirname(cibleFichier), { recursive: true });
    // En flux depuis le stockage (dossier ou S3), haché au passage : jamais un fichier entier en mémoire.
    const hash = createHash("sha256");
    let taille = 0;
    const compter = new Transform({
      transform(morceau: Buffer, _enc, suite) {
        hash.update(morceau);
        taille += morceau.length;
        suite(null, morceau);
      },
    });
    await pipeline(await stockage.lire(relatif), compter, createWriteStream(cibleFichier));
    if (sha256 && hash.digest("hex") !== sha256)
      throw new Error(`Le fichier ${exporte} ne correspond plus à son sha256.`);
    nbFichiers++;
    octets += taille;
    return exporte;
  };
  // Each row says where its copy is (`fichierExporte`, relative to the export folder).
  const fdExportes = [];
  for (const f of fd) {
    const nom = `fichiers/${nommer(["devoirs", dossierDevoir(f.devoirId), f.nature], f.nom, f.mime)}`;
    fdExportes.push({ ...f, fichierExporte: await copier(f.chemin, f.sha256, nom) });
  }
  const frExportes = [];
  for (const f of fr) {
    const r = renduParId.get(f.renduId);
    const dossiers = ["rendus", dossierDevoir(r?.devoirId ?? ""), eleve(r?.eleveId ?? "")];
    const nom = `fichiers/${nommer(dossiers, f.nom, f.mime)}`;
    frExportes.push({ ...f, fichierExporte: await copier(f.chemin, f.sha256, nom) });
  }
  const rtExportes = [];
  for (const rt0 of rt) {
    if (!rt0.fichierChemin) {
      rtExportes.push({ ...rt0, fichierExporte: null });
      continue;
    }
    const r = renduParId.get(rt0.renduId);
    const dossiers = ["retours", dossierDevoir(r?.devoirId ?? ""), eleve(r?.eleveId ?? "")];
    const nom = `fichiers/${nommer(dossiers, rt0.fichierNom ?? "retour", rt0.fichierMime ?? "")}`;
    rtExportes.push({ ...rt0, fichierExporte: await copier(rt0.fichierChemin, rt0.fichierSha256, nom) });
  }

  const donnees = {
    format: "trousse-export-etablissement/1",
    exporteLe: new Date().toISOString(),
    etablissement: etab,
    utilisateurs: users,
    groupes: gs,
    membres: ms,
    liensParents: lp,
    devoirs: ds,
    fichiersDevoir: fdExportes,
    rendus: rs,
    fichiersRendu: frExportes,
    consultations: cs,
    rappels: rp,
    retours: rtExportes,
    journalAudit: ja,
  };
  await writeFile(path.join(dossier, "donnees.json"), JSON.stringify(donnees, null, 2));
  const compte = Object.fromEntries(
    Object.entries(donnees)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, (v as unknown[]).length]),
  );
  return {
    etablissement: { id: etab.id, nom: etab.nom, uai: etab.uai },
    dossier,
    compte,
    fichiers: nbFichiers,
    octets,
  };
}
