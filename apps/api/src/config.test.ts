import { describe, expect, it } from "vitest";
import { chargerConfig, ConfigError } from "./config.js";

const SECRET = "x".repeat(40);

function erreurDe(env: Record<string, string | undefined>): ConfigError {
  try {
    chargerConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("aucune erreur");
}

describe("chargerConfig", () => {
  it("has defaults for one machine: port 8787, ./.trousse-data, PGlite, demo off", () => {
    const c = chargerConfig({ TROUSSE_SESSION_SECRET: SECRET });
    expect(c.port).toBe(8787);
    expect(c.baseUrl).toBe("http://localhost:8787");
    expect(c.dataDir).toMatch(/\.trousse-data$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(false);
    expect(c.limites).toEqual({ parIpParMinute: 600, parUtilisateurParMinute: 300, corpsOctets: 65_536 });
    expect(c.secretEphemere).toBe(false);
    expect(c.expirationEnvoiMs).toBe(24 * 3_600_000);
  });

  it("reads how long an unfinished upload is kept, in hours (1 to 720)", () => {
    const c = chargerConfig({ TROUSSE_SESSION_SECRET: SECRET, TROUSSE_ENVOI_EXPIRATION_HEURES: "72" });
    expect(c.expirationEnvoiMs).toBe(72 * 3_600_000);
    const e = erreurDe({ TROUSSE_SESSION_SECRET: SECRET, TROUSSE_ENVOI_EXPIRATION_HEURES: "0" });
    expect(e.variable).toBe("TROUSSE_ENVOI_EXPIRATION_HEURES");
    expect(e.message).toBe(
      "TROUSSE_ENVOI_EXPIRATION_HEURES invalide (« 0 ») : attendu un nombre d'heures entre 1 et 720 (30 jours).",
    );
  });

  it("reads the storage quotas (versions per pupil and assignment, bytes per pupil), defaults from the rules", () => {
    const d = chargerConfig({ TROUSSE_SESSION_SECRET: SECRET });
    expect(d.quotas).toEqual({ versionsMax: 10, octetsParEleve: 2_147_483_648 });
    const c = chargerConfig({
      TROUSSE_SESSION_SECRET: SECRET,
      TROUSSE_VERSIONS_MAX: "3",
      TROUSSE_QUOTA_ELEVE_OCTETS: "524288000",
    });
    expect(c.quotas).toEqual({ versionsMax: 3, octetsParEleve: 524_288_000 });
    const e = erreurDe({ TROUSSE_SESSION_SECRET: SECRET, TROUSSE_QUOTA_ELEVE_OCTETS: "1000" });
    expect(e.variable).toBe("TROUSSE_QUOTA_ELEVE_OCTETS");
    expect(e.message).toBe(
      "TROUSSE_QUOTA_ELEVE_OCTETS invalide (« 1000 ») : attendu une taille en octets, au moins 1048576 (1 Mo).",
    );
  });

  it("names the bad variable, in French", () => {
    const e = erreurDe({ PORT: "quatre-vingt", TROUSSE_SESSION_SECRET: SECRET });
    expect(e.variable).toBe("PORT");
    expect(e.message).toBe("PORT invalide (« quatre-vingt ») : attendu un numéro de port entre 0 et 65535.");
    expect(erreurDe({ DATABASE_URL: "mysql://x", TROUSSE_SESSION_SECRET: SECRET }).variable).toBe(
      "DATABASE_URL",
    );
    expect(erreurDe({ TROUSSE_DEMO: "peut-etre" }).variable).toBe("TROUSSE_DEMO");
    expect(erreurDe({ TROUSSE_CORPS_MAX_OCTETS: "10" }).variable).toBe("TROUSSE_CORPS_MAX_OCTETS");
  });

  it("refuses demo mode with NODE_ENV=production", () => {
    const e = erreurDe({
      NODE_ENV: "production",
      TROUSSE_DEMO: "1",
      TROUSSE_BASE_URL: "https://t.fr",
      TROUSSE_SESSION_SECRET: SECRET,
    });
    expect(e.variable).toBe("TROUSSE_DEMO");
    expect(e.message).toContain("refusé avec NODE_ENV=production");
  });

  it("asks for TROUSSE_BASE_URL and a session secret in production", () => {
    expect(erreurDe({ NODE_ENV: "production", TROUSSE_SESSION_SECRET: SECRET }).variable).toBe(
      "TROUSSE_BASE_URL",
    );
    expect(erreurDe({ NODE_ENV: "production", TROUSSE_BASE_URL: "https://t.fr" }).variable).toBe(
      "TROUSSE_SESSION_SECRET",
    );
  });

  it("in demo mode without a secret, makes one for this process only", () => {
    const a = chargerConfig({ TROUSSE_DEMO: "1" });
    const b = chargerConfig({ TROUSSE_DEMO: "1" });
    expect(a.demo).toBe(true);
    expect(a.secretEphemere).toBe(true);
    expect(a.auth.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(a.auth.sessionSecret).not.toBe(b.auth.sessionSecret);
  });

  it("reads PostgreSQL, Redis, port and base URL", () => {
    const c = chargerConfig({
      TROUSSE_SESSION_SECRET: SECRET,
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      REDIS_URL: "redis://127.0.0.1:6379",
      PORT: "9000",
      TROUSSE_BASE_URL: "https://trousse.exemple.fr/",
    });
    expect(c).toMatchObject({
      databaseUrl: "postgres://postgres@127.0.0.1:5432/test",
      redisUrl: "redis://127.0.0.1:6379",
      port: 9000,
      baseUrl: "https://trousse.exemple.fr",
      redisPrefixe: "trousse:limite:",
    });
  });

  it("reads the Redis key prefix (several deployments on one Redis) and refuses a prefix with a space", () => {
    expect(
      chargerConfig({ TROUSSE_SESSION_SECRET: SECRET, TROUSSE_REDIS_PREFIXE: "academie-1:limite:" })
        .redisPrefixe,
    ).toBe("academie-1:limite:");
    expect(() => chargerConfig({ TROUSSE_SESSION_SECRET: SECRET, TROUSSE_REDIS_PREFIXE: "a b" })).toThrow(
      /TROUSSE_REDIS_PREFIXE invalide/,
    );
  });
});
