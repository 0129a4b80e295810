import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { pdfWith } from "../../../test/documents.js";
import { buildDocumentRequest } from "../../../test/factories.js";
import { multipart } from "../../../test/multipart.js";
import { auditEvents, visits } from "../../db/schema/index.js";
import { reviewCountsFor } from "./counting.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

/** Inside the mandate period 2027–2030. */
const TODAY = "2027-06-15";

async function addVisit(
  t: TestContext,
  municipality: string,
  planned: string,
  over: Partial<typeof visits.$inferInsert> = {},
): Promise<string> {
  const [row] = await t.database.db
    .insert(visits)
    .values({
      municipalityCode: municipality,
      period: 2027,
      planned,
      kind: "later",
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
      ...over,
    })
    .returning({ id: visits.id });
  return row!.id;
}

const review = (over: Record<string, unknown> = {}) => ({
  reviewedOn: "2027-03-01",
  fromYear: 2025,
  toYear: 2026,
  findings: "Redovisningen av ersättningen är tydlig.",
  ...over,
});

const auditOf = (t: TestContext, action: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

describe("economic reviews (R2.5-1, R2.5-4 … R2.5-6)", () => {
  let t: TestContext;
  let officer: Client;
  let otherCounty: Client;
  let coordinator: Client;
  let leadership: Client;
  let otherCoordinator: Client;
  let agency: Client;
  let pdf: Buffer;

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set(`${TODAY}T10:00:00+02:00`);
    officer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    otherCounty = await t.as({ role: "county", county: "14" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    otherCoordinator = await t.as({ role: "municipality", municipality: "0181" });
    agency = await t.as({ role: "agency" });
    pdf = await pdfWith([{ heading: "Intern granskning 2026", body: "Kostnaderna stämmer med redovisningen." }]);
  });
  afterAll(() => t.close());

  it("[R2.5-1] counts and warnings through the API follow the clock: implied reviews, exemptions, linked reviews", async () => {
    const v1 = await addVisit(t, "0181", "2027-10-14");
    const v2 = await addVisit(t, "0181", "2029-03");
    const cancelled = await addVisit(t, "0181", "2028-05", { status: "cancelled" });
    let reader = officer;
    const list = async () => {
      const res = await reader.get("/api/v1/municipalities/0181/economic-reviews");
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await list()).toMatchObject({
      items: [],
      period: 2027,
      held: 0,
      planned: 2,
      impliedByVisits: [
        { id: v1, label: "Besök 2027-10-14" },
        { id: v2, label: "Besök mars 2029" },
      ],
      warnings: [],
      exemptVisits: [],
    });

    // The officer says the first visit has no review of its own: one short.
    const off = await officer.put(`/api/v1/visits/${v1}/economic-review`, { impliesReview: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ visitId: v1, date: "2027-10-14", impliesReview: false });
    expect(await list()).toMatchObject({ planned: 1, warnings: ["economicReviewsShort"] });
    expect(await auditOf(t, "economicReviews.visitReview", v1)).toHaveLength(1);
    // The list says which visits are exempt, so that the exemption can be undone; the municipality reads it too.
    expect((await list()).exemptVisits).toEqual([{ visitId: v1, label: "Besök 2027-10-14", date: "2027-10-14" }]);
    const own = await otherCoordinator.get("/api/v1/municipalities/0181/economic-reviews");
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().exemptVisits).toEqual([{ visitId: v1, label: "Besök 2027-10-14", date: "2027-10-14" }]);
    // A cancelled visit's exemption changes nothing and is not listed.
    expect(
      (await officer.put(`/api/v1/visits/${cancelled}/economic-review`, { impliesReview: false })).statusCode,
    ).toBe(200);
    expect((await list()).exemptVisits).toEqual([{ visitId: v1, label: "Besök 2027-10-14", date: "2027-10-14" }]);
    expect((await coordinator.put(`/api/v1/visits/${v1}/economic-review`, { impliesReview: true })).statusCode).toBe(
      403,
    );
    expect((await otherCounty.put(`/api/v1/visits/${v1}/economic-review`, { impliesReview: true })).statusCode).toBe(
      404,
    );
    expect((await officer.put(`/api/v1/visits/${v1}/economic-review`, { impliesReview: true })).statusCode).toBe(200);
    expect(await list()).toMatchObject({ planned: 2, warnings: [], exemptVisits: [] });
    expect(await auditOf(t, "economicReviews.visitReview", v1)).toHaveLength(2);

    // Once the first visit has passed, its implied review counts only with a linked review recorded.
    t.clock.set("2027-10-20T10:00:00+02:00");
    try {
      // A new session: the earlier ones expired with the months that passed.
      reader = await t.as({ role: "county", county: "01" });
      expect(await list()).toMatchObject({ held: 0, planned: 1, warnings: ["economicReviewsShort"] });
      const linked = await reader.post(
        "/api/v1/municipalities/0181/economic-reviews",
        review({ reviewedOn: "2027-10-14", visitId: v1 }),
      );
      expect(linked.statusCode, linked.body).toBe(201);
      expect(linked.json()).toMatchObject({ held: true, period: 2027, visit: { id: v1, label: "Besök 2027-10-14" } });
      expect(await list()).toMatchObject({ held: 1, planned: 1, warnings: [] });
    } finally {
      t.clock.set(`${TODAY}T10:00:00+02:00`);
    }
  });

  it("[R2.5-1] one visit in the period: the review in between is missing until one lies more than 90 days away", async () => {
    await addVisit(t, "0182", "2027-10-14");
    const counts = async () => (await reviewCountsFor(t.database.db, ["0182", "0183"], t.clock.today())).get("0182");
    expect(await counts()).toMatchObject({
      held: 0,
      planned: 1,
      warnings: ["economicReviewsShort", "reviewBetweenVisitsMissing"],
    });
    // 90 days before the visit still warns; 91 days does not.
    const at90 = await officer.post(
      "/api/v1/municipalities/0182/economic-reviews",
      review({ reviewedOn: "2027-07-16" }),
    );
    expect(at90.statusCode, at90.body).toBe(201);
    expect(at90.json().held).toBe(false);
    expect((await counts())!.warnings).toEqual(["reviewBetweenVisitsMissing"]);
    const moved = await officer.put(`/api/v1/economic-reviews/${at90.json().id}`, {
      ...review({ reviewedOn: "2027-07-15" }),
      version: 1,
      visitId: null,
      documentRequestIds: [],
      remainingFunds: null,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().version).toBe(2);
    expect(await counts()).toMatchObject({ held: 0, planned: 2, warnings: [] });
    // Another municipality with nothing in the period is short; counting is batched over the codes.
    expect((await reviewCountsFor(t.database.db, ["0182", "0183"], t.clock.today())).get("0183")).toEqual({
      held: 0,
      planned: 0,
      impliedByVisits: [],
      warnings: ["economicReviewsShort"],
    });
    expect((await officer.get("/api/v1/municipalities/0182/economic-reviews")).json().warnings).toEqual([]);
  });

  it("[R2.5-5] the remaining-funds decision is stored with the review and shown; a future decision is refused", async () => {
    const decision = {
      amount: 350000,
      reasoning: "Kommunen har utfört sina uppgifter och får använda återstående medel till övning av ledningsplatsen.",
      decidedOn: "2027-06-01",
    };
    const res = await officer.post(
      "/api/v1/municipalities/0180/economic-reviews",
      review({ remainingFunds: decision }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      municipality: { code: "0180", name: "Stockholm" },
      remainingFunds: decision,
      createdBy: { id: officer.user.id, name: "Sara Nyström" },
      version: 1,
      files: [],
    });
    for (const reader of [coordinator, leadership, agency]) {
      const got = await reader.get(`/api/v1/economic-reviews/${created.id}`);
      expect(got.statusCode).toBe(200);
      expect(got.json().remainingFunds).toEqual(decision);
    }
    const [audit] = await auditOf(t, "economicReviews.create", created.id);
    expect(audit!.after).toMatchObject({ municipality: "0180", remainingFunds: decision });

    const future = await officer.post(
      "/api/v1/municipalities/0180/economic-reviews",
      review({ remainingFunds: { ...decision, decidedOn: "2027-06-16" } }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/framtiden/);
    const backwards = await officer.post("/api/v1/municipalities/0180/economic-reviews", review({ toYear: 2024 }));
    expect(backwards.statusCode).toBe(400);

    // Updated with its version; a stale version is 409; the decision can be withdrawn.
    const body = { ...review(), visitId: null, documentRequestIds: [], remainingFunds: null };
    const updated = await officer.put(`/api/v1/economic-reviews/${created.id}`, { ...body, version: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ remainingFunds: null, version: 2 });
    const stale = await officer.put(`/api/v1/economic-reviews/${created.id}`, { ...body, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/ändrats/);
    expect(await auditOf(t, "economicReviews.update", created.id)).toHaveLength(1);
  });

  it("[R2.5-4] linked document requests are shown; another municipality's request or visit is refused", async () => {
    const env = { database: t.database, clock: t.clock };
    const own = await buildDocumentRequest(env, officer.user, "0180", { subject: "Kostnadsredovisning 2026" });
    const others = await buildDocumentRequest(env, officer.user, "0181", { subject: "Verifikationer" });
    const refused = await officer.post(
      "/api/v1/municipalities/0180/economic-reviews",
      review({ documentRequestIds: [own.id, others.id] }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/hör inte till kommunen/);
    const unknown = await officer.post(
      "/api/v1/municipalities/0180/economic-reviews",
      review({ documentRequestIds: ["00000000-0000-4000-8000-000000000000"] }),
    );
    expect(unknown.statusCode).toBe(400);
    const otherVisit = await addVisit(t, "0181", "2027-09-01");
    expect(
      (await officer.post("/api/v1/municipalities/0180/economic-reviews", review({ visitId: otherVisit }))).statusCode,
    ).toBe(400);
    const farVisit = await addVisit(t, "1480", "2027-09-01");
    expect(
      (await officer.post("/api/v1/municipalities/0180/economic-reviews", review({ visitId: farVisit }))).statusCode,
    ).toBe(404);

    const res = await officer.post(
      "/api/v1/municipalities/0180/economic-reviews",
      review({ documentRequestIds: [own.id] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().documentRequests).toEqual([
      { id: own.id, subject: "Kostnadsredovisning 2026", status: expect.any(String) },
    ]);
    const list = (await coordinator.get("/api/v1/municipalities/0180/economic-reviews")).json();
    expect(list.items.find((r: { id: string }) => r.id === res.json().id).documentRequests[0].id).toBe(own.id);
  });

  it("[R2.5-6] audit attachments: upload, download, 415 and scope", async () => {
    const created = (await officer.post("/api/v1/municipalities/0180/economic-reviews", review())).json();
    const upload = (client: Client, kind: string, file: { name: string; content: Buffer }) => {
      const body = multipart([
        { name: "file", value: file.content, fileName: file.name, contentType: "application/pdf" },
      ]);
      return client.request({
        method: "POST",
        url: `/api/v1/economic-reviews/${created.id}/files?kind=${kind}`,
        payload: body.payload,
        headers: body.headers,
      });
    };
    const res = await upload(officer, "ownAudit", { name: "Kommunens granskning 2026.pdf", content: pdf });
    expect(res.statusCode, res.body).toBe(201);
    const [file] = res.json().files;
    expect(file).toMatchObject({
      kind: "ownAudit",
      fileName: "Kommunens granskning 2026.pdf",
      mediaType: "application/pdf",
      sizeBytes: pdf.length,
    });
    for (const reader of [officer, coordinator, agency]) {
      const download = await reader.get(file.downloadUrl);
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    }
    expect((await otherCoordinator.get(file.downloadUrl)).statusCode).toBe(404);
    expect((await otherCounty.get(file.downloadUrl)).statusCode).toBe(404);
    // The file must be the review's own.
    const other = (await officer.post("/api/v1/municipalities/0180/economic-reviews", review())).json();
    expect((await officer.get(`/api/v1/economic-reviews/${other.id}/files/${file.id}`)).statusCode).toBe(404);

    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    expect((await upload(officer, "externalAudit", { name: "bild.pdf", content: png })).statusCode).toBe(415);
    expect((await upload(coordinator, "ownAudit", { name: "a.pdf", content: pdf })).statusCode).toBe(403);
    expect((await upload(otherCounty, "ownAudit", { name: "a.pdf", content: pdf })).statusCode).toBe(404);
    expect((await upload(officer, "secret", { name: "a.pdf", content: pdf })).statusCode).toBe(400);
    const [audit] = await auditOf(t, "economicReviews.attach", created.id);
    expect(audit!.after).toMatchObject({ municipality: "0180", kind: "ownAudit", fileIds: [file.id] });
    expect(JSON.stringify(audit!.after)).not.toContain("Kommunens granskning");
  });

  it("[R2.5-1] scope: the municipality reads its own, the county its own, the agency all; only the county writes", async () => {
    expect((await coordinator.get("/api/v1/municipalities/0180/economic-reviews")).statusCode).toBe(200);
    expect((await leadership.get("/api/v1/municipalities/0180/economic-reviews")).statusCode).toBe(200);
    expect((await agency.get("/api/v1/municipalities/0180/economic-reviews")).statusCode).toBe(200);
    expect((await otherCoordinator.get("/api/v1/municipalities/0180/economic-reviews")).statusCode).toBe(404);
    expect((await otherCounty.get("/api/v1/municipalities/0180/economic-reviews")).statusCode).toBe(404);
    expect((await otherCounty.post("/api/v1/municipalities/0180/economic-reviews", review())).statusCode).toBe(404);
    expect((await coordinator.post("/api/v1/municipalities/0180/economic-reviews", review())).statusCode).toBe(403);
    expect((await agency.post("/api/v1/municipalities/0180/economic-reviews", review())).statusCode).toBe(403);
    const id = (await officer.post("/api/v1/municipalities/0180/economic-reviews", review())).json().id;
    expect((await otherCounty.get(`/api/v1/economic-reviews/${id}`)).statusCode).toBe(404);
    expect((await otherCoordinator.get(`/api/v1/economic-reviews/${id}`)).statusCode).toBe(404);
    const body = { ...review(), version: 1, visitId: null, documentRequestIds: [], remainingFunds: null };
    expect((await otherCounty.put(`/api/v1/economic-reviews/${id}`, body)).statusCode).toBe(404);
    // An earlier period is asked for by its first year.
    const earlier = await officer.post(
      "/api/v1/municipalities/0180/economic-reviews",
      review({ reviewedOn: "2025-05-05" }),
    );
    expect(earlier.json().period).toBe(2023);
    const old = (await officer.get("/api/v1/municipalities/0180/economic-reviews?period=2023")).json();
    expect(old.items.map((r: { id: string }) => r.id)).toEqual([earlier.json().id]);
  });
});
