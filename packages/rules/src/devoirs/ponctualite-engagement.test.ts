import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { peutRendre } from "./peut-rendre.js";
import {
  DELAI_GRACE_ENGAGEMENT_MS,
  engagementSchema,
  heureALaSeconde,
  instantAJuger,
  libelleHorodatage,
  memesEmpreintes,
  ponctualiteEngagement,
} from "./ponctualite-engagement.js";

const A = { sha256: "a".repeat(64), taille: 3_000_000 };
const B = { sha256: "b".repeat(64), taille: 12 };
const devoir = {
  ouverture: "2026-03-23T08:00:00+01:00",
  echeance: "2026-03-31T23:00:00+02:00",
  dateLimite: "2026-04-02T23:00:00+02:00",
};
const engagement = { engageLe: "2026-03-31T22:59:50+02:00", fichiers: [A, B] };

describe("ponctualiteEngagement", () => {
  it("octets identiques reçus après l'échéance : l'heure de l'engagement compte, à l'heure", () => {
    const r = ponctualiteEngagement({
      devoir,
      engagement,
      recus: [B, A],
      recuLe: "2026-03-31T23:04:12+02:00",
    });
    expect(r).toEqual({
      ok: true,
      renduLe: new Date("2026-03-31T22:59:50+02:00"),
      enRetard: false,
      engage: true,
    });
  });

  it("sans engagement : l'heure de réception compte (en retard)", () => {
    const r = ponctualiteEngagement({ devoir, recus: [A], recuLe: "2026-03-31T23:04:12+02:00" });
    expect(r).toMatchObject({ ok: true, enRetard: true, engage: false });
  });

  it("autres octets : empreinte-differente, message en français", () => {
    const r = ponctualiteEngagement({
      devoir,
      engagement,
      recus: [A, { ...B, sha256: "c".repeat(64) }],
      recuLe: "2026-03-31T23:04:12+02:00",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("empreinte-differente");
    expect(r.message).toMatch(/empreinte diffère.*daté de maintenant/);
    expect(r.messageEn).toMatch(/fingerprint differs/);
  });

  it("même empreinte mais autre taille, ou un fichier de moins : empreinte-differente", () => {
    for (const recus of [[A, { ...B, taille: 13 }], [A], [A, B, B]]) {
      const r = ponctualiteEngagement({ devoir, engagement, recus, recuLe: "2026-03-31T23:01:00+02:00" });
      expect(r).toMatchObject({ ok: false, code: "empreinte-differente" });
    }
  });

  it("délai de grâce : borne incluse, une milliseconde de plus et l'engagement a expiré", () => {
    const t = new Date(engagement.engageLe).getTime();
    const pile = ponctualiteEngagement({
      devoir,
      engagement,
      recus: [A, B],
      recuLe: new Date(t + DELAI_GRACE_ENGAGEMENT_MS),
    });
    expect(pile).toMatchObject({ ok: true, enRetard: false, engage: true });
    const apres = ponctualiteEngagement({
      devoir,
      engagement,
      recus: [A, B],
      recuLe: new Date(t + DELAI_GRACE_ENGAGEMENT_MS + 1),
    });
    expect(apres).toMatchObject({ ok: false, code: "engagement-expire" });
    if (!apres.ok) expect(apres.message).toMatch(/a expiré.*24 h/);
    const court = ponctualiteEngagement({
      devoir,
      engagement,
      recus: [A, B],
      recuLe: new Date(t + 60_001),
      delaiGraceMs: 60_000,
    });
    expect(court).toMatchObject({ ok: false, code: "engagement-expire" });
  });

  it("engagement après l'échéance : en retard ; après la date limite : refusé (fermé)", () => {
    const tard = ponctualiteEngagement({
      devoir,
      engagement: { ...engagement, engageLe: "2026-04-01T10:00:00+02:00" },
      recus: [A, B],
      recuLe: "2026-04-01T10:05:00+02:00",
    });
    expect(tard).toMatchObject({ ok: true, enRetard: true, engage: true });
    const ferme = ponctualiteEngagement({
      devoir,
      engagement: { ...engagement, engageLe: "2026-04-03T10:00:00+02:00" },
      recus: [A, B],
      recuLe: "2026-04-03T10:05:00+02:00",
    });
    expect(ferme).toMatchObject({ ok: false, code: "date-limite-depassee" });
  });

  it("délai accordé à l'élève : son échéance compte pour l'engagement", () => {
    const r = ponctualiteEngagement({
      devoir,
      derogation: { echeance: "2026-04-07T23:00:00+02:00" },
      engagement: { ...engagement, engageLe: "2026-04-05T10:00:00+02:00" },
      recus: [A, B],
      recuLe: "2026-04-05T10:05:00+02:00",
    });
    expect(r).toMatchObject({ ok: true, enRetard: false, engage: true });
  });
});

describe("propriétés de ponctualiteEngagement", () => {
  const DEBUT = Date.UTC(2026, 2, 24);
  const ECHEANCE = new Date(devoir.echeance).getTime();
  const instant = fc.integer({ min: DEBUT, max: ECHEANCE + 5 * 86_400_000 });
  const empreinte = fc.record({
    sha256: fc.constantFrom("a".repeat(64), "b".repeat(64), "c".repeat(64)),
    taille: fc.integer({ min: 1, max: 4 }),
  });

  it("un engagement tenu ne juge jamais plus sévèrement que la réception seule", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: DELAI_GRACE_ENGAGEMENT_MS }), (e, d) => {
        const recuLe = new Date(e + d);
        const avec = ponctualiteEngagement({
          devoir,
          engagement: { engageLe: new Date(e), fichiers: [A] },
          recus: [A],
          recuLe,
        });
        const sans = peutRendre({ devoir, maintenant: recuLe });
        // Accepté sans engagement ⇒ accepté avec ; à l'heure sans ⇒ à l'heure avec.
        if (sans.ok) expect(avec.ok).toBe(true);
        if (sans.ok && !sans.enRetard && avec.ok) expect(avec.enRetard).toBe(false);
        // Avec engagement tenu, la décision est exactement celle d'un rendu reçu à l'instant de l'engagement.
        const alEngagement = peutRendre({ devoir, maintenant: new Date(e) });
        expect(avec.ok).toBe(alEngagement.ok);
        if (avec.ok && alEngagement.ok) expect(avec.enRetard).toBe(alEngagement.enRetard);
      }),
    );
  });

  it("des fichiers qui ne sont pas les mêmes (multi-ensemble) donnent toujours empreinte-differente", () => {
    fc.assert(
      fc.property(fc.array(empreinte, { maxLength: 4 }), fc.array(empreinte, { maxLength: 4 }), (p, r) => {
        const memes = memesEmpreintes(p, r);
        expect(memes).toBe(memesEmpreintes(r, p));
        expect(memesEmpreintes(p, [...p].reverse())).toBe(true);
        const res = ponctualiteEngagement({
          devoir,
          engagement: { engageLe: "2026-03-30T10:00:00+02:00", fichiers: p },
          recus: r,
          recuLe: "2026-03-30T10:00:01+02:00",
        });
        expect(res.ok === false && res.code === "empreinte-differente").toBe(!memes);
      }),
    );
  });
});

