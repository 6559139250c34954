import { createReadStream } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { Client } from "minio";
import { ErreurApi } from "../erreurs/erreur-api.js";
import {
  cheminConserve,
  segmentsRelatifs,
  type CategorieConservee,
  type FichierRecu,
  type StockageFichiers,
} from "./stockage-fichiers.js";

/** Ce qu'il faut pour joindre un stockage objet compatible S3 (Scaleway, OVHcloud, MinIO…). */
export interface ConfigS3 {
  /** Adresse du service, ex. `https://s3.fr-par.scw.cloud`, `https://s3.gra.io.cloud.ovh.net`, `http://127.0.0.1:9000`. */
  endpoint: string;
  /** Région de signature (SigV4), ex. `fr-par`, `gra`, `us-east-1` (MinIO). */
  region: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  /** Préfixe des clés (plusieurs instances dans un même bucket), ex. `trousse/` ; vide par défaut. */
  prefixe: string;
  /** Adresses `https://hote/bucket/cle` (MinIO, s3rver) plutôt que `https://bucket.hote/cle`. */
  cheminStyle: boolean;
  /** Envoie l'en-tête `x-amz-checksum-sha256` (vérifié par AWS, MinIO, Ceph récents) ; défaut oui. */
  sommeControle: boolean;
  /** Délai sans activité réseau après lequel une requête au stockage est abandonnée (ms). */
  delaiMs: number;
}

/** Attente conseillée (secondes) quand le stockage ne répond pas. */
export const ATTENTE_STOCKAGE_INDISPONIBLE_S = 5;

const CODES_RESEAU = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
]);
const CODES_S3_PASSAGERS = new Set(["SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout"]);

/**
 * Vrai si une erreur du client S3 dit que le stockage est momentanément injoignable (réseau, délai, 5xx).
 *
 * @example
 * estStockageIndisponible(Object.assign(new Error("connect"), { code: "ECONNREFUSED" })); // true
 */
export function estStockageIndisponible(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  if (CODES_RESEAU.has(code) || CODES_S3_PASSAGERS.has(code)) return true;
  const message = (e as Error | null)?.message ?? "";
  return /socket hang up|Retryable HTTP status: 5\d\d|Request failed after/.test(message);
}

/** L'erreur 503 `stockage-indisponible` (avec `Retry-After`) d'un stockage injoignable. */
export function erreurStockageIndisponible(cause: unknown): ErreurApi {
  const e = new ErreurApi(
    503,
    "stockage-indisponible",
    "Le stockage des fichiers ne répond pas pour le moment : rien n'a été enregistré, réessayez dans quelques secondes.",
    undefined,
    { "Retry-After": String(ATTENTE_STOCKAGE_INDISPONIBLE_S) },
  );
  (e as { cause?: unknown }).cause = cause;
  return e;
}

async function traduire<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    throw estStockageIndisponible(e) ? erreurStockageIndisponible(e) : e;
  }
}

const estAbsent = (e: unknown) => ["NoSuchKey", "NotFound"].includes((e as { code?: string })?.code ?? "");

/**
 * Un transport HTTP(S) pour le client S3 : connexions gardées ouvertes, et toute requête sans activité
 * pendant `delaiMs` abandonnée (le client `minio` n'a pas de délai : un stockage muet bloquerait « rendre »).
 */
function transport(securise: boolean, delaiMs: number) {
  const base = securise ? https : http;
  const agent = new base.Agent({ keepAlive: true, maxSockets: 256 });
  return {
    request(options: http.RequestOptions, rappel?: (r: http.IncomingMessage) => void): http.ClientRequest {
      const requete = base.request({ ...options, agent }, rappel);
      requete.setTimeout(delaiMs, () =>
        requete.destroy(Object.assign(new Error("délai du stockage dépassé"), { code: "ETIMEDOUT" })),
      );
      return requete;
    },
  } as unknown as Pick<typeof http, "request">;
}

