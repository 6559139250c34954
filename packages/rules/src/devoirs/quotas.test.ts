import { describe, expect, it } from "vitest";
import { QUOTAS_PAR_DEFAUT, peutAjouterVersion, peutStocker } from "./quotas.js";

describe("peutAjouterVersion", () => {
  it("accepte jusqu'à versionsMax versions incluses, refuse la suivante", () => {
    expect(peutAjouterVersion({ versions: 0, versionsMax: 10 })).toEqual({ ok: true });
    expect(peutAjouterVersion({ versions: 9, versionsMax: 10 })).toEqual({ ok: true });
    const refus = peutAjouterVersion({ versions: 10, versionsMax: 10 });
    expect(refus).toMatchObject({ ok: false, code: "trop-de-versions" });
    expect(refus.ok === false && refus.message).toContain("10 versions");
  });
  it("défaut documenté : 10 versions, 2 Go par élève", () => {
    expect(QUOTAS_PAR_DEFAUT).toEqual({ versionsMax: 10, octetsParEleve: 2_147_483_648 });
  });
});

describe("peutStocker", () => {
  it("borne incluse, message qui dit l'espace utilisé, le reste et quoi faire", () => {
    const Mo = 1024 * 1024;
    expect(peutStocker({ utilises: 1024 * Mo, taille: 1024 * Mo, quotaOctets: 2048 * Mo })).toEqual({
      ok: true,
    });
    const refus = peutStocker({ utilises: 1900 * Mo, taille: 300 * Mo, quotaOctets: 2048 * Mo });
    expect(refus).toMatchObject({ ok: false, code: "quota-depasse" });
    if (refus.ok) throw new Error("refus attendu");
    expect(refus.message).toBe(
      "Cet envoi de 300\u00a0Mo dépasse votre espace de stockage : 1,9\u00a0Go déjà utilisés sur 2\u00a0Go (vos rendus et vos envois en cours), il reste 148\u00a0Mo. Retirez un fichier en cours d'envoi, ou envoyez une version plus légère (photo moins grande, document exporté en PDF).",
    );
    expect(refus.messageEn).toContain("148\u00a0MB left");
  });
});
