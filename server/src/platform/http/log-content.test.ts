import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { Database } from "../../db/client.js";
import { counties } from "../../db/schema/index.js";
import { type Client, clientFor } from "../../../test/app.js";
import { testClock } from "../../../test/clock.js";
import { freshDatabase } from "../../../test/db.js";
import { buildUser, sessionFor } from "../../../test/factories.js";
import { loggerOptions } from "../logger.js";
import type { App } from "./types.js";

const MARKER = "HEMLIGMARKOR4711";

/** The log carries request ids, routes and error codes, never what people wrote or secrets. */
describe("[R2.10-2] logs carry no content", () => {
  let app: App;
  let database: Database;
  let officer: Client;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    const config = loadConfig({ DATA_DIR: "/nonexistent-test-data-dir", LOG_LEVEL: "info" });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp(
      { database, config, clock: testClock(), version: "test" },
      { logger: loggerOptions(config, stream) },
    );
    // A route that fails inside the database with the marker among the insert's parameters.
    app.post("/api/test/failing-insert", async () => {
      await database.db.insert(counties).values({ code: "01", name: MARKER, board: MARKER });
      return { ok: true };
    });
    await app.ready();
    const user = await buildUser(database.db, { role: "county", county: "01" });
    officer = clientFor(app, await sessionFor(database.db, user.id, testClock().now()));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("keeps the marker out of the log from bodies, a failing insert, a calendar token and searches", async () => {
    const anonymous = clientFor(app);
    await anonymous.post("/api/v1/auth/login", { email: `${MARKER}@example.se`, password: `${MARKER}-lösenord` });
    await officer.post("/api/v1/dialogue-entries", {
      municipalities: ["0180"],
      date: "2026-11-02",
      form: "phone",
      subjects: ["rsa"],
      notes: `Konfidentiellt: ${MARKER}\u0000`,
      participants: { municipality: ["Anna"], county: ["Karl"] },
      followUps: [],
    });
    const failing = await officer.post("/api/test/failing-insert", {});
    expect(failing.statusCode).toBe(500);
    await anonymous.get(`/api/v1/calendar/${MARKER}.ics`);
    await officer.get(`/api/v1/counties/01/documents/search?q=${MARKER}`);
    await officer.get(`/api/v1/counties/01/dialogue-entries/search?q=${MARKER}`);
    await officer.get(`/api/v1/counties/01/municipalities?q=${MARKER}`);

    const log = lines.join("");
    expect(log).toContain(failing.json().error.requestId);
    expect(log).toMatch(/database error 23505 on counties_pkey/);
    expect(log).toContain("/api/v1/calendar/:id.ics");
    expect(log).not.toContain(MARKER);
    expect(log).not.toMatch(/\$argon2/);
  });
});
