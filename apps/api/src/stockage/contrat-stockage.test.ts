import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandeVerifierStockage } from "../commandes/verifier-stockage.js";
import { verifierContratStockage } from "./contrat-stockage.js";
import { StockageDossier } from "./stockage-dossier.js";
import { StockageS3 } from "./stockage-s3.js";
import { demarrerS3Local, type S3Local } from "./test-support/s3-local.js";

let s3: S3Local;
let dossier: string;
beforeAll(async () => {
  s3 = await demarrerS3Local({ prefixe: "trousse/" });
  dossier = await mkdtemp(path.join(tmpdir(), "trousse-contrat-dossier-"));
});
afterAll(async () => {
  await s3.fermer();
  await rm(dossier, { recursive: true, force: true });
});

describe("le contrat du stockage des fichiers", () => {
  it("tenu par le dossier", async () => {
    const points = await verifierContratStockage(new StockageDossier(dossier));
    expect(points.filter((p) => !p.ok)).toEqual([]);
    expect(points.length).toBeGreaterThanOrEqual(9);
  });

  it("tenu par S3 (s3rver sur la boucle locale) ; s3rver ne vérifie pas les sommes de contrôle", async () => {
    const points = await verifierContratStockage(new StockageS3(s3.config));
    expect(points.filter((p) => !p.ok && !p.informatif)).toEqual([]);
    const somme = points.find((p) => p.informatif);
    expect(somme?.nom).toMatch(/sha256/);
    expect(somme?.ok).toBe(false);
  });

  it("la commande de l'exploitant lit TROUSSE_S3_* et dit « Contrat tenu »", async () => {
    const sortie: string[] = [];
    const code = await commandeVerifierStockage(
      ["--octets", "70000"],
      {
        TROUSSE_STOCKAGE: "s3",
        TROUSSE_S3_ENDPOINT: s3.config.endpoint,
        TROUSSE_S3_BUCKET: s3.config.bucket,
        TROUSSE_S3_ACCESS_KEY: s3.config.accessKey,
        TROUSSE_S3_SECRET_KEY: s3.config.secretKey,
      },
      { sortie: (t) => sortie.push(t), erreurs: (t) => sortie.push(t) },
    );
    expect(sortie.join("")).toContain("Contrat tenu.");
    expect(code).toBe(0);
  });

  it("la commande échoue (code 1) quand le stockage ne répond pas, sans rien laisser croire", async () => {
    await s3.couper();
    try {
      const sortie: string[] = [];
      const code = await commandeVerifierStockage(
        ["--octets", "1000"],
        {
          TROUSSE_STOCKAGE: "s3",
          TROUSSE_S3_ENDPOINT: s3.config.endpoint,
          TROUSSE_S3_BUCKET: s3.config.bucket,
          TROUSSE_S3_ACCESS_KEY: "S3RVER",
          TROUSSE_S3_SECRET_KEY: "S3RVER",
        },
        { sortie: (t) => sortie.push(t), erreurs: (t) => sortie.push(t) },
      );
      expect(code).toBe(1);
      expect(sortie.join("")).toContain("ÉCHEC");
    } finally {
      await s3.retablir();
    }
  });
});
