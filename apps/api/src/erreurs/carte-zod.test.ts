import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { codeIssue, installerCarteZod } from "./carte-zod.js";
import { detailsZod } from "./details-zod.js";

installerCarteZod();

const ANGLAIS = /\b(invalid|expected|received|too (big|small)|unrecognized|must)\b/i;

describe("carte d'erreurs zod en français", () => {
  it("chaque sorte d'erreur sans message du schéma est dite en français, avec un code stable", () => {
    const schema = z.strictObject({
      texte: z.string().max(3),
      nombre: z.number().int().min(1),
      choix: z.enum(["a", "b"]),
      liste: z.array(z.string()).max(1),
      id: z.guid(),
      obligatoire: z.boolean(),
      union: z.union([z.string(), z.number()]),
    });
    const r = schema.safeParse({
      texte: "abcd",
      nombre: 0.5,
      choix: "c",
      liste: ["x", "y"],
      id: "pas-un-id",
      union: true,
      inconnu: 1,
    });
    expect(r.success).toBe(false);
    const details = detailsZod(r.error!);
    expect(details.filter((d) => ANGLAIS.test(d.message))).toEqual([]);
    expect(Object.fromEntries(details.map((d) => [d.champ, d.code]))).toEqual({
      texte: "texte-trop-long",
      nombre: "type-invalide",
      choix: "valeur-invalide",
      liste: "liste-trop-longue",
      id: "format-invalide",
      obligatoire: "champ-obligatoire",
      union: "valeur-invalide",
      "(corps)": "champ-inconnu",
    });
    expect(details.find((d) => d.champ === "texte")?.message).toBe("au plus 3 caractères");
    expect(details.find((d) => d.champ === "obligatoire")?.message).toBe("champ obligatoire");
  });

  it("le message écrit par un schéma (le nôtre ou celui des règles) garde la priorité", () => {
    const r = z
      .object({ titre: z.string({ error: "Le titre doit être un texte." }) })
      .safeParse({ titre: 1 });
    expect(r.error?.issues[0]?.message).toBe("Le titre doit être un texte.");
  });

  it("un refine qui porte un code le transmet", () => {
    const r = z
      .string()
      .refine(() => false, { params: { code: "nom-invalide" }, error: "Nom refusé." })
      .safeParse("x");
    expect(codeIssue(r.error!.issues[0]!)).toBe("nom-invalide");
  });
});
