import { readFileSync } from "node:fs";
import { z } from "zod";
import { ROLES } from "@trousse/db";
import { CHAMPS_CORRESPONDANCE } from "./correspondances.js";
import { ConfigError } from "./erreurs.js";
import { normaliserOrigine } from "./origines.js";

const idEnt = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    "identifiant d'ENT : lettres minuscules, chiffres et tirets (ex. « ode-paris »)",
  )
  .refine((id) => id !== "demo", "l'identifiant « demo » est réservé au mode démonstration");

const origine = z.string().refine((o) => normaliserOrigine(o) !== null, {
  message: "origine attendue sous la forme https://ent.exemple.fr (sans chemin)",
});

const urlHttp = z
  .url({ protocol: /^https?$/, error: "adresse http(s) attendue" })
  .transform((u) => u.replace(/\/+$/, ""));

const nomsAttributs = z.array(z.string().trim().min(1).max(100)).min(1, "au moins un nom d'attribut");

/**
 * `attributs`: which names the ENT sends — `"entcore"` (default), `"sdet"` (national ENT specification,
 * common over CAS), or an explicit map over a `base` (see `correspondances.ts`).
 */
const attributsSchema = z.union([
  z.enum(["entcore", "sdet"]),
  z.strictObject({
    base: z.enum(["entcore", "sdet"]).optional(),
    valeursProfil: z.record(z.string().min(1), z.enum(ROLES)).optional(),
    ...Object.fromEntries(CHAMPS_CORRESPONDANCE.map((c) => [c, nomsAttributs.optional()])),
  }),
]);

const communEnt = {
  id: idEnt,
  nom: z.string().trim().min(1, "nom de l'ENT manquant"),
  originesAutorisees: z.array(origine).default([]),
  attributs: attributsSchema.optional(),
};

/** One ENT speaking OpenID Connect (authorization code), as ODE/entcore serves it. */
export const entOidcSchema = z.object({
  ...communEnt,
  type: z.literal("oidc"),
  /** Issuer: discovery is read at `<issuer>/.well-known/openid-configuration` (ODE: `https://<ent>/auth/openid`). */
  issuer: urlHttp,
  clientId: z.string().min(1, "clientId manquant"),
  clientSecret: z.string().min(1, "clientSecret manquant"),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, "scope invalide")).optional(),
});

/** One ENT speaking CAS 2.0 (`<casUrl>/login`, `<casUrl>/serviceValidate`). */
export const entCasSchema = z.object({
  ...communEnt,
  type: z.literal("cas"),
  /** CAS base URL, e.g. `https://ent.exemple.fr/cas`. */
  casUrl: urlHttp,
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
});

export const entSchema = z.discriminatedUnion("type", [entOidcSchema, entCasSchema]);

/** The ENT sign-in settings: the ENTs, the secret signing session tokens and their lifetime. */
export const authConfigSchema = z.object({
  ents: z.array(entSchema).refine((ents) => new Set(ents.map((e) => e.id)).size === ents.length, {
    message: "deux ENT ont le même identifiant",
  }),
  sessionSecret: z.string().min(32, "au moins 32 caractères aléatoires"),
  sessionDureeMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});

export type EntOidc = z.infer<typeof entOidcSchema>;
export type EntCas = z.infer<typeof entCasSchema>;
export type EntConfig = z.infer<typeof entSchema>;
export type AuthConfig = z.infer<typeof authConfigSchema>;

function decrireProblemes(erreur: z.ZodError): string {
  return erreur.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "(racine)"} : ${i.message}`)
    .join(" ; ");
}

function lireEnts(env: Record<string, string | undefined>): { variable: string; valeur: unknown } {
  const brut = env.TROUSSE_ENTS;
  const fichier = env.TROUSSE_ENTS_FILE;
  if (brut !== undefined && brut.trim() !== "") {
    try {
      return { variable: "TROUSSE_ENTS", valeur: JSON.parse(brut) };
    } catch (e) {
      throw new ConfigError(
        "TROUSSE_ENTS",
        "TROUSSE_ENTS n'est pas un JSON valide (tableau d'ENT attendu).",
        {
          cause: e,
        },
      );
    }
  }
  if (fichier !== undefined && fichier.trim() !== "") {
    let texte: string;
    try {
      texte = readFileSync(fichier, "utf8");
    } catch (e) {
      throw new ConfigError(
        "TROUSSE_ENTS_FILE",
        `TROUSSE_ENTS_FILE : impossible de lire le fichier « ${fichier} ».`,
        {
          cause: e,
        },
      );
    }
    try {
      return { variable: "TROUSSE_ENTS_FILE", valeur: JSON.parse(texte) };
    } catch (e) {
      throw new ConfigError(
        "TROUSSE_ENTS_FILE",
        `TROUSSE_ENTS_FILE : « ${fichier} » n'est pas un JSON valide.`,
        {
          cause: e,
        },
      );
    }
  }
  return { variable: "TROUSSE_ENTS", valeur: [] };
}

