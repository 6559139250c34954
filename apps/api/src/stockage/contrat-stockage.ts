import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import type { StockageFichiers } from "./stockage-fichiers.js";
import { StockageS3 } from "./stockage-s3.js";

/** One checked promise of the storage contract. */
export interface PointContrat {
  nom: string;
  ok: boolean;
  /** Informational points (e.g. « the store checks sha256 ») do not fail the contract. */
  informatif?: boolean;
  detail?: string;
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/**
 * Runs the storage contract against a real store (a folder, s3rver in tests, or the operator's S3 endpoint):
 * keep a file, find it with its size, read back the same bytes (sha256) and its first and last bytes (two ranges), keep it again (idempotent), list its
 * group, delete it (twice), delete a group; on S3, also whether the store refuses bytes that do not match the
 * announced sha256 (informational: s3rver does not check, AWS and MinIO do). Everything is written under one
 * fresh group (`contrat-<uuid>`) of `rendus/`, and removed at the end.
 *
 * @example
 * const points = await verifierContratStockage(stockage);
 * points.every((p) => p.ok || p.informatif);
 */
export async function verifierContratStockage(
  stockage: StockageFichiers,
  options: { octets?: number } = {},
): Promise<PointContrat[]> {
  const points: PointContrat[] = [];
  const dossier = await mkdtemp(path.join(tmpdir(), "trousse-contrat-"));
  const groupe = `contrat-${randomUUID()}`;
  const point = async (nom: string, verifier: () => Promise<boolean | string>, informatif = false) => {
    try {
      const r = await verifier();
      points.push({ nom, ok: r === true, informatif, ...(typeof r === "string" ? { detail: r } : {}) });
    } catch (e) {
      points.push({ nom, ok: false, informatif, detail: (e as Error).message });
    }
  };
  try {
    const contenu = randomBytes(options.octets ?? 3 * 1024 * 1024 + 17);
    const chemin = path.join(dossier, "fichier");
    await writeFile(chemin, contenu);
    const source = { chemin, taille: contenu.length, sha256: sha(contenu) };
    let relatif = "";
    await point("conserver rend le chemin relatif", async () => {
      relatif = await stockage.conserver(source, "rendus", groupe, "a1");
      return relatif === `rendus/${groupe}/a1` || `chemin reçu : ${relatif}`;
    });
    await point("present : la bonne taille", () => stockage.present(relatif, contenu.length));
    await point("present : une autre taille est refusée", async () => !(await stockage.present(relatif, 1)));
    await point("lire rend les mêmes octets (sha256)", async () => {
      const lu = await buffer(await stockage.lire(relatif));
      return sha(lu) === source.sha256 || `sha256 lu ${sha(lu)}, ${lu.length} octets`;
    });
    await point("lireBouts rend les premiers et les derniers octets", async () => {
      // Two bounded ranges (the file is longer than 2n), whatever size the operator chose.
      const n = Math.min(65_536, Math.floor(contenu.length / 4));
      const { debut, fin } = await stockage.lireBouts(relatif, n);
      const attendu = [contenu.subarray(0, n), contenu.subarray(contenu.length - n)];
      return (
        (Buffer.from(debut).equals(attendu[0]!) && Buffer.from(fin).equals(attendu[1]!)) ||
        `${debut.length} + ${fin.length} octets, pas les bons`
      );
    });
    await point("conserver deux fois le même fichier (reprise)", async () => {
      return (await stockage.conserver(source, "rendus", groupe, "a1")) === relatif;
    });
    await point("groupes liste le groupe", async () => (await stockage.groupes("rendus")).includes(groupe));
    await point("supprimer, puis le fichier est absent", async () => {
      await stockage.supprimer(relatif);
      return !(await stockage.present(relatif, contenu.length));
    });
    await point("supprimer un fichier absent ne lève pas d'erreur", async () => {
      await stockage.supprimer(relatif);
      return true;
    });
    await point("supprimerGroupe efface tout le groupe", async () => {
      await stockage.conserver(source, "rendus", groupe, "b2");
      await stockage.supprimerGroupe("rendus", groupe);
      return !(await stockage.groupes("rendus")).includes(groupe);
    });
    if (stockage instanceof StockageS3) {
      await point(
        "le stockage refuse des octets qui ne correspondent pas au sha256 annoncé",
        async () => {
          const faux = { ...source, sha256: sha(Buffer.from("autre chose")) };
          try {
            await stockage.conserver(faux, "rendus", groupe, "c3");
          } catch {
            return true;
          }
          await stockage.supprimerGroupe("rendus", groupe);
          return "non vérifié par ce stockage (le HEAD qui suit relit la taille et le sha256 noté en métadonnée)";
        },
        true,
      );
    }
  } finally {
    await stockage.supprimerGroupe("rendus", groupe).catch(() => undefined);
    await rm(dossier, { recursive: true, force: true });
  }
  return points;
}
