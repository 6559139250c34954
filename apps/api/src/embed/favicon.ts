import type { MiddlewareHandler } from "hono";

/** Trousse's icon: a white « T » on the blue of our pages, 32 × 32, in SVG (a few hundred bytes). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">' +
  '<rect width="32" height="32" rx="6" fill="#000091"/>' +
  '<path d="M8 8h16v4h-6v13h-4V12H8z" fill="#fff"/></svg>';

/**
 * Answers `GET`/`HEAD` `/favicon.ico` and `/favicon.svg` with {@link FAVICON_SVG} (browsers ask for
 * `/favicon.ico` on every page: without it, each page view logged a 404). Cached a day. A middleware,
 * like a static file server: other methods go on to the app (405/404 as for any path).
 *
 * @example
 * app.use("/favicon.ico", favicon);
 */
export const favicon: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
  return c.body(FAVICON_SVG, 200, {
    "Content-Type": "image/svg+xml",
    "Cache-Control": "public, max-age=86400",
    "X-Content-Type-Options": "nosniff",
  });
};
