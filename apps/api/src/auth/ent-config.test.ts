import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chargerAuthConfig } from "./ent-config.js";
import { ConfigError } from "./erreurs.js";

const SECRET = "x".repeat(32);
const ODE = {
  id: "ode-paris",
  nom: "ENT Paris",
  type: "oidc",
  issuer: "https://ent.exemple.fr/auth/openid/",
  clientId: "trousse",
  clientSecret: "secret",
  originesAutorisees: ["https://ent.exemple.fr"],
};
const CAS = {
  id: "ent-cas",
  nom: "ENT CAS",
  type: "cas",
  casUrl: "https://cas.exemple.fr/cas",
  originesAutorisees: [],
};

function erreurDe(f: () => unknown): ConfigError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("aucune erreur levée");
}

describe("chargerAuthConfig", () => {
  it("lit TROUSSE_ENTS (JSON), normalise l'issuer et applique 60 minutes par défaut", () => {
    const config = chargerAuthConfig({
      TROUSSE_ENTS: JSON.stringify([ODE, CAS]),
      TROUSSE_SESSION_SECRET: SECRET,
    });
    expect(config.sessionDureeMinutes).toBe(60);
    expect(config.ents).toHaveLength(2);
    expect(config.ents[0]).toMatchObject({ type: "oidc", issuer: "https://ent.exemple.fr/auth/openid" });
    expect(config.ents[1]).toMatchObject({ type: "cas", casUrl: "https://cas.exemple.fr/cas" });
  });

  it("lit TROUSSE_ENTS_FILE (tableau ou { ents }) et les secrets « env:VARIABLE »", () => {
    const dossier = mkdtempSync(join(tmpdir(), "trousse-ents-"));
    const fichier = join(dossier, "ents.json");
    writeFileSync(fichier, JSON.stringify({ ents: [{ ...ODE, clientSecret: "env:ODE_SECRET" }] }));
    const config = chargerAuthConfig({
      TROUSSE_ENTS_FILE: fichier,
      TROUSSE_SESSION_SECRET: SECRET,
      ODE_SECRET: "lu-dans-l-environnement",
      TROUSSE_SESSION_DUREE_MINUTES: "15",
    });
    expect(config.ents[0]).toMatchObject({ clientSecret: "lu-dans-l-environnement" });
    expect(config.sessionDureeMinutes).toBe(15);
    expect(
      erreurDe(() => chargerAuthConfig({ TROUSSE_ENTS_FILE: fichier, TROUSSE_SESSION_SECRET: SECRET }))
        .variable,
    ).toBe("ODE_SECRET");
  });

  it("sans ENT configuré, donne une liste vide (mode démonstration seul)", () => {
    expect(chargerAuthConfig({ TROUSSE_SESSION_SECRET: SECRET }).ents).toEqual([]);
  });

  it("nomme la variable fautive, en français", () => {
    const sansSecret = erreurDe(() => chargerAuthConfig({}));
    expect(sansSecret.variable).toBe("TROUSSE_SESSION_SECRET");
    expect(sansSecret.message).toMatch(/manque/);
    expect(erreurDe(() => chargerAuthConfig({ TROUSSE_SESSION_SECRET: "court" })).variable).toBe(
      "TROUSSE_SESSION_SECRET",
    );
    const json = erreurDe(() => chargerAuthConfig({ TROUSSE_ENTS: "[{", TROUSSE_SESSION_SECRET: SECRET }));
    expect(json.variable).toBe("TROUSSE_ENTS");
    expect(json.message).toMatch(/JSON valide/);
    expect(
      erreurDe(() =>
        chargerAuthConfig({ TROUSSE_ENTS_FILE: "/nulle/part.json", TROUSSE_SESSION_SECRET: SECRET }),
      ).variable,
    ).toBe("TROUSSE_ENTS_FILE");
    expect(
      erreurDe(() =>
        chargerAuthConfig({ TROUSSE_SESSION_SECRET: SECRET, TROUSSE_SESSION_DUREE_MINUTES: "0" }),
      ).variable,
    ).toBe("TROUSSE_SESSION_DUREE_MINUTES");
  });

  it("refuse une origine avec chemin, un id réservé ou en double, un type inconnu", () => {
    const cas = (ents: unknown[]) =>
      erreurDe(() =>
        chargerAuthConfig({ TROUSSE_ENTS: JSON.stringify(ents), TROUSSE_SESSION_SECRET: SECRET }),
      );
    expect(cas([{ ...ODE, originesAutorisees: ["https://ent.exemple.fr/page"] }]).message).toMatch(
      /originesAutorisees\.0 : origine attendue/,
    );
    expect(cas([{ ...ODE, id: "demo" }]).message).toMatch(/réservé/);
    expect(cas([ODE, ODE]).message).toMatch(/même identifiant/);
    expect(cas([{ ...ODE, type: "saml" }]).variable).toBe("TROUSSE_ENTS");
    expect(cas([{ ...ODE, clientSecret: "" }]).message).toMatch(/clientSecret/);
  });

  it("lit « attributs » : entcore par défaut, sdet, ou une correspondance explicite ; refuse un champ inconnu", () => {
    const config = chargerAuthConfig({
      TROUSSE_ENTS: JSON.stringify([
        ODE,
        { ...CAS, attributs: "sdet" },
        {
          ...CAS,
          id: "ent-3",
          attributs: { base: "sdet", classes: ["maClasse"], valeursProfil: { X: "eleve" } },
        },
      ]),
      TROUSSE_SESSION_SECRET: SECRET,
    });
    expect(config.ents.map((e) => e.attributs)).toEqual([
      undefined,
      "sdet",
      { base: "sdet", classes: ["maClasse"], valeursProfil: { X: "eleve" } },
    ]);
    for (const attributs of ["ldap", { classe: ["x"] }, { valeursProfil: { X: "directeur" } }, { uai: [] }]) {
      const e = erreurDe(() =>
        chargerAuthConfig({
          TROUSSE_ENTS: JSON.stringify([{ ...CAS, attributs }]),
          TROUSSE_SESSION_SECRET: SECRET,
        }),
      );
      expect(e.variable).toBe("TROUSSE_ENTS");
      expect(e.message).toContain("attributs");
    }
  });
});
