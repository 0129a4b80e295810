import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { stringify } from "yaml";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { buildUser, insertDocumentVersion } from "../../../test/factories.js";
import { multipart } from "../../../test/multipart.js";
import { ROLE_SPECS, type RoleKey } from "../../../test/routes.js";
import { auditEvents, documentReviews, documentVersions } from "../../db/schema/index.js";
import { loadStarterCriteria } from "../../db/seed/criteria-starter.js";

interface ReviewCriterion {
  id: string;
  code: string;
  area: { code: string; title: string };
  tier: "basic" | "quality";
  result: string | null;
  comment: string | null;
}

/** A received version straight into the tables (uploads are the documents feature's). */
async function insertVersion(t: TestContext, municipality: string, type: string, createdBy: string) {
  const decidedBy = type === "rsa" ? "executiveBoard" : "council";
  const spec = { municipality, type, createdBy, decidedBy, decidedOn: "2023-06-12", receivedOn: "2023-06-20" };
  return (await insertDocumentVersion(t, spec)).versionId;
}

describe("[R2.2-3] review of a document version against the criteria", () => {
  let t: TestContext;
  let officer: Awaited<ReturnType<TestContext["as"]>>;
  let otherCounty: Client;
  let coordinator: Client;
  let agency: Client;
  let steering: string;
  let rsa: string;
  let outside: string;
  let library: { areas: { criteria: { id: string; code: string; tier: string; documentTypes: string[] }[] }[] };

  const statusOf = async (id: string) =>
    (await t.database.db.select().from(documentVersions).where(eq(documentVersions.id, id)))[0]!.status;
  const reviewUrl = (id: string) => `/api/v1/document-versions/${id}/review`;
  const criteriaFor = (type: string) =>
    library.areas.flatMap((a) => a.criteria).filter((c) => c.documentTypes.includes(type));
  const allMet = (type: string) => criteriaFor(type).map((c) => ({ criterionId: c.id, result: "met" }));

  beforeAll(async () => {
    t = await createTestContext();
    await loadStarterCriteria(t.database.db, t.clock);
    officer = await t.as({ role: "county", county: "01" });
    otherCounty = await t.as({ role: "county", county: "14", countyHead: true });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    agency = await t.as({ role: "agency" });
    const author = await buildUser(t.database.db, { role: "municipality", municipality: "0180" });
    const author14 = await buildUser(t.database.db, { role: "municipality", municipality: "1480" });
    steering = await insertVersion(t, "0180", "steeringDocument", author.id);
    rsa = await insertVersion(t, "0180", "rsa", author.id);
    outside = await insertVersion(t, "1480", "emergencyPlan", author14.id);
    library = (await agency.get("/api/v1/criteria/library")).json();
  });
  afterAll(() => t.close());

  it("[R2.2-3] offers the active library's criteria for the document type, nothing assessed yet", async () => {
    const res = await officer.get(reviewUrl(steering));
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json();
    expect(review).toMatchObject({
      versionId: steering,
      documentType: "steeringDocument",
      versionStatus: "received",
      libraryVersion: { name: "Exempel – startbibliotek (ersätts av MCF:s officiella version)", isExample: true },
      outcome: null,
      summary: null,
      completedAt: null,
      reviewer: null,
    });
    expect(review.criteria.map((c: ReviewCriterion) => c.code)).toEqual(
      criteriaFor("steeringDocument").map((c) => c.code),
    );
    expect(review.criteria.length).toBeGreaterThan(3);
    expect(review.criteria.every((c: ReviewCriterion) => c.result === null && c.comment === null)).toBe(true);
    expect(review.criteria[0].area).toEqual({ code: expect.any(String), title: expect.any(String) });

    const rsaReview = (await officer.get(reviewUrl(rsa))).json();
    expect(rsaReview.criteria.map((c: ReviewCriterion) => c.code)).toEqual(criteriaFor("rsa").map((c) => c.code));
    expect(rsaReview.criteria.map((c: ReviewCriterion) => c.code)).not.toContain("PLAN-1");
  });

  it("[R2.2-3] saving without an outcome records the results and marks the version underReview", async () => {
    const [first, second] = criteriaFor("steeringDocument");
    const res = await officer.put(reviewUrl(steering), {
      items: [
        { criterionId: first!.id, result: "met", comment: "Beslutat av kommunfullmäktige 2023-06-12, § 112." },
        { criterionId: second!.id, result: "partlyMet", comment: "x".repeat(500) },
      ],
      summary: "Granskningen pågår.",
    });
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json();
    expect(review).toMatchObject({ versionStatus: "underReview", outcome: null, completedAt: null });
    expect(review.reviewer).toEqual({ id: officer.user.id, name: officer.user.name });
    const byCode = Object.fromEntries(review.criteria.map((c: ReviewCriterion) => [c.code, c]));
    expect(byCode[first!.code]).toMatchObject({
      result: "met",
      comment: "Beslutat av kommunfullmäktige 2023-06-12, § 112.",
    });
    expect(byCode[second!.code].result).toBe("partlyMet");
    expect(await statusOf(steering)).toBe("underReview");

    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "documentReviews.save"));
    expect(event).toMatchObject({ actorEmail: officer.user.email, entityType: "documentReview" });
    expect(event!.after).toMatchObject({
      versionId: steering,
      status: "underReview",
      outcome: null,
      counts: { met: 1, partlyMet: 1, notMet: 0, notAssessed: criteriaFor("steeringDocument").length - 2 },
    });
    // The log holds counts, never the comments or the summary.
    expect(JSON.stringify(event)).not.toContain("kommunfullmäktige 2023-06-12");
    expect(JSON.stringify(event)).not.toContain("xxxxxxxxxx");
    expect(JSON.stringify(event)).not.toContain("Granskningen pågår");
  });

  it("[R2.2-3] a coordinator cannot write (403) and reads the results only once the review is completed", async () => {
    const put = await coordinator.put(reviewUrl(steering), { items: [] });
    expect(put.statusCode).toBe(403);
    const inProgress = (await coordinator.get(reviewUrl(steering))).json();
    expect(inProgress).toMatchObject({ versionStatus: "underReview", outcome: null, summary: null, reviewer: null });
    expect(inProgress.criteria.every((c: ReviewCriterion) => c.result === null && c.comment === null)).toBe(true);
    const leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    expect((await leadership.put(reviewUrl(steering), { items: [] })).statusCode).toBe(403);
    expect((await agency.put(reviewUrl(steering), { items: [] })).statusCode).toBe(403);
  });

  it("[R2.2-3] completing needs every basic requirement assessed; outcome approved sets the version's status", async () => {
    const basics = criteriaFor("steeringDocument").filter((c) => c.tier === "basic");
    const incomplete = await officer.put(reviewUrl(steering), {
      items: [{ criterionId: basics[0]!.id, result: "met" }],
      outcome: "approved",
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.message).toMatch(new RegExp(`Obedömda: .*${basics[1]!.code}`));
    expect(await statusOf(steering)).toBe("underReview");

    const items = allMet("steeringDocument").map((i, n) =>
      n === 1 ? { ...i, result: "notMet", comment: "Saknar mål." } : i,
    );
    const approved = await officer.put(reviewUrl(steering), {
      items,
      summary: "Styrdokumentet uppfyller de grundläggande kraven efter komplettering av målen.",
      outcome: "approved",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ versionStatus: "approved", outcome: "approved" });
    expect(approved.json().completedAt).toBe(t.clock.now().toISOString());
    expect(await statusOf(steering)).toBe("approved");

    // The municipality now reads the completed review.
    const read = (await coordinator.get(reviewUrl(steering))).json();
    expect(read).toMatchObject({ outcome: "approved", versionStatus: "approved" });
    expect(read.summary).toMatch(/uppfyller de grundläggande kraven/);
    expect(read.criteria.filter((c: ReviewCriterion) => c.result === "notMet")).toHaveLength(1);
    expect(read.criteria.find((c: ReviewCriterion) => c.result === "notMet").comment).toBe("Saknar mål.");
    // And the agency reads it too.
    expect((await agency.get(reviewUrl(steering))).json().outcome).toBe("approved");

    const supplement = await officer.put(reviewUrl(rsa), { items: allMet("rsa"), outcome: "supplementRequested" });
    expect(supplement.json().versionStatus).toBe("supplementRequested");
    expect(await statusOf(rsa)).toBe("supplementRequested");
    // Saving again without an outcome reopens it.
    const reopened = await officer.put(reviewUrl(rsa), { items: allMet("rsa"), outcome: null });
    expect(reopened.json()).toMatchObject({ versionStatus: "underReview", outcome: null, completedAt: null });
    const reviews = await t.database.db.select().from(documentReviews).where(eq(documentReviews.versionId, rsa));
    expect(reviews).toHaveLength(1);
  });

  it("[R2.2-3] a county user outside the municipality's county gets 404", async () => {
    expect((await otherCounty.get(reviewUrl(steering))).statusCode).toBe(404);
    const put = await otherCounty.put(reviewUrl(steering), { items: [] });
    expect(put.statusCode).toBe(404);
    expect((await officer.get(reviewUrl(outside))).statusCode).toBe(404);
    expect((await officer.put(reviewUrl(outside), { items: [] })).statusCode).toBe(404);
    expect((await coordinator.get(reviewUrl(outside))).statusCode).toBe(404);
    expect((await otherCounty.get(reviewUrl(outside))).statusCode).toBe(200);
    expect((await officer.get(reviewUrl("00000000-0000-4000-8000-000000000000"))).statusCode).toBe(404);
  });

  it("[R2.2-3] every role, in and out of scope, gets the expected status", async () => {
    const expected: Record<RoleKey, [number, number, number, number]> = {
      // GET in, GET out, PUT in, PUT out
      anonymous: [401, 401, 401, 401],
      agency: [200, 200, 403, 403],
      countyHead: [200, 404, 200, 404],
      countyOfficer: [200, 404, 200, 404],
      coordinator: [200, 404, 403, 403],
      leadership: [200, 404, 403, 403],
      admin: [403, 403, 403, 403],
    };
    const version = await insertVersion(t, "0180", "crisisBoardRules", officer.user.id);
    for (const [role, statuses] of Object.entries(expected) as [RoleKey, number[]][]) {
      const client = role === "anonymous" ? t.anonymous : await t.as(ROLE_SPECS[role]);
      const got = [
        (await client.get(reviewUrl(version))).statusCode,
        (await client.get(reviewUrl(outside))).statusCode,
        (await client.put(reviewUrl(version), { items: [] })).statusCode,
        (await client.put(reviewUrl(outside), { items: [] })).statusCode,
      ];
      expect(got, role).toEqual(statuses);
    }
  });

  it("[R2.2-3] an unknown criterion, one for another type, a duplicate or a bad result is a 400 and changes nothing", async () => {
    const version = await insertVersion(t, "0180", "trainingAndExercisePlan", officer.user.id);
    const before = (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
    const unknown = await officer.put(reviewUrl(version), {
      items: [{ criterionId: "00000000-0000-4000-8000-000000000001", result: "met" }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/finns inte bland kriterierna/);
    const otherType = criteriaFor("rsa").find((c) => !c.documentTypes.includes("trainingAndExercisePlan"))!;
    expect(
      (await officer.put(reviewUrl(version), { items: [{ criterionId: otherType.id, result: "met" }] })).statusCode,
    ).toBe(400);
    const one = criteriaFor("trainingAndExercisePlan")[0]!;
    const duplicate = await officer.put(reviewUrl(version), {
      items: [
        { criterionId: one.id, result: "met" },
        { criterionId: one.id, result: "notMet" },
      ],
    });
    expect(duplicate.statusCode).toBe(400);
    const badResult = await officer.put(reviewUrl(version), { items: [{ criterionId: one.id, result: "ok" }] });
    expect(badResult.statusCode).toBe(400);
    expect(badResult.json().error.code).toBe("validation");
    const badOutcome = await officer.put(reviewUrl(version), { items: [], outcome: "rejected" });
    expect(badOutcome.statusCode).toBe(400);
    const nul = await officer.put(reviewUrl(version), {
      items: [{ criterionId: one.id, result: "met", comment: "a\u0000b" }],
    });
    expect(nul.statusCode).toBe(400);
    expect(await statusOf(version)).toBe("received");
    expect((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(before);
  });

  it("[R2.2-3] a started review keeps its library version when the agency activates another", async () => {
    const yaml = stringify({
      name: "Gemensamma bedömningskriterier (test)",
      version: "2027.1",
      sourceReference: "MCF test",
      areas: [
        {
          code: "S",
          title: "Styrning",
          criteria: [
            { code: "S-1", tier: "basic", text: "Beslutat av fullmäktige.", documentTypes: ["steeringDocument"] },
          ],
        },
      ],
    });
    const body = multipart([
      { name: "file", value: Buffer.from(yaml), fileName: "ny.yaml", contentType: "application/yaml" },
    ]);
    const imported = await agency.request({
      method: "POST",
      url: "/api/v1/criteria/versions/import?activate=true",
      payload: body.payload,
      headers: body.headers,
    });
    expect(imported.statusCode, imported.body).toBe(201);

    const kept = (await officer.get(reviewUrl(steering))).json();
    expect(kept.libraryVersion.version).toBe("exempel-2026.2");
    expect(kept.criteria.length).toBe(criteriaFor("steeringDocument").length);
    // Its criteria stay the ones it can be saved with.
    expect((await officer.put(reviewUrl(steering), { items: allMet("steeringDocument") })).statusCode).toBe(200);

    const fresh = await insertVersion(t, "0180", "steeringDocument", officer.user.id);
    const review = (await officer.get(reviewUrl(fresh))).json();
    expect(review.libraryVersion.version).toBe("2027.1");
    expect(review.criteria.map((c: ReviewCriterion) => c.code)).toEqual(["S-1"]);
    const old = await officer.put(reviewUrl(fresh), {
      items: [{ criterionId: criteriaFor("steeringDocument")[0]!.id, result: "met" }],
    });
    expect(old.statusCode).toBe(400);
  });
});
