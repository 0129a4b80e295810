import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { auditEvents } from "../../db/schema/index.js";
import type { MailMessage } from "../../platform/mail/mailer.js";
import { createWatchRegistry } from "../../platform/watch/registry.js";
import { runReminders } from "../watch/reminders.js";
import { insertPublishedForm } from "../annual-forms/test-support.js";
import { countyDialogueFollowUpSource } from "./watch-source.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

interface WatchItem {
  key: string;
  kind: string;
  due: string;
  municipality: unknown;
  county: { code: string; name: string } | null;
  responsible: { id: string | null };
  link: string;
}

const dialogue = (over: Record<string, unknown> = {}) => ({
  county: "01",
  heldOn: "2027-03-10",
  form: "meeting",
  participants: ["Per Andersson, MCF", "Karin Lindqvist, Länsstyrelsen i Stockholms län"],
  subjects: ["Årsuppföljningen 2026", "Stort sparande"],
  conclusions: "Länet följer upp de kommuner som lämnat in sent.",
  followUps: [{ text: "Skicka underlaget om civilt försvar", dueOn: "2027-03-31" }],
  ...over,
});

describe("[R1-7] the agency's dialogues with the counties", () => {
  let t: TestContext;
  let agency: Client;
  let otherAgency: Client;
  let county01: Client;
  let head01: Client;
  let county14: Client;
  let coordinator: Client;

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2027-03-15T10:00:00+01:00");
    agency = await t.as({ role: "agency", name: "Per Andersson" });
    otherAgency = await t.as({ role: "agency", name: "Åsa Berg" });
    county01 = await t.as({ role: "county", county: "01", name: "Johan Bergström" });
    head01 = await t.as({ role: "county", county: "01", countyHead: true });
    county14 = await t.as({ role: "county", county: "14" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
  });
  afterAll(() => t.close());

  let dialogue01: { id: string; followUps: { id: string; owner: { id: string } }[] };

  it("[R1-7] the agency writes a dialogue with follow-up items, audited; the owner defaults to the writer", async () => {
    const res = await agency.post("/api/v1/county-dialogues", dialogue());
    expect(res.statusCode, res.body).toBe(201);
    dialogue01 = res.json();
    expect(res.json()).toMatchObject({
      county: { code: "01", name: "Stockholms län" },
      heldOn: "2027-03-10",
      subjects: ["Årsuppföljningen 2026", "Stort sparande"],
      followUps: [{ text: "Skicka underlaget om civilt försvar", dueOn: "2027-03-31", owner: { id: agency.user.id } }],
      createdBy: { id: agency.user.id, name: "Per Andersson" },
    });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, dialogue01.id));
    expect(audit.map((a) => a.action)).toEqual(["countyDialogues.create"]);
    const res14 = await agency.post(
      "/api/v1/county-dialogues",
      dialogue({
        county: "14",
        heldOn: "2027-02-01",
        followUps: [{ text: "Följ upp tidplanen", dueOn: "2027-04-01", ownerId: otherAgency.user.id }],
      }),
    );
    expect(res14.statusCode, res14.body).toBe(201);
  });

  it("[R1-7] a follow-up owner must be an agency user (400); a county cannot write (403)", async () => {
    const bad = await agency.post(
      "/api/v1/county-dialogues",
      dialogue({ followUps: [{ text: "Punkt", dueOn: "2027-04-01", ownerId: county01.user.id }] }),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.message).toMatch(/MCF/);
    expect((await county01.post("/api/v1/county-dialogues", dialogue())).statusCode).toBe(403);
    expect((await head01.post("/api/v1/county-dialogues", dialogue())).statusCode).toBe(403);
    expect((await agency.post("/api/v1/county-dialogues", dialogue({ county: "99" }))).statusCode).toBe(400);
  });

  it("[R1-7] county dialogues scoped: county 01 reads its own, not 14's; a municipality may not read", async () => {
    const own = await county01.get("/api/v1/counties/01/county-dialogues");
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((d: { id: string }) => d.id)).toEqual([dialogue01.id]);
    expect((await county01.get("/api/v1/counties/14/county-dialogues")).statusCode).toBe(404);
    expect((await county14.get("/api/v1/counties/01/county-dialogues")).statusCode).toBe(404);
    expect((await coordinator.get("/api/v1/counties/01/county-dialogues")).statusCode).toBe(403);
    const all = await agency.get("/api/v1/counties/14/county-dialogues");
    expect(all.json().items).toHaveLength(1);
    expect((await agency.get("/api/v1/counties/99/county-dialogues")).statusCode).toBe(404);
  });

  it("[R1-7] newest first", async () => {
    await agency.post("/api/v1/county-dialogues", dialogue({ heldOn: "2027-01-10", followUps: [] }));
    const items = (await agency.get("/api/v1/counties/01/county-dialogues")).json().items as { heldOn: string }[];
    expect(items.map((d) => d.heldOn)).toEqual(["2027-03-10", "2027-01-10"]);
  });

  it("[R1-7] the agency's watch list shows its follow-up item and no county user's items", async () => {
    const res = await agency.get("/api/v1/watch?horizon=3650");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as WatchItem[];
    const mine = items.filter((i) => i.kind === "countyDialogueFollowUp");
    expect(mine).toEqual([
      expect.objectContaining({
        key: `countyDialogue.followUp:${dialogue01.followUps[0]!.id}`,
        due: "2027-03-31",
        municipality: null,
        county: { code: "01", name: "Stockholms län" },
        responsible: expect.objectContaining({ id: agency.user.id }),
        link: "/lan/01/dialoger-mcf",
      }),
    ]);
    expect(items.every((i) => ["countyDialogueFollowUp", "compilationForwarding"].includes(i.kind))).toBe(true);
    // The other officer's item is theirs.
    const other = (await otherAgency.get("/api/v1/watch?horizon=3650")).json().items as WatchItem[];
    expect(other.filter((i) => i.kind === "countyDialogueFollowUp").map((i) => i.due)).toEqual(["2027-04-01"]);
  });

  it("[R1-7] the agency also watches every county's forwarding of its compilation", async () => {
    await insertPublishedForm(t.database.db, { year: 2026, forwardingDeadline: "2027-03-31" });
    const items = (await agency.get("/api/v1/watch")).json().items as WatchItem[];
    const forwarding = items.filter((i) => i.kind === "compilationForwarding");
    expect(forwarding.length).toBe(21);
    expect(forwarding.every((i) => i.due === "2027-03-31" && i.municipality === null && i.county !== null)).toBe(true);
    expect(items.filter((i) => i.kind === "countyDialogueFollowUp")).toHaveLength(1);
  });

  it("[R1-7] a county user never sees an agency follow-up, not even a county head with scope=county", async () => {
    for (const [client, query] of [
      [county01, ""],
      [head01, "?scope=county&horizon=3650"],
      [head01, "?horizon=3650"],
    ] as const) {
      const res = await client.get(`/api/v1/watch${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json().items as WatchItem[]).map((i) => i.kind)).not.toContain("countyDialogueFollowUp");
    }
  });

  it("[R1-7] the agency officer gets the reminder of their own follow-up item", async () => {
    const sent: MailMessage[] = [];
    const watch = createWatchRegistry();
    watch.register("countyDialogueFollowUp", countyDialogueFollowUpSource);
    const mailer = {
      kind: "outbox" as const,
      send: async (m: MailMessage) => (sent.push(m), { messageId: String(sent.length) }),
      close: () => {},
    };
    const result = await runReminders(
      { database: t.database, config: t.config, watch },
      new Date("2027-03-24T08:00:00+01:00"),
      { mailer },
    );
    expect(result.sent).toBeGreaterThan(0);
    const mail = sent.find((m) => m.to.address === agency.user.email);
    expect(mail?.text).toContain("Skicka underlaget om civilt försvar");
  });

  it("[R1-7] marking a follow-up done takes it off the watch list; twice is 409", async () => {
    const id = dialogue01.followUps[0]!.id;
    expect((await county01.post(`/api/v1/county-dialogue-follow-ups/${id}/done`, {})).statusCode).toBe(403);
    const res = await agency.post(`/api/v1/county-dialogue-follow-ups/${id}/done`, { note: "Skickat." });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().followUps[0]).toMatchObject({ id, doneBy: { id: agency.user.id } });
    expect((await agency.post(`/api/v1/county-dialogue-follow-ups/${id}/done`, {})).statusCode).toBe(409);
    const items = (await agency.get("/api/v1/watch?horizon=3650")).json().items as WatchItem[];
    expect(items.filter((i) => i.kind === "countyDialogueFollowUp")).toEqual([]);
  });
});
