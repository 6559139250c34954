import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { emettreJeton, verifierJeton } from "./session.js";

const SECRET = "un-secret-de-session-de-plus-de-32-caracteres";
const U = { id: "6f1c2b8e-0000-4000-8000-000000000001", role: "enseignant" as const, entId: "ode-paris" };

describe("jetons de session", () => {
  it("porte sub, role, ent, jti et exp (60 minutes)", async () => {
    const maintenant = new Date("2026-03-02T08:00:00Z");
    const { jeton, jti, expireLe } = await emettreJeton(U, { secret: SECRET, dureeMinutes: 60, maintenant });
    expect(expireLe.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(decodeJwt(jeton)).toMatchObject({
      sub: U.id,
      role: "enseignant",
      ent: "ode-paris",
      jti,
      exp: expireLe.getTime() / 1000,
    });
  });

  it("vérifie un jeton valide et le rend lisible", async () => {
    const { jeton, jti } = await emettreJeton(U, { secret: SECRET, dureeMinutes: 5 });
    expect(await verifierJeton(jeton, SECRET)).toMatchObject({
      sub: U.id,
      role: "enseignant",
      ent: "ode-paris",
      jti,
    });
  });

  it("donne des jti différents à chaque connexion", async () => {
    const a = await emettreJeton(U, { secret: SECRET, dureeMinutes: 5 });
    const b = await emettreJeton(U, { secret: SECRET, dureeMinutes: 5 });
    expect(a.jti).not.toBe(b.jti);
  });

  it("refuse un jeton émis dans le futur (iat), au-delà de 60 s d'écart d'horloge", async () => {
    const futur = await emettreJeton(U, {
      secret: SECRET,
      dureeMinutes: 60,
      maintenant: new Date(Date.now() + 120_000),
    });
    await expect(verifierJeton(futur.jeton, SECRET)).rejects.toMatchObject({
      code: "non-authentifie",
      status: 401,
    });
    const decale = await emettreJeton(U, {
      secret: SECRET,
      dureeMinutes: 60,
      maintenant: new Date(Date.now() + 30_000),
    });
    expect((await verifierJeton(decale.jeton, SECRET)).jti).toBe(decale.jti);
  });

  it("distingue un jeton expiré d'un jeton falsifié", async () => {
    const vieux = await emettreJeton(U, {
      secret: SECRET,
      dureeMinutes: 1,
      maintenant: new Date(Date.now() - 120_000),
    });
    await expect(verifierJeton(vieux.jeton, SECRET)).rejects.toMatchObject({
      code: "session-expiree",
      status: 401,
    });
    const { jeton } = await emettreJeton(U, { secret: SECRET, dureeMinutes: 5 });
    const [h, , s] = jeton.split(".");
    const charge = Buffer.from(JSON.stringify({ ...decodeJwt(jeton), role: "personnel" })).toString(
      "base64url",
    );
    await expect(verifierJeton(`${h}.${charge}.${s}`, SECRET)).rejects.toMatchObject({
      code: "non-authentifie",
    });
  });
});
