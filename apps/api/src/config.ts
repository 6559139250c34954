import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { z } from "zod";
import { QUOTAS_PAR_DEFAUT } from "@trousse/rules";
import { chargerAuthConfig, ConfigError, type AuthConfig } from "./auth/index.js";
import type { ConfigS3 } from "./stockage/stockage-s3.js";

/** The validated settings of one API process. */
export interface Config {
  nodeEnv: string;
  port: number;
  host: string;
  /** Public base URL, without trailing slash (redirect URIs, CAS service URLs, links). */
  baseUrl: string;
  /** Demo mode (`TROUSSE_DEMO=1`): demo users, demo sign-in, banner. Never with NODE_ENV=production. */
  demo: boolean;
  /** PostgreSQL URL; when absent, embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Shared store for the rate limits of several processes. */
  redisUrl: string | undefined;
  /** Prefix of the rate-limit keys in Redis (several deployments, or tests, on one Redis). */
  redisPrefixe: string;
  logLevel: string;
  /** Trust `X-Forwarded-For` (set when the API runs behind a reverse proxy). */
  trustProxy: boolean;
  limites: {
    /** Requests per minute and per IP address. */
    parIpParMinute: number;
    /** Requests per minute and per signed-in user. */
    parUtilisateurParMinute: number;
    /** Maximum size of a JSON request body, in bytes. */
    corpsOctets: number;
  };
  /** An unfinished upload (tus) is deleted this long after its creation, in ms. */
  expirationEnvoiMs: number;
  /** Storage quotas, counted in the database: versions per pupil and assignment, bytes per pupil. */
  quotas: { versionsMax: number; octetsParEleve: number };
  /**
   * How long after a pupil's commitment (`engager`) the files may arrive and still take the commitment's
   * time, in ms (`ponctualiteEngagement` of the rules; bound included).
   */
  graceEngagementMs: number;
  /** Admission control of uploads (`protection/admission.ts`): beyond these bounds, new upload requests get 503. */
  admission: {
    /** Upload requests (tus POST/PATCH) in flight at once in this process. */
    envoisMax: number;
    /** Bytes announced by the uploads in flight (PATCH bodies), at once in this process. */
    octetsEnVolMax: number;
    /** Event-loop delay (p99 over the last second) beyond which new uploads are shed, in ms; 0: not watched. */
    delaiBoucleMaxMs: number;
    /** Base of `Retry-After`, in seconds (jitter added: up to +50 %). */
    reessaiSecondes: number;
    /** Other API requests (engager, rendre, reads) in flight beyond which new uploads are shed. */
    prioritairesMax: number;
  };
  /** Where kept files live: the data folder (`fichiers/`) or an S3-compatible object store. */
  stockage: { nature: "dossier" } | { nature: "s3"; s3: ConfigS3 };
  /** Number of API processes started by the launcher (`node:cluster`); 1 by default. */
  processus: number;
  /** How long SIGTERM waits for in-flight requests (PATCH, « rendre ») before closing them, in ms. */
  arretMaxMs: number;
  /** Connections the kernel holds for the process before it accepts them (listen backlog). */
  fileConnexions: number;
  /** Embedded PGlite in its own worker thread (`TROUSSE_PGLITE_FIL`, default on), off the API's event loop. */
  pgliteFil: boolean;
  auth: AuthConfig;
  /** True when the session secret was generated at start (demo only): sessions die with the process. */
  secretEphemere: boolean;
}

export { ConfigError };

const entier = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const interrupteur = z
  .enum(["0", "1", "true", "false", "oui", "non", ""])
  .transform((v) => ["1", "true", "oui"].includes(v));

