import type { TrousseDb, UtilisateurConnecte } from "@trousse/db";
import { describe, expect, it } from "vitest";
import { baseEmbarquee, CacheSessions, cacheSessionsDe } from "./cache-sessions.js";

const lea = { id: "u-lea", nomAffiche: "Léa Martin", role: "eleve" } as unknown as UtilisateurConnecte;
const hugo = { id: "u-hugo", nomAffiche: "Hugo Petit", role: "eleve" } as unknown as UtilisateurConnecte;

function horloge(depart = 1_000) {
  let t = depart;
  return { maintenant: () => t, avancer: (ms: number) => (t += ms) };
}

describe("CacheSessions", () => {
  it("garde une session vérifiée pendant sa durée, puis l'oublie", () => {
    const h = horloge();
    const cache = new CacheSessions({ dureeMs: 30_000, maintenant: h.maintenant });
    cache.garder("j1", lea);
    expect(cache.lire("j1", lea.id)).toBe(lea);
    h.avancer(29_999);
    expect(cache.lire("j1", lea.id)).toBe(lea);
    h.avancer(1);
    expect(cache.lire("j1", lea.id)).toBeUndefined();
    expect(cache.taille).toBe(0);
  });

  it("est indexé par jti et sub : un même jti pour un autre utilisateur ne lit pas la session gardée", () => {
    const cache = new CacheSessions();
    cache.garder("j1", lea);
    expect(cache.lire("j1", hugo.id)).toBeUndefined();
    cache.garder("j1", hugo);
    expect(cache.lire("j1", hugo.id)).toBe(hugo);
    expect(cache.lire("j1", lea.id)).toBe(lea);
    cache.oublier("j1");
    expect(cache.lire("j1", lea.id)).toBeUndefined();
    expect(cache.lire("j1", hugo.id)).toBeUndefined();
  });

  it("oublier(jti) retire la session aussitôt (déconnexion), les autres restent", () => {
    const cache = new CacheSessions();
    cache.garder("j1", lea);
    cache.garder("j2", lea);
    cache.oublier("j1");
    expect(cache.lire("j1", lea.id)).toBeUndefined();
    expect(cache.lire("j2", lea.id)).toBe(lea);
  });

  it("oublierUtilisateur(id) retire toutes les sessions de cet utilisateur seulement", () => {
    const cache = new CacheSessions();
    cache.garder("j1", lea);
    cache.garder("j2", lea);
    cache.garder("j3", hugo);
    cache.oublierUtilisateur("u-lea");
    expect(cache.lire("j1", lea.id)).toBeUndefined();
    expect(cache.lire("j2", lea.id)).toBeUndefined();
    expect(cache.lire("j3", hugo.id)).toBe(hugo);
  });

  it("est borné : au-delà de maxEntrees, la session la moins récemment lue part", () => {
    const cache = new CacheSessions({ maxEntrees: 2 });
    cache.garder("j1", lea);
    cache.garder("j2", hugo);
    expect(cache.lire("j1", lea.id)).toBe(lea); // j1 devient la plus récente
    cache.garder("j3", hugo);
    expect(cache.taille).toBe(2);
    expect(cache.lire("j2", hugo.id)).toBeUndefined();
    expect(cache.lire("j1", lea.id)).toBe(lea);
    expect(cache.lire("j3", hugo.id)).toBe(hugo);
  });

  it("dureeMs 0 : rien n'est gardé", () => {
    const cache = new CacheSessions({ dureeMs: 0 });
    cache.garder("j1", lea);
    expect(cache.lire("j1", lea.id)).toBeUndefined();
  });
});

describe("cacheSessionsDe", () => {
  it("un cache par base PGlite (même objet à chaque appel), aucun sur PostgreSQL", () => {
    const pglite = { $client: { dumpDataDir: () => undefined } } as unknown as TrousseDb;
    const postgres = { $client: { totalCount: 0, connect: () => undefined } } as unknown as TrousseDb;
    expect(baseEmbarquee(pglite)).toBe(true);
    expect(baseEmbarquee(postgres)).toBe(false);
    const cache = cacheSessionsDe(pglite);
    expect(cache).toBeInstanceOf(CacheSessions);
    expect(cacheSessionsDe(pglite)).toBe(cache);
    expect(cacheSessionsDe(postgres)).toBeNull();
  });
});