/**
 * Le stockage objet compatible S3, par le client `minio` (Node ≥ 20 ; voir `deploy/README.md`). Un fichier
 * est envoyé en UN PutObject (un rendu est loin de la limite d'un PUT simple, 5 Gio ; pas d'envoi
 * multipart : ni s3rver ni le besoin ne l'exigent), en flux depuis le dossier d'attente, signé avec le
 * sha256 déjà calculé pendant l'envoi tus (`x-amz-content-sha256` en HTTP, `x-amz-checksum-sha256` en
 * plus) : le stockage refuse des octets qui ne correspondent pas. Puis un HeadObject relit la taille et le
 * sha256 noté en métadonnée : c'est seulement alors que `conserver` rend la main (et que la base enregistre).
 */
export class StockageS3 implements StockageFichiers {
  readonly nature = "s3" as const;
  readonly client: Client;
  readonly config: ConfigS3;

  constructor(config: ConfigS3) {
    const url = new URL(config.endpoint);
    const securise = url.protocol === "https:";
    this.config = config;
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: securise,
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      region: config.region,
      pathStyle: config.cheminStyle,
      transport: transport(securise, config.delaiMs),
      // Pas de nouvel essai dans le client : un corps en flux ne se rejoue pas ; l'appelant réessaie.
      retryOptions: { disableRetry: true },
    });
  }

  get description(): string {
    return `s3 ${this.config.endpoint} bucket ${this.config.bucket}${this.config.prefixe ? ` préfixe ${this.config.prefixe}` : ""}`;
  }

  /** La clé d'objet d'un chemin relatif vérifié. */
  cle(relatif: string): string {
    return `${this.config.prefixe}${segmentsRelatifs(relatif).join("/")}`;
  }

  /**
   * Envoie le fichier reçu (PUT vérifié par son sha256), relit sa taille et son sha256 (HEAD), renvoie le
   * chemin relatif. Idempotent : le même fichier sous la même clé est simplement réécrit.
   *
   * @example
   * await stockage.conserver({ chemin, taille, sha256 }, "rendus", devoirId, fichierId);
   */
  async conserver(
    source: FichierRecu,
    categorie: CategorieConservee,
    groupe: string,
    id: string,
  ): Promise<string> {
    const relatif = cheminConserve(categorie, groupe, id);
    const cle = this.cle(relatif);
    const entetes: Record<string, string> = {
      "Content-Length": String(source.taille),
      "Content-Type": "application/octet-stream",
      "x-amz-meta-sha256": source.sha256,
    };
    if (this.config.sommeControle) {
      entetes["x-amz-checksum-sha256"] = Buffer.from(source.sha256, "hex").toString("base64");
    }
    await traduire(async () => {
      const corps = createReadStream(source.chemin, { highWaterMark: 1 << 20 });
      try {
        const reponse = await this.client.makeRequestStreamAsync(
          { method: "PUT", bucketName: this.config.bucket, objectName: cle, headers: entetes },
          corps,
          // En HTTP, le client signe la charge avec son sha256 (le stockage le vérifie) ; en HTTPS, il
          // signe « UNSIGNED-PAYLOAD » (TLS protège le transport) et l'en-tête de somme de contrôle reste.
          this.client.enableSHA256 ? source.sha256 : "",
          [200],
          this.config.region,
        );
        const renvoyee = reponse.headers["x-amz-checksum-sha256"];
        reponse.resume();
        if (typeof renvoyee === "string" && renvoyee !== entetes["x-amz-checksum-sha256"]) {
          throw new Error(`le stockage a reçu d'autres octets que ceux de ${relatif} (sha256 différent)`);
        }
      } finally {
        corps.destroy();
      }
      const lu = await this.client.statObject(this.config.bucket, cle);
      const sha = (lu.metaData as Record<string, string | undefined>)["sha256"];
      if (lu.size !== source.taille || (sha !== undefined && sha !== source.sha256)) {
        throw new Error(
          `le stockage ne confirme pas ${relatif} : ${lu.size} octets (attendu ${source.taille}), sha256 ${sha ?? "absent"}`,
        );
      }
    });
    return relatif;
  }

  /**
   * Ouvre un fichier conservé en flux (GetObject).
   *
   * @example
   * const flux = await stockage.lire("rendus/…/…");
   */
  async lire(relatif: string): Promise<Readable> {
    const cle = this.cle(relatif);
    return traduire(() => this.client.getObject(this.config.bucket, cle));
  }

  /**
   * Vrai si l'objet existe avec la taille attendue (HeadObject).
   *
   * @example
   * await stockage.present("rendus/…/…", 1234);
   */
  async present(relatif: string, taille: number): Promise<boolean> {
    const cle = this.cle(relatif);
    try {
      return (await traduire(() => this.client.statObject(this.config.bucket, cle))).size === taille;
    } catch (e) {
      if (estAbsent(e)) return false;
      throw e;
    }
  }

  /**
   * Les `n` premiers et les `n` derniers octets d'un objet : HeadObject puis deux GetObject à plage (Range).
   *
   * @example
   * const { debut, fin } = await stockage.lireBouts("rendus/…/…", 65_536);
   */
  async lireBouts(relatif: string, n: number): Promise<{ debut: Uint8Array; fin: Uint8Array }> {
    const cle = this.cle(relatif);
    const { size } = await traduire(() => this.client.statObject(this.config.bucket, cle));
    const plage = async (debut: number, longueur: number): Promise<Uint8Array> => {
      if (longueur === 0) return new Uint8Array(0);
      const flux = await traduire(() =>
        this.client.getPartialObject(this.config.bucket, cle, debut, longueur),
      );
      const morceaux: Buffer[] = [];
      for await (const m of flux) morceaux.push(m as Buffer);
      return Buffer.concat(morceaux);
    };
    if (size <= 2 * n) return { debut: await plage(0, size), fin: new Uint8Array(0) };
    const [debut, fin] = await Promise.all([plage(0, n), plage(size - n, n)]);
    return { debut, fin };
  }

  /**
   * Supprime un objet ; sans erreur s'il n'existe plus (DeleteObject est idempotent).
   *
   * @example
   * await stockage.supprimer("sujets/…/…");
   */
  async supprimer(relatif: string): Promise<void> {
    const cle = this.cle(relatif);
    await traduire(() => this.client.removeObject(this.config.bucket, cle));
  }

  /**
   * Les groupes d'une catégorie : les préfixes communs sous `<prefixe><categorie>/` (ListObjectsV2).
   *
   * @example
   * await stockage.groupes("rendus"); // ["0a…"]
   */
  async groupes(categorie: CategorieConservee): Promise<string[]> {
    const base = `${this.config.prefixe}${categorie}/`;
    const trouves = new Set<string>();
    for (const o of await this.#lister(base, false)) {
      const nom = (o.prefix ?? o.name ?? "").slice(base.length).split("/")[0];
      if (nom) trouves.add(nom);
    }
    return [...trouves];
  }

  /**
   * Supprime tous les objets sous `<prefixe><categorie>/<groupe>/`.
   *
   * @example
   * await stockage.supprimerGroupe("rendus", devoirId);
   */
  async supprimerGroupe(categorie: CategorieConservee, groupe: string): Promise<void> {
    const base = `${this.config.prefixe}${segmentsRelatifs(`${categorie}/${groupe}`).join("/")}/`;
    for (const o of await this.#lister(base, true)) {
      if (o.name) await traduire(() => this.client.removeObject(this.config.bucket, o.name!));
    }
  }

  /**
   * Vérifie que le bucket existe et répond (démarrage, `/ready`, test de contrat).
   *
   * @example
   * await stockage.verifier();
   */
  async verifier(): Promise<void> {
    const existe = await traduire(() => this.client.bucketExists(this.config.bucket));
    if (!existe) throw new Error(`le bucket ${this.config.bucket} n'existe pas sur ${this.config.endpoint}`);
  }

  async #lister(prefixe: string, recursif: boolean): Promise<{ name?: string; prefix?: string }[]> {
    return traduire(
      () =>
        new Promise((ok, ko) => {
          const objets: { name?: string; prefix?: string }[] = [];
          const flux = this.client.listObjectsV2(this.config.bucket, prefixe, recursif);
          flux.on("data", (o) => objets.push(o as { name?: string; prefix?: string }));
          flux.once("error", ko);
          flux.once("end", () => ok(objets));
        }),
    );
  }
}
