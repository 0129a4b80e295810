import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildDocumentFollowUp, setResponsibleOfficer } from "../../../test/factories.js";
import { auditEvents, calendarTokens, users } from "../../db/schema/index.js";
import { escapeText, foldLine, renderCalendar } from "./ical.js";

/** Every content line ends with CRLF and is at most 75 octets. */
function expectWellFormed(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { calendar, events };
}

describe("iCalendar text (RFC 5545)", () => {
  it("folds long lines at 75 octets without splitting a character, and escapes text", () => {
    const long =
      "Överenskommet datum för utbildnings- och övningsplan; ärendet gäller Ödeshög, Åtvidaberg och Älmhult\n".repeat(
        3,
      );
    const folded = foldLine(`SUMMARY:${escapeText(long)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .slice(1)
        .every((l) => l.startsWith(" ")),
    ).toBe(true);
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");

    const text = renderCalendar({
      name: "Uppsikt – min bevakning",
      prodId: "-//Uppsikt//Bevakning//SV",
      now: new Date("2026-11-27T09:00:00Z"),
      events: [{ uid: "x:1@uppsikt", date: "2026-12-31", summary: long, description: "Rad 1\nRad 2, med komma" }],
    });
    expectWellFormed(text);
    const { events } = parse(text);
    expect(events[0]!.summary).toBe(long);
    expect(events[0]!.description).toBe("Rad 1\nRad 2, med komma");
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe("2026-12-31");
    expect(events[0]!.endDate.toString()).toBe("2027-01-01");
  });
});

describe("[R1-3] the private calendar feed of a user's watched dates", () => {
  let t: TestContext;
  let officer: Awaited<ReturnType<TestContext["as"]>>;

  beforeAll(async () => {
    t = await createTestContext({ APP_URL: "https://uppsikt.lst.example" });
    officer = await t.as({ role: "county", county: "06", name: "Anna Handläggare" });
    await setResponsibleOfficer(t.database.db, "0680", officer.user.id);
    await buildDocumentFollowUp(t, {
      municipality: "0680",
      type: "steeringDocument",
      reason: "Fullmäktige i december.",
      agreedDate: "2026-12-15",
      recordedBy: officer.user.id,
      updatedAt: new Date(),
    });
  });
  afterAll(() => t.close());

  const path = (url: string) => new URL(url).pathname;

  it("[R1-3] a feed URL with a secret token; the feed parses and holds the user's dates as all-day events", async () => {
    expect((await officer.get("/api/v1/me/calendar-token")).json()).toEqual({ active: false, createdAt: null });
    const created = await officer.post("/api/v1/me/calendar-token");
    expect(created.statusCode, created.body).toBe(201);
    const { url } = created.json() as { url: string };
    expect(url).toMatch(/^https:\/\/uppsikt\.lst\.example\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await officer.get("/api/v1/me/calendar-token")).json()).toMatchObject({ active: true });

    // Only the hash is stored, and the audit log never has the token.
    const token = path(url)
      .split("/")
      .pop()!
      .replace(/\.ics$/, "");
    const rows = await t.database.db.select().from(calendarTokens).where(eq(calendarTokens.userId, officer.user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([createHash("sha256").update(token).digest("hex")]);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "calendarFeed.create"));
    expect(JSON.stringify(audit)).not.toContain(token);

    // No session: the token alone opens it (an Outlook subscription sends no cookie).
    const res = await t.anonymous.get(path(url));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expectWellFormed(res.body);
    const { calendar, events } = parse(res.body);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Uppsikt//Bevakning//SV");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Uppsikt – min bevakning");

    const agreed = events.find((e) => e.uid === "documents.yearTwo:0680:2023:steeringDocument@uppsikt")!;
    expect(agreed.summary).toBe("Styrdokument för krisberedskap enligt överenskommet datum: Jönköping");
    expect(agreed.startDate.isDate).toBe(true);
    expect(agreed.startDate.toString()).toBe("2026-12-15");
    expect(agreed.description).toContain("Kommun: Jönköping (0680)");
    expect(agreed.description).toContain("https://uppsikt.lst.example/kommun/0680?period=2023");
    // The missing documents' deadlines are there too (overdue, on their dates), and nothing of other officers.
    expect(events.map((e) => e.uid).sort()).toEqual([
      "documents.deadline:0680:2023:crisisBoardRules@uppsikt",
      "documents.deadline:0680:2023:emergencyPlan@uppsikt",
      "documents.deadline:0680:2023:rsa@uppsikt",
      "documents.deadline:0680:2023:trainingAndExercisePlan@uppsikt",
      "documents.yearTwo:0680:2023:steeringDocument@uppsikt",
    ]);
    expect(events.find((e) => e.uid.startsWith("documents.deadline:0680:2023:rsa"))!.startDate.toString()).toBe(
      "2023-10-31",
    );
  });

  it("[R1-3] a coordinator's feed holds what the county awaits from their municipality", async () => {
    const coordinator = await t.as({ role: "municipality", municipality: "0680" });
    const { url } = (await coordinator.post("/api/v1/me/calendar-token")).json() as { url: string };
    const { events } = parse((await t.anonymous.get(path(url))).body);
    expect(events.map((e) => e.uid)).toContain("documents.yearTwo:0680:2023:steeringDocument@uppsikt");
    const other = await t.as({ role: "municipality", municipality: "0682" });
    const { url: otherUrl } = (await other.post("/api/v1/me/calendar-token")).json() as { url: string };
    expect(parse((await t.anonymous.get(path(otherUrl))).body).events.every((e) => e.uid.includes(":0682:"))).toBe(
      true,
    );
    // The agency's feed holds its own list (R1-7), never what a county awaits from a municipality.
    const agency = await t.as({ role: "agency" });
    const created = await agency.post("/api/v1/me/calendar-token");
    expect(created.statusCode).toBe(201);
    const agencyFeed = parse((await t.anonymous.get(path((created.json() as { url: string }).url))).body);
    expect(agencyFeed.events.some((e) => e.uid.includes(":0680:"))).toBe(false);
  });

  it("[R1-3] a new URL revokes the old one; a revoked or unknown token answers 404", async () => {
    const first = ((await officer.post("/api/v1/me/calendar-token")).json() as { url: string }).url;
    const second = ((await officer.post("/api/v1/me/calendar-token")).json() as { url: string }).url;
    expect(second).not.toBe(first);
    const gone = await t.anonymous.get(path(first));
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe("notFound");
    expect((await t.anonymous.get(path(second))).statusCode).toBe(200);

    const revoked = await officer.request({ method: "DELETE", url: "/api/v1/me/calendar-token" });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ revoked: true });
    expect((await t.anonymous.get(path(second))).statusCode).toBe(404);
    expect((await officer.get("/api/v1/me/calendar-token")).json()).toEqual({ active: false, createdAt: null });
    expect((await officer.request({ method: "DELETE", url: "/api/v1/me/calendar-token" })).json()).toEqual({
      revoked: false,
    });
    expect((await t.anonymous.get("/api/v1/calendar/x.ics")).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/calendar/${"A".repeat(43)}.ics`)).statusCode).toBe(404);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "calendarFeed.revoke"));
    expect(events).toHaveLength(1);
  });

  it("[R1-3] a deactivated user's feed stops working", async () => {
    const { url } = (await officer.post("/api/v1/me/calendar-token")).json() as { url: string };
    expect((await t.anonymous.get(path(url))).statusCode).toBe(200);
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, officer.user.id));
    expect((await t.anonymous.get(path(url))).statusCode).toBe(404);
  });
});
