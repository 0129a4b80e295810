import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { errorHandler, notFoundHandler } from "./platform/http/error-handler.js";
import { registerSecurity } from "./platform/http/security.js";
import type { App, Deps } from "./platform/http/types.js";
import { type WatchRegistry, createWatchRegistry } from "./platform/watch/registry.js";
import * as audit from "./features/audit/routes.js";
import * as auth from "./features/auth/routes.js";
import * as clearances from "./features/clearances/routes.js";
import * as criteria from "./features/criteria/routes.js";
import * as dialogue from "./features/dialogue/routes.js";
import * as documentReviews from "./features/documents/review-routes.js";
import * as documents from "./features/documents/routes.js";
import * as rsaCheck from "./features/documents/rsa-check-routes.js";
import * as documentFeedback from "./features/documents/feedback-routes.js";
import * as documentMatrixExport from "./features/documents/matrix-export-routes.js";
import * as documentYearTwo from "./features/documents/year-two-routes.js";
import * as documentWatch from "./features/documents/watch-source.js";
import * as health from "./features/health/routes.js";
import * as municipalities from "./features/municipalities/routes.js";
import * as nationalRules from "./features/national-rules/routes.js";
import * as reference from "./features/reference/routes.js";
import * as users from "./features/users/routes.js";
import * as watchList from "./features/watch/routes.js";
import * as mailOutbox from "./features/watch/outbox-routes.js";

/** Each feature exports `register(app, deps)`; this is the one list of them. */
const FEATURES = [
  health,
  auth,
  reference,
  municipalities,
  users,
  audit,
  documents,
  documentFeedback,
  documentYearTwo,
  documentMatrixExport,
  clearances,
  criteria,
  documentReviews,
  rsaCheck,
  documentWatch,
  watchList,
  mailOutbox,
  dialogue,
  nationalRules,
];

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

export interface BuildOptions {
  logger?: FastifyServerOptions["logger"];
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(
  input: Omit<Deps, "watch"> & { watch?: WatchRegistry },
  options: BuildOptions = {},
): Promise<App> {
  const deps: Deps = { ...input, watch: input.watch ?? createWatchRegistry() };
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    trustProxy: deps.config.TRUST_PROXY,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Uppsikt API",
        version: deps.version,
        description: "Länsstyrelsernas uppföljning av kommunernas krisberedskap och civila försvar.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "uppsikt_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/v1/docs" });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, () => app.swagger());

  registerSecurity(app, deps);
  for (const feature of FEATURES) feature.register(app, deps);

  if (options.serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
    // The single-page app answers every non-API path.
    app.get("/*", { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith("/api/")) return notFoundHandler(req, reply);
      return reply.sendFile("index.html", { maxAge: 0 });
    });
  }
  return app;
}
