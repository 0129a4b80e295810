import type { FastifyServerOptions } from "fastify";
import type { Config } from "../config.js";

/**
 * The server's pino options. Requests are logged as one line by route pattern (app.ts), errors through
 * `loggableError`; redaction is a second line of defence for headers and any `password` field.
 */
export function loggerOptions(
  config: Pick<Config, "LOG_LEVEL">,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions["logger"] {
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    redact: [
      "req.headers.cookie",
      "req.headers.authorization",
      "req.headers['x-csrf-token']",
      "res.headers['set-cookie']",
      "*.password",
      "*.passwordHash",
    ],
  };
}
