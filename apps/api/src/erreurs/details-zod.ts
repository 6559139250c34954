import type { z } from "@hono/zod-openapi";
import { codeIssue } from "./carte-zod.js";
import type { DetailErreur } from "./erreur-api.js";

/**
 * Turns zod issues into `{ champ, code, message }` details: the field's dotted path, a stable code, and the
 * issue's French message (our schemas word theirs; `installerCarteZod` words the rest).
 *
 * @example
 * detailsZod(resultat.error); // [{ champ: "niveau", code: "valeur-invalide", message: "valeur attendue : \"1D\", \"2D\"" }]
 */
export function detailsZod(erreur: z.ZodError, prefixe = ""): DetailErreur[] {
  return erreur.issues.map((i) => {
    const chemin = i.path.map(String).join(".");
    return {
      champ: prefixe ? (chemin ? `${prefixe}.${chemin}` : prefixe) : chemin || "(corps)",
      code: codeIssue(i),
      message: i.message,
    };
  });
}
