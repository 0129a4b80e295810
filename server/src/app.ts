import { randomUUID } from "node:crypto";
import zlib from "node:zlib";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { WatchKind } from "@uppsikt/core";
import Fastify, { type FastifyServerOptions, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { errorHandler, notFoundHandler } from "./platform/http/error-handler.js";
import { registerSecurity } from "./platform/http/security.js";
import { forgetReferenceDataAfterWrites } from "./platform/cache/reference-cache.js";
import type { App, Deps } from "./platform/http/types.js";
import { type WatchRegistry, createWatchRegistry } from "./platform/watch/registry.js";
import { SERVER_FEATURES } from "./features/index.js";

/**
 * Security headers on every answer: a Content-Security-Policy without inline script (Mantine needs inline styles),
 * no framing, no MIME sniffing, no referrer, and HSTS when the app runs behind HTTPS (COOKIE_SECURE).
 */
function securityHeaders(config: Deps["config"]) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.COOKIE_SECURE ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" as const },
    referrerPolicy: { policy: "no-referrer" as const },
    strictTransportSecurity: config.COOKIE_SECURE ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

const SWAGGER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

export interface BuildOptions {
  logger?: FastifyServerOptions["logger"];
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  /** Where the built web app is (default web/dist). */
  webDist?: string;
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
    // One line per request instead of Fastify's two (see the onResponse hook below).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // The route's pattern, not the URL: calendar tokens, search terms and ids in paths stay out of the log.
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "(ingen route)";
    req.log.info(
      { method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      `${req.method} ${route} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`,
    );
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });

  // JSON and other dynamic answers over 1 KB; a fast brotli level, since it runs on every request.
  await app.register(compress, {
    threshold: 1024,
    // Compressing a reply in one call is far cheaper than through a stream; the plugin's default ceiling for that
    // shrinks with the core count (8 KB on two cores), below a county list (11 KB). 64 KB at quality 4 is < 1 ms.
    syncThreshold: 65_536,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(helmet, securityHeaders(deps.config));
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
  // Swagger UI sets inline styles and loads its own scripts: a policy of its own, still no inline script.
  await app.register(swaggerUi, { routePrefix: "/api/v1/docs", staticCSP: SWAGGER_CSP });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, () => app.swagger());

  registerSecurity(app, deps);
  forgetReferenceDataAfterWrites(app);
  for (const feature of SERVER_FEATURES) {
    feature.register(app, deps);
    for (const [kind, source] of Object.entries(feature.watchSources?.(deps) ?? {}))
      deps.watch.register(kind as WatchKind, source);
  }

  const webDist = options.webDist ?? WEB_DIST;
  if (options.serveWeb && existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file (scripts/precompress.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Vite's file names under assets/ carry a content hash: they never change. Everything else is revalidated.
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    // The single-page app answers every non-API path.
    app.get("/*", { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith("/api/")) return notFoundHandler(req, reply);
      return reply.header("cache-control", "no-cache").sendFile("index.html", { cacheControl: false });
    });
  }
  return app;
}
