import pino, { type Logger } from "pino";

/**
 * The JSON logger (pino). Request logs hold method, path without query, status, duration, request id and
 * user id — never a token, a header value, a query string, an IP address or a name. `redact` is a safety net.
 *
 * @example
 * const logger = creerJournal({ niveau: "info" });
 * logger.info({ evenement: "demarrage", port: 8787 }, "API démarrée");
 */
export function creerJournal(options: { niveau: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.niveau,
      base: { service: "trousse-api" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          "authorization",
          "*.authorization",
          "headers",
          "*.headers",
          "jeton",
          "*.jeton",
          "token",
          "*.token",
          "password",
          "*.password",
          "clientSecret",
          "*.clientSecret",
          "sessionSecret",
          "*.sessionSecret",
          "ticket",
          "code",
        ],
        censor: "[masqué]",
      },
    },
    options.destination,
  );
}