const champs = {
  NODE_ENV: z.string().default("development"),
  PORT: entier(0, 65_535).default(8787),
  HOST: z.string().min(1).default("0.0.0.0"),
  TROUSSE_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TROUSSE_DEMO: interrupteur.default(false),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "adresse postgres://… attendue")
    .optional(),
  TROUSSE_DATA_DIR: z.string().min(1).default("./.trousse-data"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "adresse redis://… attendue")
    .optional(),
  TROUSSE_REDIS_PREFIXE: z
    .string()
    .regex(/^[0-9a-zA-Z._:-]{1,64}$/)
    .default("trousse:limite:"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TROUSSE_TRUST_PROXY: interrupteur.default(false),
  TROUSSE_LIMITE_IP_MINUTE: entier(1, 100_000_000).default(600),
  TROUSSE_LIMITE_UTILISATEUR_MINUTE: entier(1, 100_000_000).default(300),
  TROUSSE_CORPS_MAX_OCTETS: entier(1024, 10 * 1024 * 1024).default(64 * 1024),
  TROUSSE_ENVOI_EXPIRATION_HEURES: entier(1, 720).default(24),
  TROUSSE_ENGAGEMENT_GRACE_HEURES: entier(1, 720).default(24),
  TROUSSE_ADMISSION_ENVOIS_MAX: entier(1, 100_000).default(8),
  TROUSSE_ADMISSION_OCTETS_MAX: entier(1024 * 1024, 2 ** 40).default(256 * 1024 * 1024),
  TROUSSE_ADMISSION_DELAI_BOUCLE_MS: entier(0, 60_000).default(200),
  TROUSSE_ADMISSION_REESSAI_SECONDES: entier(1, 3600).default(20),
  TROUSSE_ADMISSION_PRIORITAIRES_MAX: entier(0, 100_000).default(4),
  TROUSSE_VERSIONS_MAX: entier(1, 1000).default(QUOTAS_PAR_DEFAUT.versionsMax),
  TROUSSE_QUOTA_ELEVE_OCTETS: entier(1024 * 1024, 2 ** 50).default(QUOTAS_PAR_DEFAUT.octetsParEleve),
  TROUSSE_STOCKAGE: z.enum(["dossier", "s3"]).default("dossier"),
  TROUSSE_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  TROUSSE_S3_REGION: z.string().min(1).default("us-east-1"),
  TROUSSE_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
    .optional(),
  TROUSSE_S3_ACCESS_KEY: z.string().min(1).optional(),
  TROUSSE_S3_SECRET_KEY: z.string().min(1).optional(),
  TROUSSE_S3_PREFIXE: z
    .string()
    .regex(/^([0-9a-zA-Z._-]+\/)*$/)
    .default(""),
  TROUSSE_S3_CHEMIN_STYLE: interrupteur.default(true),
  TROUSSE_S3_SOMME_CONTROLE: interrupteur.default(true),
  TROUSSE_S3_DELAI_SECONDES: entier(1, 600).default(30),
  TROUSSE_PROCESSUS: entier(1, 256).default(1),
  TROUSSE_ARRET_MAX_SECONDES: entier(0, 3600).default(60),
  TROUSSE_FILE_CONNEXIONS: entier(1, 1_000_000).default(4096),
  TROUSSE_PGLITE_FIL: interrupteur.default(true),
} as const;

const ATTENDU: Record<keyof typeof champs, string> = {
  NODE_ENV: "production, development ou test",
  PORT: "un numéro de port entre 0 et 65535",
  HOST: "une adresse d'écoute (ex. 0.0.0.0)",
  TROUSSE_BASE_URL: "l'adresse publique de l'API, ex. https://trousse.exemple.fr",
  TROUSSE_DEMO: "1 (mode démonstration) ou 0",
  DATABASE_URL: "une adresse postgres://utilisateur@hote:5432/base",
  TROUSSE_DATA_DIR: "un dossier",
  REDIS_URL: "une adresse redis://hote:6379",
  TROUSSE_REDIS_PREFIXE: "un préfixe de clés Redis (lettres, chiffres, . _ : -), ex. trousse:limite:",
  LOG_LEVEL: "fatal, error, warn, info, debug, trace ou silent",
  TROUSSE_TRUST_PROXY: "1 (derrière un proxy inverse) ou 0",
  TROUSSE_LIMITE_IP_MINUTE: "un nombre de requêtes par minute",
  TROUSSE_LIMITE_UTILISATEUR_MINUTE: "un nombre de requêtes par minute",
  TROUSSE_CORPS_MAX_OCTETS: "une taille en octets, entre 1024 et 10485760",
  TROUSSE_ENVOI_EXPIRATION_HEURES: "un nombre d'heures entre 1 et 720 (30 jours)",
  TROUSSE_ENGAGEMENT_GRACE_HEURES: "un nombre d'heures entre 1 et 720 (30 jours)",
  TROUSSE_ADMISSION_ENVOIS_MAX: "un nombre d'envois simultanés entre 1 et 100000",
  TROUSSE_ADMISSION_OCTETS_MAX: "une taille en octets, au moins 1048576 (1 Mo)",
  TROUSSE_ADMISSION_DELAI_BOUCLE_MS: "un nombre de millisecondes entre 0 (non surveillé) et 60000",
  TROUSSE_ADMISSION_REESSAI_SECONDES: "un nombre de secondes entre 1 et 3600",
  TROUSSE_ADMISSION_PRIORITAIRES_MAX: "un nombre de requêtes entre 0 et 100000",
  TROUSSE_VERSIONS_MAX: "un nombre de versions par élève et par devoir, entre 1 et 1000",
  TROUSSE_QUOTA_ELEVE_OCTETS: "une taille en octets, au moins 1048576 (1 Mo)",
  TROUSSE_STOCKAGE: "dossier (défaut : le dossier de données) ou s3",
  TROUSSE_S3_ENDPOINT: "l'adresse du stockage S3, ex. https://s3.fr-par.scw.cloud",
  TROUSSE_S3_REGION: "la région du stockage S3, ex. fr-par, gra ou us-east-1",
  TROUSSE_S3_BUCKET: "un nom de bucket S3 (minuscules, chiffres, points et tirets)",
  TROUSSE_S3_ACCESS_KEY: "la clé d'accès S3",
  TROUSSE_S3_SECRET_KEY: "la clé secrète S3",
  TROUSSE_S3_PREFIXE: "un préfixe de clés terminé par /, ex. trousse/ (vide par défaut)",
  TROUSSE_S3_CHEMIN_STYLE: "1 (adresses https://hote/bucket/cle) ou 0 (https://bucket.hote/cle)",
  TROUSSE_S3_SOMME_CONTROLE: "1 (en-tête x-amz-checksum-sha256) ou 0",
  TROUSSE_S3_DELAI_SECONDES: "un nombre de secondes entre 1 et 600",
  TROUSSE_PROCESSUS: "un nombre de processus entre 1 et 256",
  TROUSSE_ARRET_MAX_SECONDES: "un nombre de secondes entre 0 et 3600",
  TROUSSE_FILE_CONNEXIONS: "un nombre de connexions en attente entre 1 et 1000000",
  TROUSSE_PGLITE_FIL: "1 (PGlite dans son propre fil) ou 0 (dans la boucle de l'API)",
};

