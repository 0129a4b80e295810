import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { AppError, Unauthenticated } from "../errors.js";
import type { Clock } from "../clock.js";
import { type Action, authorize } from "../permissions.js";
import { SESSION_COOKIE, actorForToken } from "../auth/sessions.js";
import { newToken } from "../auth/tokens.js";
import type { App } from "./types.js";
import { actorOf } from "./context.js";

export const CSRF_COOKIE = "csrf_token";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A browser-session cookie: the server decides expiry (sessions.expires_at), so a frozen or skewed
 * server clock cannot make the browser drop a live session or keep a dead one.
 */
export function sessionCookieOptions(config: Config) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure: config.COOKIE_SECURE };
}

/**
 * Double-submit CSRF protection and session lookup, on every request:
 * a browser without a `csrf_token` cookie gets one; a state-changing request must echo it
 * in `x-csrf-token`; the session cookie is resolved to `req.actor`.
 */
export function registerSecurity(app: App, deps: { database: Database; config: Config; clock: Clock }) {
  app.decorateRequest("actor", null);

  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const cookie = req.cookies[CSRF_COOKIE];
    if (!cookie) {
      reply.setCookie(CSRF_COOKIE, newToken(), {
        path: "/",
        httpOnly: false,
        sameSite: "lax",
        secure: deps.config.COOKIE_SECURE,
      });
    }
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      if (!cookie || typeof header !== "string" || !sameToken(cookie, header)) {
        throw new AppError(403, "csrf", "Förfrågan saknar giltig CSRF-token. Ladda om sidan och försök igen.");
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.url.startsWith("/api/")) {
      req.actor = await actorForToken(deps.database.db, token, deps.clock.now());
    }
  });
}

/** Route guard: logged in. */
export const requireActor: preHandlerAsyncHookHandler = async (req) => {
  if (!req.actor) throw Unauthenticated();
};

/** Route guard: logged in and the role may do this at all (scope is checked by the service). */
export function can(action: Action): preHandlerAsyncHookHandler {
  return async (req) => {
    authorize(actorOf(req), action);
  };
}
