import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { crochetValidation } from "./crochet-validation.js";
import { ErreurApi } from "./erreur-api.js";

function erreurDe(schema: z.ZodType, valeur: unknown): ErreurApi {
  const r = schema.safeParse(valeur);
  if (r.success) throw new Error("valide");
  try {
    crochetValidation({ target: "json", success: false, error: r.error });
  } catch (e) {
    if (e instanceof ErreurApi) return e;
    throw e;
  }
  throw new Error("pas d'erreur");
}

describe("crochetValidation", () => {
  it("résume en une phrase finie par un seul point, même quand le message du schéma en a déjà un", () => {
    const schema = z.object({ titre: z.string().max(3, { error: "Le titre dépasse 3 caractères." }) });
    const e = erreurDe(schema, { titre: "trop long" });
    expect(e.status).toBe(400);
    expect(e.code).toBe("requete-invalide");
    expect(e.message).toBe("Corps JSON invalide — titre : Le titre dépasse 3 caractères.");
    expect(e.message).not.toMatch(/\.\.$/);
  });

  it("deux problèmes : séparés par « ; », un point à la fin", () => {
    const schema = z.object({
      titre: z.string().max(3, { error: "Le titre dépasse 3 caractères." }),
      consigne: z.string({ error: "La consigne doit être un texte." }),
    });
    const e = erreurDe(schema, { titre: "trop long", consigne: 3 });
    expect(e.message).toBe(
      "Corps JSON invalide — titre : Le titre dépasse 3 caractères ; consigne : La consigne doit être un texte.",
    );
  });
});
