import { watchTitle } from "@uppsikt/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance } from "../../../test/factories.js";
import { auditEvents, clearances } from "../../db/schema/index.js";
import { dialogueFollowUpsSource } from "./watch.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const SECRET = "Reservkraften vid Görvälnverket saknar bränsleavtal efter den 1 mars.";

describe("[R2.10-2] a confidential dialogue entry", () => {
  let t: TestContext;
  let author: Client;
  let cleared: Client;
  let partlyCleared: Client;
  let uncleared: Client;
  let coordinator: Client;
  let entryId: string;
  let networkId: string;

  async function grant(userId: string, municipality: string | null) {
    await buildClearance(t, { userId, county: "01", municipality });
  }

  beforeAll(async () => {
    t = await createTestContext();
    author = await t.as({ role: "county", county: "01", name: "Johan Bergström" });
    cleared = await t.as({ role: "county", county: "01", name: "Klara Behörig" });
    partlyCleared = await t.as({ role: "county", county: "01", name: "Per Delvis" });
    uncleared = await t.as({ role: "county", county: "01", name: "Olle Obehörig" });
    coordinator = await t.as({ role: "municipality", municipality: "0180", name: "Anders Wikström" });
    await grant(author.user.id, null);
    await grant(cleared.user.id, null);
    await grant(partlyCleared.user.id, "0180");

    const res = await author.post("/api/v1/dialogue-entries", {
      municipalities: ["0180"],
      date: "2026-11-25",
      form: "meeting",
      subjects: ["geographicResponsibility"],
      notes: SECRET,
      participants: { municipality: ["Anders Wikström"], county: ["Johan Bergström"] },
      followUps: [{ text: "Följ upp bränsleavtalet för Görvälnverket", due: "2026-12-01" }],
      confidentialBasis: "18 kap. 13 § OSL",
    });
    expect(res.statusCode, res.body).toBe(201);
    entryId = res.json().id;
    const network = await author.post("/api/v1/dialogue-entries", {
      municipalities: ["0180", "0182"],
      date: "2026-11-26",
      form: "networkMeeting",
      subjects: ["civilDefence"],
      notes: "Skyddade ledningsplatser i Stockholm och Nacka: brister i skalskyddet.",
      participants: { municipality: [], county: [] },
      confidentialBasis: "18 kap. 13 § OSL",
    });
    expect(network.statusCode, network.body).toBe(201);
    networkId = network.json().id;
  });
  afterAll(() => t.close());

  const hiddenMark = (readers: string[]) => ({
    basis: "18 kap. 13 § OSL",
    readableBy: readers.map((name) => expect.objectContaining({ name })),
    canRead: false,
  });

  it("[R2.10-2] the uncleared officer sees that it exists, its basis and who may read it, not the content: in the list and the detail", async () => {
    const list = await uncleared.get("/api/v1/municipalities/0180/dialogue-entries");
    expect(list.body).not.toMatch(/Görvälnverket|bränsleavtal|skalskyddet|Anders Wikström/);
    const item = list.json().items.find((i: { id: string }) => i.id === entryId);
    expect(item).toMatchObject({
      date: "2026-11-25",
      subjects: ["geographicResponsibility"],
      notes: null,
      participants: null,
      confidential: hiddenMark(["Johan Bergström", "Klara Behörig", "Per Delvis"]),
    });
    expect(item.followUps[0]).toMatchObject({ text: null, due: "2026-12-01" });
    const detail = await uncleared.get(`/api/v1/dialogue-entries/${entryId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ notes: null, confidential: { canRead: false } });
    expect(detail.body).not.toMatch(/Görvälnverket/);
    // A coordinator without clearance likewise.
    const seen = await coordinator.get(`/api/v1/dialogue-entries/${entryId}`);
    expect(seen.json()).toMatchObject({ notes: null, confidential: { canRead: false } });
  });

  it("[R2.10-2] a multi-municipality entry needs clearance for every municipality: one of them is not enough", async () => {
    const partial = (await partlyCleared.get(`/api/v1/dialogue-entries/${networkId}`)).json();
    expect(partial).toMatchObject({ notes: null, confidential: hiddenMark(["Johan Bergström", "Klara Behörig"]) });
    expect((await partlyCleared.get(`/api/v1/dialogue-entries/${entryId}`)).json().notes).toBe(SECRET);
  });

  it("[R2.10-2] the export shows the basis and the readers instead of the content", async () => {
    const res = await uncleared.get("/api/v1/municipalities/0180/dialogue-entries.xlsx");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.getWorksheet("Dialog")!.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.join("\n")).not.toMatch(/Görvälnverket|bränsleavtal|skalskyddet/);
    expect(rows.join("\n")).toMatch(
      /Sekretessbelagt \(18 kap. 13 § OSL\). Kan läsas av: Johan Bergström, Klara Behörig/,
    );
  });

  it("[R2.10-2] search never matches confidential content for the uncleared, but shows the entry by its facts", async () => {
    const byContent = await uncleared.get(
      `/api/v1/counties/01/dialogue-entries/search?q=${encodeURIComponent("Görvälnverket")}`,
    );
    expect(byContent.json()).toEqual({ items: [], total: 0 });
    const byFollowUp = await uncleared.get(
      `/api/v1/counties/01/dialogue-entries/search?q=${encodeURIComponent("bränsleavtalet")}`,
    );
    expect(byFollowUp.json().total).toBe(0);
    const byName = (await uncleared.get("/api/v1/counties/01/dialogue-entries/search?q=Stockholm")).json();
    expect(byName.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([entryId, networkId]));
    for (const hit of byName.items) expect(hit).toMatchObject({ notes: null, excerpt: null });
    expect(JSON.stringify(byName)).not.toMatch(/Görvälnverket|skalskyddet/);
  });

  it("[R2.10-2] the cleared officer reads the content everywhere, and each read is audited", async () => {
    const detail = (await cleared.get(`/api/v1/dialogue-entries/${entryId}`)).json();
    expect(detail).toMatchObject({ notes: SECRET, confidential: { canRead: true } });
    expect(detail.followUps[0].text).toBe("Följ upp bränsleavtalet för Görvälnverket");
    const search = (
      await cleared.get(`/api/v1/counties/01/dialogue-entries/search?q=${encodeURIComponent("Görvälnverket")}`)
    ).json();
    expect(search.total).toBe(1);
    expect(search.items[0].excerpt).toMatch(/«Görvälnverket»/);
    const xlsx = await cleared.get("/api/v1/municipalities/0180/dialogue-entries.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.getWorksheet("Dialog")!.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.join("\n")).toContain(SECRET);

    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "confidential.read"),
          eq(auditEvents.entityId, entryId),
          eq(auditEvents.actorId, cleared.user.id),
        ),
      );
    expect(reads.length).toBeGreaterThanOrEqual(3);
    const parts = reads.flatMap((r) => (r.after as { parts: string[] }).parts);
    expect(parts).toEqual(expect.arrayContaining(["notes", "searchExcerpt", "export"]));
    expect(JSON.stringify(reads)).not.toMatch(/Görvälnverket/);
    // The uncleared left no read.
    const none = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.actorId, uncleared.user.id)));
    expect(none).toEqual([]);
  });

  it("[R1-3] the follow-up watch source gives a neutral title for a confidential entry", async () => {
    const items = await dialogueFollowUpsSource(t.database.db, { today: "2026-11-27", counties: ["01"] });
    const confidential = items.filter((i) => watchTitle(i.kind, i.subject)?.includes("sekretess"));
    expect(confidential.length).toBeGreaterThan(0);
    expect(JSON.stringify(items)).not.toMatch(/Görvälnverket|bränsleavtal/);
  });

  it("[R2.10-2] only a cleared author edits a confidential entry; earlier versions stay confidential", async () => {
    await t.database.db
      .update(clearances)
      .set({ withdrawnAt: t.clock.now(), withdrawnBy: author.user.id })
      .where(eq(clearances.userId, author.user.id));
    const body = {
      municipalities: ["0180"],
      date: "2026-11-25",
      form: "meeting",
      subjects: ["geographicResponsibility"],
      notes: "Bränsleavtalet är klart.",
      participants: { municipality: [], county: [] },
      confidentialBasis: null,
      version: 1,
    };
    expect((await author.put(`/api/v1/dialogue-entries/${entryId}`, body)).statusCode).toBe(403);
    await grant(author.user.id, "0180");
    const res = await author.put(`/api/v1/dialogue-entries/${entryId}`, body);
    expect(res.statusCode, res.body).toBe(200);
    const view = (await uncleared.get(`/api/v1/dialogue-entries/${entryId}`)).json();
    expect(view).toMatchObject({ notes: "Bränsleavtalet är klart.", confidential: null });
    expect(view.versions[0]).toMatchObject({ version: 1, notes: null, confidential: { canRead: false } });
    expect((await cleared.get(`/api/v1/dialogue-entries/${entryId}`)).json().versions[0].notes).toBe(SECRET);
  });
});
