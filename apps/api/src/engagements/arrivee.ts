import { createMiddleware } from "hono/factory";

/** What {@link horodaterArrivee} sets: when the whole commitment request had reached the server. */
export type EnvArrivee = { Variables: { arriveeLe?: Date } };

/**
 * Stamps a commitment with the moment its WHOLE request reached the server: its body is read first (a few
 * hundred bytes, usually in the same packet as the headers), then the clock is read, before the session,
 * the assignment or the pupil's extension are looked up. Under a rush those lookups wait for the database
 * and the event loop (PGlite runs one query at a time); a pupil who pressed « Rendre » before the due date
 * must not be judged late, or refused, because the server was busy. The body is read before the clock,
 * not after the headers alone: otherwise a client could send its headers before the due date and the
 * files' sha256 minutes later (Node waits up to `requestTimeout` for a body). Mount it after the body-size
 * limit; a second mount (the app, then the route) keeps the first, earlier stamp. Hono caches the body:
 * the route's validator reads the same text.
 *
 * @example
 * app.use("/v1/devoirs/:id/engager", horodaterArrivee(() => new Date()));
 * // in the handler: const engageLe = c.get("arriveeLe") ?? maintenant();
 */
export function horodaterArrivee(maintenant: () => Date) {
  return createMiddleware<EnvArrivee>(async (c, next) => {
    if (!c.get("arriveeLe")) {
      // A body that cannot be read (client gone) is left to the route's validator to answer.
      await c.req.text().catch(() => undefined);
      c.set("arriveeLe", maintenant());
    }
    await next();
  });
}
