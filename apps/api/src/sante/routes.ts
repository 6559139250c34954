import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ErreurApi, erreurSchema } from "../erreurs/erreur-api.js";

const etatSchema = z.object({ statut: z.literal("ok") }).openapi("Etat");

/**
 * `GET /health` (the process answers) and `GET /ready` (the database answers `select 1`; 503
 * `base-indisponible` otherwise).
 *
 * @example
 * app.route("/", routesSante({ ping: () => handle.ping() }));
 */
export function routesSante(deps: { ping: () => Promise<boolean> }) {
  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: "get",
        path: "/health",
        tags: ["Exploitation"],
        summary: "Le processus est vivant",
        responses: {
          200: { description: "Vivant", content: { "application/json": { schema: etatSchema } } },
        },
      }),
      (c) => c.json({ statut: "ok" as const }, 200, { "Cache-Control": "no-store" }),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/ready",
        tags: ["Exploitation"],
        summary: "La base de données répond",
        responses: {
          200: { description: "Prêt", content: { "application/json": { schema: etatSchema } } },
          503: {
            description: "Base injoignable (code base-indisponible)",
            content: { "application/json": { schema: erreurSchema } },
          },
        },
      }),
      async (c) => {
        if (await deps.ping()) return c.json({ statut: "ok" as const }, 200, { "Cache-Control": "no-store" });
        throw new ErreurApi(
          503,
          "base-indisponible",
          "La base de données ne répond pas : réessayez dans un instant.",
          undefined,
          {
            "Cache-Control": "no-store",
            "Retry-After": "5",
          },
        );
      },
    );
}
