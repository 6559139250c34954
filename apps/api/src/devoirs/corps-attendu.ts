import type { MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { EnvSession } from "./deps.js";

/**
 * Declares the JSON body a route takes — the input type of `schema` — so that `hc<AppType>` types it
 * (`$post({ json })`). It does nothing at run time: the route validates the body itself with the same schema
 * (`validerCorps`), after its access checks, so a caller learns 401/403/404 before any 400 about the body.
 *
 * @example
 * app.post("/devoirs/:id/rendre", corpsAttendu(rendreSchema), async (c) => {
 *   const corps = validerCorps(rendreSchema, await lireJson(c));
 * });
 */
export function corpsAttendu<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<EnvSession, string, { in: { json: z.input<S> } }> {
  void schema;
  return (_c, next) => next();
}
