import { addDays } from "@uppsikt/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import { sessionFor } from "../../../test/factories.js";
import { users } from "../../db/schema/index.js";
import { seedDemo } from "../../db/seed/demo.js";
import { countyDialoguesDemo } from "./demo.js";

describe("demo county dialogues", () => {
  let t: TestContext;
  const client = async (email: string) => {
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    return clientFor(t.app, await sessionFor(t.database.db, user!.id, t.clock.now()));
  };

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2027-03-01T10:00:00+01:00");
    await seedDemo(t.database.db, t.clock);
    expect(await countyDialoguesDemo.isEmpty(t.database.db)).toBe(true);
    await countyDialoguesDemo.seed(t.database.db, t.clock);
    expect(await countyDialoguesDemo.isEmpty(t.database.db)).toBe(false);
  }, 120_000);
  afterAll(() => t.close());

  it("[R1-7] a dialogue with each demo county, in the past, with a follow-up due within 30 days on the agency's list", async () => {
    const agency = await client("agency@uppsikt.example");
    for (const county of ["01", "14"]) {
      const items = (await agency.get(`/api/v1/counties/${county}/county-dialogues`)).json().items;
      expect(items).toHaveLength(1);
      expect(items[0].heldOn < "2027-03-01").toBe(true);
      expect(items[0].participants.length).toBeGreaterThan(1);
      expect(items[0].followUps.some((f: { dueOn: string }) => f.dueOn <= addDays("2027-03-01", 30))).toBe(true);
    }
    const watch = (await agency.get("/api/v1/watch")).json().items as { kind: string; county: { code: string } }[];
    const mine = watch.filter((i) => i.kind === "countyDialogueFollowUp");
    expect(mine.map((i) => i.county.code).sort()).toEqual(["01", "14"]);
    // The county reads its own entry.
    const county = await client("lst14@uppsikt.example");
    expect((await county.get("/api/v1/counties/14/county-dialogues")).json().items).toHaveLength(1);
    expect((await county.get("/api/v1/counties/01/county-dialogues")).statusCode).toBe(404);
  });
});
