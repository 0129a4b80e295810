import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { WatchKind } from "@uppsikt/core";
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
import { SERVER_FEATURES } from "./features/index.js";

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
  for (const feature of SERVER_FEATURES) {
    feature.register(app, deps);
    for (const [kind, source] of Object.entries(feature.watchSources?.(deps) ?? {}))
      deps.watch.register(kind as WatchKind, source);
  }

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
