import { orderWatchItems, watchKindLabel } from "@uppsikt/core";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import {
  buildDocumentFollowUp,
  buildUser,
  insertDocumentVersion,
  sessionFor,
  setResponsibleOfficer,
} from "../../../test/factories.js";
import {
  auditEvents,
  dialogueEntries,
  dialogueEntryMunicipalities,
  dialogueFollowUps,
  documentFeedback,
  municipalities,
} from "../../db/schema/index.js";

interface Item {
  key: string;
  due: string;
  kind: string;
  title: string;
  municipality: { code: string; name: string } | null;
  responsible: { id: string | null; name: string | null };
  overdue: boolean;
  daysLeft: number;
}

type User = Awaited<ReturnType<typeof buildUser>>;

describe("[R1-3] the watch list (Min bevakning)", () => {
  let t: TestContext;
  let head: User;
  let anna: User;
  let bertil: User;
  let coordinator: User;
  let leadership: User;

  const as = async (user: User) => clientFor(t.app, await sessionFor(t.database.db, user.id, t.clock.now()));
  const watch = async (user: User, query = "") => {
    const res = await (await as(user)).get(`/api/v1/watch${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Item[]; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items;
  };
  const agree = (municipalityCode: string, typeId: string, agreedDate: string, by: string) =>
    buildDocumentFollowUp(t, {
      municipality: municipalityCode,
      type: typeId,
      reason: "Beslut väntar.",
      agreedDate,
      recordedBy: by,
      updatedAt: new Date(),
    });
  const hasEverything = async (municipalityCode: string, by: string) => {
    for (const typeId of ["rsa", "steeringDocument", "crisisBoardRules", "emergencyPlan", "trainingAndExercisePlan"]) {
      const { documentId, versionId } = await insertDocumentVersion(t, {
        municipality: municipalityCode,
        type: typeId,
        decidedOn: "2023-10-01",
        receivedOn: "2023-10-02",
        createdBy: by,
        createdAt: new Date(),
      });
      // Feedback sent long ago: nothing owed.
      await t.database.db.insert(documentFeedback).values({
        documentId,
        versionId,
        authorId: by,
        body: "Återkoppling.",
        sentOn: "2023-11-01",
        sentBy: by,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    }
  };

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-11-27T10:00:00+01:00");
    const db = t.database.db;
    head = await buildUser(db, { role: "county", county: "06", countyHead: true, name: "Hedda Chef" });
    anna = await buildUser(db, { role: "county", county: "06", name: "Anna Handläggare" });
    bertil = await buildUser(db, { role: "county", county: "06", name: "Bertil Handläggare" });
    coordinator = await buildUser(db, { role: "municipality", municipality: "0680", name: "Sara Samordnare" });
    leadership = await buildUser(db, { role: "municipality", municipality: "0680", readOnly: true });
    await setResponsibleOfficer(db, "0680", anna.id); // Jönköping
    await setResponsibleOfficer(db, "0682", anna.id); // Nässjö
    await setResponsibleOfficer(db, "0683", bertil.id); // Värnamo
    // Every other municipality of the county, and Nässjö, have all their documents: only agreed dates remain there.
    for (const m of ["0604", "0617", "0642", "0643", "0662", "0665", "0682", "0684", "0685", "0686", "0687"])
      await hasEverything(m, anna.id);
    // Jönköping misses everything; dates are agreed for three of its documents.
    await agree("0680", "steeringDocument", "2026-11-20", anna.id); // overdue
    await agree("0680", "crisisBoardRules", "2026-12-10", anna.id); // within 30 days
    await agree("0680", "emergencyPlan", "2027-02-01", anna.id); // beyond 30 days
    await agree("0683", "rsa", "2026-12-01", bertil.id);
  });
  afterAll(() => t.close());

  it("[R1-3] [issue 10.10] an officer sees the items they are responsible for within 30 days, grouped by kind: due within 7 days, then overdue newest first, then the rest", async () => {
    const items = await watch(anna);
    expect(items.map((i) => [i.key, i.due, i.overdue])).toEqual([
      // The group whose first item is the most recent overdue one comes first.
      ["documents.yearTwo:0680:2023:steeringDocument", "2026-11-20", true],
      ["documents.yearTwo:0680:2023:crisisBoardRules", "2026-12-10", false],
      ["documents.deadline:0680:2023:trainingAndExercisePlan", "2023-12-31", true],
      ["documents.deadline:0680:2023:rsa", "2023-10-31", true],
    ]);
    expect(items.every((i) => i.responsible.id === anna.id && i.responsible.name === "Anna Handläggare")).toBe(true);
    expect(items.map((i) => i.daysLeft)).toEqual([-7, 13, -1062, -1123]);
    // A longer horizon brings the February date; horizon=0 leaves only what is overdue or due today.
    expect((await watch(anna, "?horizon=90")).map((i) => i.key)).toContain("documents.yearTwo:0680:2023:emergencyPlan");
    expect((await watch(anna, "?horizon=0")).every((i) => i.overdue || i.daysLeft === 0)).toBe(true);
    // Bertil sees only Värnamo's.
    expect((await watch(bertil)).map((i) => i.municipality?.code)).toEqual(["0683", "0683", "0683", "0683", "0683"]);
  });

  it("[R1-3] a county head sees the whole county with scope=county; an officer may not", async () => {
    expect(await watch(head)).toEqual([]); // responsible for nothing
    const county = await watch(head, "?scope=county");
    const codes = new Set(county.map((i) => i.municipality?.code));
    expect(codes).toEqual(new Set(["0680", "0683"]));
    // In core's order (issue 10.10): each kind's items together.
    expect(county).toEqual(orderWatchItems(county, (kind) => watchKindLabel(kind)));
    const kinds = county.map((i) => i.kind).filter((k, n, all) => n === 0 || all[n - 1] !== k);
    expect(new Set(kinds).size).toBe(kinds.length);
    const res = await (await as(anna)).get("/api/v1/watch?scope=county");
    expect(res.statusCode).toBe(403);
    expect((await (await as(anna)).get("/api/v1/watch?scope=all")).statusCode).toBe(400);
    expect((await (await as(anna)).get("/api/v1/watch?horizon=-1")).statusCode).toBe(400);
    // Another county's head sees none of this.
    const other = await buildUser(t.database.db, { role: "county", county: "07", countyHead: true });
    expect((await watch(other, "?scope=county")).filter((i) => i.municipality?.code.startsWith("06"))).toEqual([]);
  });

  it("[R1-3] a coordinator, and the municipality's leadership, see what the county awaits from their municipality", async () => {
    const items = await watch(coordinator);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.municipality?.code === "0680")).toBe(true);
    expect(items.map((i) => i.kind)).not.toContain("feedbackOwed");
    expect(items.map((i) => i.key)).toContain("documents.yearTwo:0680:2023:crisisBoardRules");
    expect(await watch(leadership)).toEqual(items);
    // scope=county is for county heads only.
    expect((await (await as(coordinator)).get("/api/v1/watch?scope=county")).statusCode).toBe(403);
    // Admins watch nothing: 403. The agency has a watch list of its own (R1-7), without the counties' items.
    const admin = await buildUser(t.database.db, { role: "admin" });
    expect((await (await as(admin)).get("/api/v1/watch")).statusCode).toBe(403);
    const agency = await buildUser(t.database.db, { role: "agency" });
    const agencyItems = await watch(agency, "?horizon=3650");
    expect(agencyItems.filter((i) => i.municipality !== null)).toEqual([]);
  });

  it("[R1-3] the county head hands a leaving officer's municipalities and open follow-up items to another officer", async () => {
    const db = t.database.db;
    // Anna owns an open and a done follow-up item from a dialogue in the county, and one in another county's entry.
    const entry = async (county: string, municipality: string) => {
      const [e] = await db
        .insert(dialogueEntries)
        .values({
          countyCode: county,
          date: "2026-11-02",
          form: "phone",
          subjects: ["rsa"],
          participants: { municipality: [], county: [] },
          authorId: anna.id,
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .returning();
      await db.insert(dialogueEntryMunicipalities).values({ entryId: e!.id, municipalityCode: municipality });
      return e!.id;
    };
    const inCounty = await entry("06", "0680");
    const elsewhere = await entry("07", "0780");
    const [open, done, foreign, named] = await db
      .insert(dialogueFollowUps)
      .values([
        { entryId: inCounty, text: "Skicka tidplanen", due: "2026-12-05", ownerUserId: anna.id },
        { entryId: inCounty, text: "Klart", due: "2026-11-05", ownerUserId: anna.id, doneAt: new Date() },
        { entryId: elsewhere, text: "Annat län", due: "2026-12-05", ownerUserId: anna.id },
        // Owned by a named person outside the system: Anna, the author, watches it until the hand-over.
        { entryId: inCounty, text: "Besluta om bränsleavtal", due: "2026-12-10", ownerName: "Lena Ek, kommundirektör" },
      ])
      .returning();

    const before = await watch(anna);
    const client = await as(head);
    const url = "/api/v1/counties/06/hand-over";
    // Refusals first: nothing moves.
    const inactive = await buildUser(db, { role: "county", county: "06", active: false });
    const otherCounty = await buildUser(db, { role: "county", county: "07" });
    for (const [body, field] of [
      [{ fromUserId: anna.id, toUserId: inactive.id }, "toUserId"],
      [{ fromUserId: anna.id, toUserId: otherCounty.id }, "toUserId"],
      [{ fromUserId: anna.id, toUserId: anna.id }, "toUserId"],
      [{ fromUserId: coordinator.id, toUserId: bertil.id }, "fromUserId"],
    ] as const) {
      const res = await client.post(url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.field).toBe(field);
    }
    expect((await (await as(anna)).post(url, { fromUserId: anna.id, toUserId: bertil.id })).statusCode).toBe(403);
    expect(
      (await client.post("/api/v1/counties/07/hand-over", { fromUserId: otherCounty.id, toUserId: bertil.id }))
        .statusCode,
    ).toBe(404);

    const res = await client.post(url, { fromUserId: anna.id, toUserId: bertil.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      county: "06",
      from: { id: anna.id, name: "Anna Handläggare" },
      to: { id: bertil.id, name: "Bertil Handläggare" },
      municipalities: [
        { code: "0680", name: "Jönköping" },
        { code: "0682", name: "Nässjö" },
      ],
      followUps: 2,
    });
    const officers = await db
      .select({ code: municipalities.code, officer: municipalities.responsibleOfficerId })
      .from(municipalities)
      .where(eq(municipalities.countyCode, "06"));
    expect(officers.filter((m) => m.officer === anna.id)).toEqual([]);
    expect(
      officers
        .filter((m) => m.officer === bertil.id)
        .map((m) => m.code)
        .sort(),
    ).toEqual(["0680", "0682", "0683"]);
    const owner = async (id: string) =>
      (await db.select().from(dialogueFollowUps).where(eq(dialogueFollowUps.id, id)))[0]!.ownerUserId;
    expect(await owner(open!.id)).toBe(bertil.id);
    expect(await owner(done!.id)).toBe(anna.id);
    expect(await owner(foreign!.id)).toBe(anna.id);
    const [namedRow] = await db.select().from(dialogueFollowUps).where(eq(dialogueFollowUps.id, named!.id));
    expect(namedRow).toMatchObject({
      ownerUserId: null,
      ownerName: "Lena Ek, kommundirektör",
      watcherUserId: bertil.id,
    });

    // The watched dates follow the responsibility: Anna's list is Bertil's now (the other county's item aside).
    const after = await watch(anna);
    expect(after.filter((i) => i.municipality?.code.startsWith("06"))).toEqual([]);
    const bertils = (await watch(bertil)).map((i) => i.key);
    for (const item of before.filter((i) => i.municipality?.code.startsWith("06"))) expect(bertils).toContain(item.key);
    expect(bertils.some((k) => k.includes(open!.id))).toBe(true);
    expect(before.find((i) => i.key.includes(open!.id))?.responsible.id).toBe(anna.id);
    expect(before.find((i) => i.key.includes(named!.id))?.responsible.id).toBe(anna.id);
    const namedAfter = (await watch(bertil)).find((i) => i.key.includes(named!.id));
    expect(namedAfter?.responsible).toEqual({ id: bertil.id, name: "Bertil Handläggare" });

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "watch.handOver"), eq(auditEvents.entityId, anna.id)));
    expect(event).toMatchObject({
      actorId: head.id,
      before: { responsibleOfficerId: anna.id, municipalities: ["0680", "0682"] },
      after: { responsibleOfficerId: bertil.id, followUps: [open!.id, named!.id] },
    });
  });
});
