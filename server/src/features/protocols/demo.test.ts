import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { type ActionStatus, isActionOverdue } from "@uppsikt/core";
import {
  actionEvents,
  actions,
  visitProtocolComments,
  visitProtocolVersions,
  visitProtocols,
} from "../../db/schema/index.js";
import { seedDemo } from "../../db/seed/demo.js";
import { visitsDemo } from "../visits/demo.js";
import { protocolsDemo } from "./demo.js";

describe("demo protocols", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedDemo(t.database.db, t.clock);
    await visitsDemo.seed(t.database.db, t.clock);
    await protocolsDemo.seed(t.database.db, t.clock);
  });
  afterAll(() => t.close());

  it("[R2.7-7] [R2.10-1] sent protocols (one with a secret appendix, one corrected) and a draft out for factual review", async () => {
    const versions = await t.database.db.select().from(visitProtocolVersions);
    expect(versions.some((v) => v.appendixPdf !== null)).toBe(true);
    expect(versions.some((v) => v.versionNo === 2 && v.corrects)).toBe(true);
    expect(versions.every((v) => v.sentOn <= t.clock.today())).toBe(true);
    const protocols = await t.database.db.select().from(visitProtocols);
    expect(protocols.some((p) => p.state === "factualReview")).toBe(true);
    expect(await t.database.db.select().from(visitProtocolComments)).toHaveLength(1);
  });

  it("[R2.7-8] Stockholm's action plan in every state, one overdue and one sent back", async () => {
    const rows = await t.database.db.select().from(actions);
    expect(new Set(rows.map((a) => a.status))).toEqual(new Set(["planned", "inProgress", "reportedDone", "verified"]));
    expect(rows.some((a) => isActionOverdue({ due: a.due, status: a.status as ActionStatus }, t.clock.today()))).toBe(
      true,
    );
    const events = await t.database.db.select().from(actionEvents);
    expect(events.some((e) => e.fromStatus === "reportedDone" && e.toStatus === "inProgress" && e.comment)).toBe(true);
    expect(rows.some((a) => a.confidentialBasis && a.source === "protocol")).toBe(true);
  });
});
