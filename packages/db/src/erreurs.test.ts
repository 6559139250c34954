import net from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { estBaseIndisponible } from "./erreurs.js";

describe("estBaseIndisponible", () => {
  it("reconnaît une connexion refusée par le vrai client pg, même enveloppée (cause)", async () => {
    // A port nobody listens on: take one, then close it.
    const port = await new Promise<number>((ok) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => ok(p));
      });
    });
    const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/x` });
    const e = await pool.query("select 1").catch((x: unknown) => x);
    await pool.end();
    expect(estBaseIndisponible(e)).toBe(true);
    expect(estBaseIndisponible(new Error("Failed query: select 1", { cause: e }))).toBe(true);
  });

  it("reconnaît l'arrêt du serveur (SQLSTATE 57P01) et la classe 08", () => {
    expect(estBaseIndisponible(Object.assign(new Error("terminating"), { code: "57P01" }))).toBe(true);
    expect(estBaseIndisponible(Object.assign(new Error("x"), { code: "08006" }))).toBe(true);
  });

  it("ne confond pas une erreur de requête avec une base injoignable", () => {
    expect(estBaseIndisponible(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(estBaseIndisponible(new TypeError("boom"))).toBe(false);
    expect(estBaseIndisponible(null)).toBe(false);
    expect(estBaseIndisponible("ECONNREFUSED")).toBe(false);
  });
});