type Lu = { [K in keyof typeof champs]: z.output<(typeof champs)[K]> };

function lire(env: Record<string, string | undefined>, noms: readonly (keyof typeof champs)[]): Lu {
  const lu: Record<string, unknown> = {};
  for (const nom of noms) {
    const brut = env[nom];
    const r = champs[nom].safeParse(brut === "" ? undefined : brut);
    if (!r.success) {
      throw new ConfigError(nom, `${nom} invalide (« ${String(brut)} ») : attendu ${ATTENDU[nom]}.`);
    }
    lu[nom] = r.data;
  }
  return lu as Lu;
}

const NOMS_STOCKAGE = [
  "TROUSSE_STOCKAGE",
  "TROUSSE_S3_ENDPOINT",
  "TROUSSE_S3_REGION",
  "TROUSSE_S3_BUCKET",
  "TROUSSE_S3_ACCESS_KEY",
  "TROUSSE_S3_SECRET_KEY",
  "TROUSSE_S3_PREFIXE",
  "TROUSSE_S3_CHEMIN_STYLE",
  "TROUSSE_S3_SOMME_CONTROLE",
  "TROUSSE_S3_DELAI_SECONDES",
] as const;

/**
 * Reads and validates only the file storage settings (`TROUSSE_STOCKAGE`, `TROUSSE_S3_*`): the export and
 * purge commands use them without the rest of the server's settings.
 *
 * @example
 * chargerConfigStockage({ TROUSSE_STOCKAGE: "s3" }); // throws ConfigError("TROUSSE_S3_ENDPOINT", …)
 */
export function chargerConfigStockage(env: Record<string, string | undefined>): Config["stockage"] {
  const v = lire(env, NOMS_STOCKAGE);
  if (v.TROUSSE_STOCKAGE !== "s3") return { nature: "dossier" };
  for (const nom of [
    "TROUSSE_S3_ENDPOINT",
    "TROUSSE_S3_BUCKET",
    "TROUSSE_S3_ACCESS_KEY",
    "TROUSSE_S3_SECRET_KEY",
  ] as const) {
    if (!v[nom])
      throw new ConfigError(nom, `${nom} manque : avec TROUSSE_STOCKAGE=s3, donnez ${ATTENDU[nom]}.`);
  }
  return {
    nature: "s3",
    s3: {
      endpoint: v.TROUSSE_S3_ENDPOINT!,
      region: v.TROUSSE_S3_REGION,
      bucket: v.TROUSSE_S3_BUCKET!,
      accessKey: v.TROUSSE_S3_ACCESS_KEY!,
      secretKey: v.TROUSSE_S3_SECRET_KEY!,
      prefixe: v.TROUSSE_S3_PREFIXE,
      cheminStyle: v.TROUSSE_S3_CHEMIN_STYLE,
      sommeControle: v.TROUSSE_S3_SOMME_CONTROLE,
      delaiMs: v.TROUSSE_S3_DELAI_SECONDES * 1000,
    },
  };
}

