import { describe, expect, it } from "vitest";
import { envPropre, executer, executerOuEchouer } from "./commande.js";

describe("executer", () => {
  it("rend le code et les sorties sans passer par un shell", () => {
    const r = executer(process.execPath, [
      "-e",
      "console.log('a; echo b'); console.error('e'); process.exit(3)",
    ]);
    expect(r).toEqual({ code: 3, sortie: "a; echo b\n", erreurs: "e\n" });
  });

  it("executerOuEchouer lève une erreur qui cite la commande et les sorties", () => {
    expect(() =>
      executerOuEchouer(process.execPath, ["-e", "console.error('raté'); process.exit(2)"]),
    ).toThrowError(/a échoué \(code 2\)[\s\S]*raté/);
  });
});

describe("envPropre", () => {
  it("retire NODE_ENV et les variables de vitest, garde le reste", () => {
    expect(
      envPropre({
        NODE_ENV: "test",
        VITEST: "true",
        VITEST_WORKER_ID: "1",
        __VITEST_POOL_ID__: "1",
        PATH: "/usr/bin",
        HOME: "/root",
      }),
    ).toEqual({
      PATH: "/usr/bin",
      HOME: "/root",
    });
  });

  it("est l'environnement par défaut des commandes lancées depuis un test", () => {
    const r = executer(process.execPath, ["-e", "process.stdout.write(String(process.env.NODE_ENV))"]);
    expect(r.sortie).toBe("undefined");
  });
});