/**
 * Reads the ENT sign-in settings from the environment: `TROUSSE_ENTS` (JSON array of ENTs) or
 * `TROUSSE_ENTS_FILE` (path to a JSON file holding that array, or `{ "ents": [...] }`),
 * `TROUSSE_SESSION_SECRET` (≥ 32 characters) and `TROUSSE_SESSION_DUREE_MINUTES` (default 60).
 * A client secret written `"env:NOM_VARIABLE"` is read from that variable, so secrets stay out of files.
 * Throws a `ConfigError` naming the variable to fix.
 *
 * @example
 * const config = chargerAuthConfig({
 *   TROUSSE_SESSION_SECRET: "une-longue-phrase-secrete-de-32-caracteres-ou-plus",
 *   TROUSSE_ENTS: JSON.stringify([{ id: "ode-paris", nom: "ENT Paris", type: "oidc",
 *     issuer: "https://ent.exemple.fr/auth/openid", clientId: "trousse", clientSecret: "env:ODE_SECRET",
 *     originesAutorisees: ["https://ent.exemple.fr"] }]),
 *   ODE_SECRET: "…",
 * });
 */
export function chargerAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const { variable, valeur } = lireEnts(env);
  const tableau =
    valeur !== null && typeof valeur === "object" && !Array.isArray(valeur) && "ents" in valeur
      ? (valeur as { ents: unknown }).ents
      : valeur;
  const ents = z.array(z.unknown()).safeParse(tableau);
  if (!ents.success) {
    throw new ConfigError(variable, `${variable} : un tableau d'ENT est attendu.`);
  }
  const resolus = ents.data.map((ent, i) => {
    if (ent === null || typeof ent !== "object") return ent;
    const secret = (ent as { clientSecret?: unknown }).clientSecret;
    if (typeof secret === "string" && secret.startsWith("env:")) {
      const nom = secret.slice(4);
      const lu = env[nom];
      if (lu === undefined || lu === "") {
        throw new ConfigError(nom, `${nom} manque : l'ENT n° ${i + 1} y lit son clientSecret.`);
      }
      return { ...ent, clientSecret: lu };
    }
    return ent;
  });

  const secret = env.TROUSSE_SESSION_SECRET;
  if (secret === undefined || secret === "") {
    throw new ConfigError(
      "TROUSSE_SESSION_SECRET",
      "TROUSSE_SESSION_SECRET manque : donnez au moins 32 caractères aléatoires (ex. `openssl rand -base64 48`).",
    );
  }
  const dureeTexte = env.TROUSSE_SESSION_DUREE_MINUTES;
  const duree = dureeTexte === undefined || dureeTexte === "" ? undefined : Number(dureeTexte);
  if (duree !== undefined && (!Number.isInteger(duree) || duree < 1 || duree > 24 * 60)) {
    throw new ConfigError(
      "TROUSSE_SESSION_DUREE_MINUTES",
      "TROUSSE_SESSION_DUREE_MINUTES : un nombre entier de minutes entre 1 et 1440 est attendu.",
    );
  }

  const resultat = authConfigSchema.safeParse({
    ents: resolus,
    sessionSecret: secret,
    sessionDureeMinutes: duree,
  });
  if (!resultat.success) {
    const surSecret = resultat.error.issues.some((i) => i.path[0] === "sessionSecret");
    const nom = surSecret ? "TROUSSE_SESSION_SECRET" : variable;
    throw new ConfigError(nom, `${nom} invalide : ${decrireProblemes(resultat.error)}.`);
  }
  return resultat.data;
}

/**
 * Finds a configured ENT by id.
 *
 * @example
 * const ent = trouverEnt(config, "ode-paris"); // EntConfig | undefined
 */
export function trouverEnt(config: AuthConfig, id: string): EntConfig | undefined {
  return config.ents.find((e) => e.id === id);
}