describe("engagementSchema, heures à la seconde", () => {
  it("refuse une empreinte qui n'est pas un sha256 hex, en français", () => {
    const r = engagementSchema.safeParse({ fichiers: [{ sha256: "xyz", taille: 3, nom: "a.pdf" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/64 chiffres hexadécimaux/);
    expect(engagementSchema.safeParse({ fichiers: [{ ...A, nom: "a.pdf" }] }).success).toBe(true);
    expect(engagementSchema.safeParse({ fichiers: [] }).success).toBe(false);
  });

  it("formate les deux heures", () => {
    expect(heureALaSeconde("2026-03-31T20:59:50Z")).toBe("22\u00a0h\u00a059\u00a0min\u00a050\u00a0s");
    expect(heureALaSeconde("2026-03-31T20:59:50Z", "en")).toBe("22:59:50");
    expect(
      libelleHorodatage({
        renduLe: "2026-03-31T20:59:50Z",
        recuLe: "2026-03-31T21:04:12Z",
        enRetard: false,
      })?.replace(/\u00a0/g, " "),
    ).toBe("engagé à 22 h 59 min 50 s, reçu à 23 h 04 min 12 s — rendu à l'heure");
    expect(libelleHorodatage({ renduLe: "2026-03-31T20:59:50Z", recuLe: null, enRetard: false })).toBeNull();
  });
});

describe("instantAJuger", () => {
  it("l'heure de l'engagement pendant le délai de grâce (borne incluse), maintenant sinon", () => {
    const e = "2026-03-31T21:58:50Z";
    expect(instantAJuger({ engageLe: e, maintenant: "2026-03-31T22:04:12Z" })).toEqual(new Date(e));
    const pile = new Date(new Date(e).getTime() + DELAI_GRACE_ENGAGEMENT_MS);
    expect(instantAJuger({ engageLe: e, maintenant: pile })).toEqual(new Date(e));
    const apres = new Date(pile.getTime() + 1);
    expect(instantAJuger({ engageLe: e, maintenant: apres })).toEqual(apres);
    expect(instantAJuger({ engageLe: null, maintenant: apres })).toEqual(apres);
    // Un engagement daté du futur (horloges) ne sert pas.
    expect(instantAJuger({ engageLe: e, maintenant: "2026-03-31T21:00:00Z" })).toEqual(
      new Date("2026-03-31T21:00:00Z"),
    );
  });
});