/**
 * Reads and validates the environment. Throws a `ConfigError` naming the bad variable, in French.
 * `TROUSSE_DEMO=1` is refused with `NODE_ENV=production`. In demo mode without `TROUSSE_SESSION_SECRET`,
 * a random secret is made for this process only.
 *
 * @example
 * const config = chargerConfig(process.env); // throws ConfigError("PORT", "PORT invalide : …")
 */
export function chargerConfig(env: Record<string, string | undefined>): Config {
  const v = lire(env, Object.keys(champs) as (keyof typeof champs)[]);
  const production = v.NODE_ENV === "production";
  if (v.TROUSSE_DEMO && production) {
    throw new ConfigError(
      "TROUSSE_DEMO",
      "TROUSSE_DEMO=1 est refusé avec NODE_ENV=production : le mode démonstration crée des comptes fictifs sans mot de passe.",
    );
  }
  if (production && !v.TROUSSE_BASE_URL) {
    throw new ConfigError(
      "TROUSSE_BASE_URL",
      "TROUSSE_BASE_URL manque : en production, donnez l'adresse publique de l'API (ex. https://trousse.exemple.fr).",
    );
  }
  let secretEphemere = false;
  const envAuth = { ...env };
  if (v.TROUSSE_DEMO && !env.TROUSSE_SESSION_SECRET) {
    envAuth.TROUSSE_SESSION_SECRET = randomBytes(48).toString("base64url");
    secretEphemere = true;
  }
  const auth = chargerAuthConfig(envAuth);
  const stockage = chargerConfigStockage(env);
  if (v.TROUSSE_PROCESSUS > 1 && !v.DATABASE_URL) {
    throw new ConfigError(
      "TROUSSE_PROCESSUS",
      "TROUSSE_PROCESSUS > 1 demande DATABASE_URL : la base intégrée (PGlite) n'admet qu'un processus.",
    );
  }
  const baseUrl = (v.TROUSSE_BASE_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, "");
  return {
    nodeEnv: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    baseUrl,
    demo: v.TROUSSE_DEMO,
    databaseUrl: v.DATABASE_URL,
    dataDir: resolve(v.TROUSSE_DATA_DIR),
    redisUrl: v.REDIS_URL,
    redisPrefixe: v.TROUSSE_REDIS_PREFIXE,
    logLevel: v.LOG_LEVEL,
    trustProxy: v.TROUSSE_TRUST_PROXY,
    limites: {
      parIpParMinute: v.TROUSSE_LIMITE_IP_MINUTE,
      parUtilisateurParMinute: v.TROUSSE_LIMITE_UTILISATEUR_MINUTE,
      corpsOctets: v.TROUSSE_CORPS_MAX_OCTETS,
    },
    expirationEnvoiMs: v.TROUSSE_ENVOI_EXPIRATION_HEURES * 3_600_000,
    quotas: { versionsMax: v.TROUSSE_VERSIONS_MAX, octetsParEleve: v.TROUSSE_QUOTA_ELEVE_OCTETS },
    graceEngagementMs: v.TROUSSE_ENGAGEMENT_GRACE_HEURES * 3_600_000,
    admission: {
      envoisMax: v.TROUSSE_ADMISSION_ENVOIS_MAX,
      octetsEnVolMax: v.TROUSSE_ADMISSION_OCTETS_MAX,
      delaiBoucleMaxMs: v.TROUSSE_ADMISSION_DELAI_BOUCLE_MS,
      reessaiSecondes: v.TROUSSE_ADMISSION_REESSAI_SECONDES,
      prioritairesMax: v.TROUSSE_ADMISSION_PRIORITAIRES_MAX,
    },
    stockage,
    processus: v.TROUSSE_PROCESSUS,
    arretMaxMs: v.TROUSSE_ARRET_MAX_SECONDES * 1000,
    fileConnexions: v.TROUSSE_FILE_CONNEXIONS,
    pgliteFil: v.TROUSSE_PGLITE_FIL,
    auth,
    secretEphemere,
  };
}
