import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { Relais } from "../../test-support/relais-tcp.js";
import type { ConfigS3 } from "../stockage-s3.js";

/** An S3 store on loopback (s3rver, from npm) behind a relay the test can cut, and its settings. */
export interface S3Local {
  config: ConfigS3;
  /** The store stops answering (connections dropped and refused). */
  couper(): Promise<void>;
  /** The store answers again, on the same port. */
  retablir(): Promise<void>;
  fermer(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 (random ports unless given, its own temporary folder, one bucket) with a TCP
 * relay in front.
 * s3rver implements PutObject, GetObject (ranges), HeadObject, CopyObject, ListObjectsV2 and DeleteObject,
 * with SigV4 signatures; no multipart upload — and it does not check payload checksums (a real store does).
 *
 * @example
 * const s3 = await demarrerS3Local();
 * const stockage = new StockageS3(s3.config);
 */
export async function demarrerS3Local(
  options: { prefixe?: string; ports?: { s3rver: number; relais: number } } = {},
): Promise<S3Local> {
  const dossier = await mkdtemp(path.join(tmpdir(), "trousse-s3rver-"));
  const bucket = "trousse-test";
  const serveur = new S3rver({
    address: "127.0.0.1",
    port: options.ports?.s3rver ?? 0,
    directory: dossier,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await serveur.run();
  const relais = new Relais({ host: "127.0.0.1", port });
  relais.port = options.ports?.relais ?? 0;
  await relais.ouvrir();
  return {
    config: {
      endpoint: `http://127.0.0.1:${relais.port}`,
      region: "us-east-1",
      bucket,
      accessKey: "S3RVER",
      secretKey: "S3RVER",
      prefixe: options.prefixe ?? "",
      cheminStyle: true,
      sommeControle: true,
      delaiMs: 5_000,
    },
    couper: () => relais.couper(),
    retablir: () => relais.ouvrir(),
    fermer: async () => {
      await relais.couper().catch(() => undefined);
      await serveur.close();
      await rm(dossier, { recursive: true, force: true });
    },
  };
}
