import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import type { App } from "../src/platform/http/types.js";
import { type TestClock, testClock } from "./clock.js";
import { freshDatabase } from "./db.js";
import { type UserSpec, buildUser, sessionFor } from "./factories.js";

export const CSRF = "test-csrf-token-value";

export interface TestContext {
  app: App;
  database: Database;
  clock: TestClock;
  config: Config;
  /** A user from the factory with a session; returns a client that sends its cookies and the CSRF header. */
  as(spec: UserSpec): Promise<Client & { user: Awaited<ReturnType<typeof buildUser>> }>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function clientFor(app: App, session?: string): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      cookies: { csrf_token: CSRF, ...(session ? { uppsikt_session: session } : {}), ...(opts.cookies ?? {}) },
      headers: { "x-csrf-token": CSRF, ...(opts.headers ?? {}) },
    });
  return {
    request,
    get: (url) => request({ method: "GET", url }),
    post: (url, body) => request({ method: "POST", url, payload: body as InjectOptions["payload"] }),
    put: (url, body) => request({ method: "PUT", url, payload: body as InjectOptions["payload"] }),
    patch: (url, body) => request({ method: "PATCH", url, payload: body as InjectOptions["payload"] }),
  };
}

/** A fresh database and app per test file. */
export async function createTestContext(overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestContext> {
  const database = await freshDatabase();
  const clock = testClock();
  const config = loadConfig({
    LOGIN_THROTTLE_PAIR_FAILURES: "1000",
    LOGIN_THROTTLE_ACCOUNT_FAILURES: "100000",
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "10000",
    DATA_DIR: "/nonexistent-test-data-dir",
    ...overrides,
  });
  const app = await buildApp({ database, config, clock, version: "test" });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    anonymous: clientFor(app),
    async as(spec) {
      const user = await buildUser(database.db, spec);
      const session = await sessionFor(database.db, user.id, clock.now(), config.SESSION_TTL_HOURS);
      return { ...clientFor(app, session), user };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
