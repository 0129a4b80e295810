import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { Database } from "../../db/client.js";
import { clientFor } from "../../../test/app.js";
import { testClock } from "../../../test/clock.js";
import { freshDatabase } from "../../../test/db.js";
import { pdfWith, submit } from "../../../test/documents.js";
import { buildUser, sessionFor } from "../../../test/factories.js";
import type { App } from "./types.js";

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const csp = String(res.headers["content-security-policy"]);
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/script-src 'self'(;|$)/);
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(res.headers["x-content-type-options"], what).toBe("nosniff");
  expect(res.headers["x-frame-options"], what).toBe("DENY");
  expect(res.headers["referrer-policy"], what).toBe("no-referrer");
}

describe("[R1-1] security headers", () => {
  let database: Database;
  let dist: string;
  const apps: App[] = [];
  const build = async (env: Record<string, string>) => {
    const config = loadConfig({ DATA_DIR: "/nonexistent-test-data-dir", ...env });
    const app = await buildApp(
      { database, config, clock: testClock(), version: "test" },
      { serveWeb: true, webDist: dist },
    );
    await app.ready();
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), "uppsikt-dist-"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Uppsikt</title>");
    database = await freshDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("on the web app, an API answer, a file download and an error; no HSTS over plain HTTP", async () => {
    const app = await build({});
    const coordinator = await buildUser(database.db, { role: "municipality", municipality: "0180" });
    const client = clientFor(app, await sessionFor(database.db, coordinator.id, testClock().now()));
    const pdf = await pdfWith([{ heading: "Styrdokument", body: "Text." }]);
    const uploaded = await submit(client, "0180", {
      type: "steeringDocument",
      files: [{ name: "s.pdf", content: pdf }],
    });
    expect(uploaded.statusCode).toBe(201);
    const list = (await client.get("/api/v1/municipalities/0180/documents?period=2023")).json();
    const fileId = list.items.find((i: { type: string }) => i.type === "steeringDocument").versions[0].files[0].id;

    const answers = {
      "the web app": await app.inject({ url: "/kommun/0180" }),
      "an API answer": await client.get("/api/v1/auth/me"),
      "a file download": await client.get(`/api/v1/document-files/${fileId}/content`),
      "an error": await app.inject({ url: "/api/v1/nothing-here" }),
    };
    expect(answers["a file download"].statusCode).toBe(200);
    expect(answers["an error"].statusCode).toBe(404);
    for (const [what, res] of Object.entries(answers)) {
      expectSecurityHeaders(res, what);
      expect(res.headers["strict-transport-security"], what).toBeUndefined();
    }
  });

  it("sends HSTS when the app runs behind HTTPS (COOKIE_SECURE=true)", async () => {
    const app = await build({ COOKIE_SECURE: "true" });
    const res = await app.inject({ url: "/api/health" });
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("gives the API documentation page a policy of its own that still forbids inline script and framing", async () => {
    const app = await build({});
    const res = await app.inject({ url: "/api/v1/docs/" });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res, "docs");
  });
});
