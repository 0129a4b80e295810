import { DemoAccounts, ErrorBody, LoginBody, LoginThrottleList, LoginThrottleParams, Me, Ok } from "@uppsikt/core";
import { SESSION_COOKIE } from "../../platform/auth/sessions.js";
import { actorOf } from "../../platform/http/context.js";
import { can, requireActor, sessionCookieOptions } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { demoAccounts, liftLoginThrottle, listThrottles, login, logout, toMe } from "./service.js";

const tags = ["Inloggning"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export function register(app: App, { database: { db }, config, clock }: Deps) {
  app.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags,
        summary: "Logga in med e-post och lösenord",
        body: LoginBody,
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const { me, session } = await login(db, config, clock, {
        ...req.body,
        address: req.ip,
        previousToken: req.cookies[SESSION_COOKIE],
        requestId: String(req.id),
      });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(config));
      return me;
    },
  );

  app.post(
    "/api/v1/auth/logout",
    { schema: { tags, summary: "Logga ut", response: { 200: Ok } } },
    async (req, reply) => {
      await logout(db, clock, req.actor, req.cookies[SESSION_COOKIE], String(req.id));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      schema: { tags, summary: "Den inloggade användaren", response: { 200: Me, 401: ErrorBody } },
      preHandler: requireActor,
    },
    (req) => toMe(actorOf(req)),
  );

  app.get(
    "/api/v1/auth/demo-accounts",
    {
      schema: {
        tags,
        summary: "Demokontona som inloggningssidan visar när servern kör med demodata (annars en tom lista)",
        response: { 200: DemoAccounts },
      },
    },
    () => demoAccounts(db, config),
  );

  app.get(
    "/api/v1/admin/login-throttles",
    {
      schema: {
        tags,
        summary: "Inloggningsspärrar som gäller nu (konto från en adress, konto från alla adresser, en adress)",
        response: { 200: LoginThrottleList, ...errors },
      },
      preHandler: can("loginThrottles.read"),
    },
    () => listThrottles(db, clock),
  );

  app.post(
    "/api/v1/admin/login-throttles/:id/lift",
    {
      schema: {
        tags,
        summary: "Häv en inloggningsspärr; räkningen börjar om",
        params: LoginThrottleParams,
        response: { 200: Ok, ...errors },
      },
      preHandler: can("loginThrottles.lift"),
    },
    (req) => liftLoginThrottle(db, clock, actorOf(req), req.params.id, String(req.id)),
  );
}
