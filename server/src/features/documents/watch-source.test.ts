import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import {
  buildDocumentFollowUp,
  insertDocumentVersion,
  sessionFor,
  setResponsibleOfficer,
} from "../../../test/factories.js";
import { documentFeedback } from "../../db/schema/index.js";
import { createWatchRegistry } from "../../platform/watch/registry.js";
import { registerDocumentWatch } from "./watch-source.js";

interface Item {
  key: string;
  due: string;
  kind: string;
  kindLabel: string;
  title: string;
  municipality: { code: string; name: string } | null;
  responsible: { id: string | null; name: string | null };
  overdue: boolean;
  daysLeft: number;
  link: string;
}

function addVersion(t: TestContext, municipality: string, type: string, receivedOn: string, createdBy: string) {
  return insertDocumentVersion(t, { municipality, type, receivedOn, createdBy, createdAt: new Date() });
}

describe("the documents' dates on the watch list", () => {
  let t: TestContext;
  let officer: Awaited<ReturnType<TestContext["as"]>>;
  let coordinator: Awaited<ReturnType<TestContext["as"]>>;
  let rsa: { documentId: string; versionId: string };

  beforeAll(async () => {
    t = await createTestContext({ FEEDBACK_WAIT_DAYS: "60" });
    t.clock.set("2026-11-27T10:00:00+01:00");
    officer = await t.as({ role: "county", county: "05", name: "Olga Östergötland" });
    coordinator = await t.as({ role: "municipality", municipality: "0580" });
    await setResponsibleOfficer(t.database.db, "0580", officer.user.id);
    await setResponsibleOfficer(t.database.db, "0581", officer.user.id);
    // Linköping has its RSA report (received 2026-10-01) and its training plan; Norrköping has everything.
    rsa = await addVersion(t, "0580", "rsa", "2026-10-01", officer.user.id);
    await addVersion(t, "0580", "trainingAndExercisePlan", "2023-12-01", officer.user.id);
    for (const type of ["rsa", "steeringDocument", "crisisBoardRules", "emergencyPlan", "trainingAndExercisePlan"])
      await addVersion(t, "0581", type, "2023-10-15", officer.user.id);
  });
  afterAll(() => t.close());

  /** The clock moves by months here: a fresh session for each look. */
  const list = async (who = officer, query = "") => {
    const client = clientFor(t.app, await sessionFor(t.database.db, who.user.id, t.clock.now()));
    const res = await client.get(`/api/v1/watch${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Item[] }).items;
  };

  it("[R1-3] [R2.2-1] each required document with no version is watched at its deadline, missed ones as overdue", async () => {
    const items = (await list()).filter((i) => i.kind === "documentDeadline");
    expect(items.map((i) => i.key).sort()).toEqual([
      "documents.deadline:0580:2023:crisisBoardRules",
      "documents.deadline:0580:2023:emergencyPlan",
      "documents.deadline:0580:2023:steeringDocument",
    ]);
    expect(items[0]).toMatchObject({
      due: "2023-12-31",
      kindLabel: "Sista dag för dokument",
      municipality: { code: "0580", name: "Linköping" },
      responsible: { id: officer.user.id, name: "Olga Östergötland" },
      overdue: true,
      link: "/kommun/0580?period=2023",
    });
    expect(items[0]!.daysLeft).toBeLessThan(-1000);
    expect(items.find((i) => i.key.endsWith("steeringDocument"))!.title).toBe(
      "Styrdokument för krisberedskap ska vara beslutad: Linköping",
    );
  });

  it("[R2.2-4] an agreed year-two date is watched instead of the missed deadline, until the document arrives", async () => {
    await buildDocumentFollowUp(t, {
      municipality: "0580",
      type: "steeringDocument",
      reason: "Fullmäktige beslutar i december.",
      agreedDate: "2026-12-15",
      recordedBy: officer.user.id,
      updatedAt: new Date(),
    });
    let items = await list();
    expect(items.map((i) => i.key)).not.toContain("documents.deadline:0580:2023:steeringDocument");
    const agreed = items.find((i) => i.kind === "yearTwoAgreedDate")!;
    expect(agreed).toMatchObject({
      key: "documents.yearTwo:0580:2023:steeringDocument",
      due: "2026-12-15",
      kindLabel: "Överenskommet datum för saknat dokument",
      title: "Styrdokument för krisberedskap enligt överenskommet datum: Linköping",
      overdue: false,
      daysLeft: 18,
      responsible: { id: officer.user.id },
    });
    // The county awaits it from the municipality: the coordinator sees it too.
    expect((await list(coordinator)).map((i) => i.key)).toContain("documents.yearTwo:0580:2023:steeringDocument");

    t.clock.set("2026-12-16T08:00:00+01:00");
    expect((await list()).find((i) => i.kind === "yearTwoAgreedDate")).toMatchObject({ overdue: true, daysLeft: -1 });

    await addVersion(t, "0580", "steeringDocument", "2026-12-16", officer.user.id);
    items = await list();
    expect(items.filter((i) => i.kind !== "feedbackOwed" && i.key.includes("0580:2023:steeringDocument"))).toEqual([]);
  });

  it("[R2.2-4] an agreed date that falls in the next period stays watched after the period has ended", async () => {
    await buildDocumentFollowUp(t, {
      municipality: "0580",
      type: "emergencyPlan",
      reason: "Planen revideras efter valet.",
      agreedDate: "2027-03-31",
      recordedBy: officer.user.id,
      updatedAt: new Date(),
    });
    t.clock.set("2027-03-01T09:00:00+01:00");
    const items = await list();
    expect(items.map((i) => i.key)).toContain("documents.yearTwo:0580:2023:emergencyPlan");
    // The ended period's missed first-year deadlines are no longer watched; the new period's are (not yet due).
    expect(items.filter((i) => i.key.startsWith("documents.deadline:0580:2023"))).toEqual([]);
    const next = await list(officer, "?horizon=400");
    expect(next.filter((i) => i.key.startsWith("documents.deadline:0580:2027")).map((i) => i.due)).toContain(
      "2027-10-31",
    );
  });

  it("[R2.3-3] feedback owed falls due FEEDBACK_WAIT_DAYS after the document was received and is overdue after that", async () => {
    t.clock.set("2026-11-27T10:00:00+01:00");
    const key = "documents.feedback:0580:2023:rsa:v1";
    // Received 2026-10-01 + 60 days = 2026-11-30: within the 30-day horizon, not yet overdue.
    let owed = (await list()).find((i) => i.key === key)!;
    expect(owed).toMatchObject({
      kind: "feedbackOwed",
      kindLabel: "Återkoppling att skicka",
      due: "2026-11-30",
      overdue: false,
      daysLeft: 3,
      title: "Återkoppling på Risk- och sårbarhetsanalys (RSA) (version 1): Linköping",
    });
    // Not something the county awaits from the municipality.
    expect((await list(coordinator)).map((i) => i.key)).not.toContain(key);
    // Types without expected feedback are not owed any; Norrköping's documents (received 2023) are long overdue.
    const all = await list();
    expect(
      all
        .filter((i) => i.kind === "feedbackOwed")
        .map((i) => i.key)
        .sort(),
    ).toEqual([
      "documents.feedback:0580:2023:rsa:v1",
      "documents.feedback:0580:2023:trainingAndExercisePlan:v1",
      "documents.feedback:0581:2023:rsa:v1",
      "documents.feedback:0581:2023:steeringDocument:v1",
      "documents.feedback:0581:2023:trainingAndExercisePlan:v1",
    ]);

    t.clock.set("2026-11-30T16:00:00+01:00");
    expect((await list()).find((i) => i.key === key)).toMatchObject({ overdue: false, daysLeft: 0 });
    t.clock.set("2026-12-01T08:00:00+01:00");
    owed = (await list()).find((i) => i.key === key)!;
    expect(owed).toMatchObject({ overdue: true, daysLeft: -1 });

    // A draft does not settle it; sent feedback does.
    const [draft] = await t.database.db
      .insert(documentFeedback)
      .values({
        documentId: rsa.documentId,
        versionId: rsa.versionId,
        authorId: officer.user.id,
        body: "Utkast.",
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning();
    expect((await list()).map((i) => i.key)).toContain(key);
    await t.database.db
      .update(documentFeedback)
      .set({ sentOn: "2026-12-01", sentBy: officer.user.id })
      .where(eq(documentFeedback.id, draft!.id));
    expect((await list()).map((i) => i.key)).not.toContain(key);
  });

  it("[R1-3] one registry call covers the whole county with one query per source and nothing outside it", async () => {
    const watch = createWatchRegistry();
    registerDocumentWatch(watch, t.config);
    expect(watch.kinds()).toEqual(["documentDeadline", "yearTwoAgreedDate", "feedbackOwed"]);
    const items = await watch.collect(t.database.db, { today: "2026-12-01", counties: ["05"] });
    // 13 municipalities in Östergötlands län: every missing document of each is there, and only those.
    expect(new Set(items.map((i) => i.county))).toEqual(new Set(["05"]));
    expect(new Set(items.filter((i) => i.kind === "documentDeadline").map((i) => i.municipality!.code)).size).toBe(12);
    expect(await watch.collect(t.database.db, { today: "2026-12-01", counties: [] })).toEqual([]);
    const two = await watch.collect(t.database.db, { today: "2026-12-01", municipalities: ["0580", "1480"] });
    expect(new Set(two.map((i) => i.municipality!.code))).toEqual(new Set(["0580", "1480"]));
  });
});
