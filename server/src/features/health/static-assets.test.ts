import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { App } from "../../platform/http/types.js";
import { testClock } from "../../../test/clock.js";
import { freshDatabase } from "../../../test/db.js";
import { buildUser, sessionFor } from "../../../test/factories.js";
import type { Database } from "../../db/client.js";

/** The built web app is served pre-compressed and cached by name; JSON over 1 KB is compressed on the fly. */
describe("static assets and compression", () => {
  let app: App;
  let database: Database;
  let dist: string;
  const script = "console.log('Uppsikt');\n".repeat(200);

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), "uppsikt-dist-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><html lang=sv><title>Uppsikt</title></html>");
    writeFileSync(path.join(dist, "assets", "index-AbC123.js"), script);
    writeFileSync(path.join(dist, "assets", "index-AbC123.js.br"), brotliCompressSync(script));
    writeFileSync(path.join(dist, "assets", "index-AbC123.js.gz"), gzipSync(script));
    database = await freshDatabase();
    const config = loadConfig({ DATA_DIR: "/nonexistent-test-data-dir" });
    app = await buildApp({ database, config, clock: testClock(), version: "test" }, { serveWeb: true, webDist: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends a hashed asset pre-compressed and cached for a year", async () => {
    const br = await app.inject({ url: "/assets/index-AbC123.js", headers: { "accept-encoding": "br, gzip" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.rawPayload.length).toBeLessThan(script.length / 4);
    const gzip = await app.inject({ url: "/assets/index-AbC123.js", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const plain = await app.inject({ url: "/assets/index-AbC123.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("sends index.html, for every app path, to be revalidated", async () => {
    for (const url of ["/", "/kommun/0180?flik=dialog", "/index.html"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.body).toContain("<title>Uppsikt</title>");
    }
  });

  it("compresses JSON over 1 KB for a client that accepts it, and never caches the API", async () => {
    const user = await buildUser(database.db, { role: "county", county: "14" });
    const session = await sessionFor(database.db, user.id, new Date(), 8);
    const res = await app.inject({
      url: "/api/v1/counties/14/municipalities",
      headers: { "accept-encoding": "br, gzip" },
      cookies: { uppsikt_session: session },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe("no-store");
    const small = await app.inject({ url: "/api/health", headers: { "accept-encoding": "br, gzip" } });
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});
