import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import mammoth from "mammoth";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { submit } from "../../../test/documents.js";
import { buildClearance } from "../../../test/factories.js";
import { auditEvents } from "../../db/schema/index.js";
import { loadStarterCriteria } from "../../db/seed/criteria-starter.js";
import { extractText } from "../../platform/files/extract.js";
import { loadNationalRules } from "../national-rules/seed.js";
import { demoRsaReportPdf } from "./demo-files.js";

const BASIS = "18 kap. 13 § OSL";
const FILE_NAME = "RSA Täby sårbarheter.pdf";
const COMMENT = "Reservvattnet till Roslagsvatten saknar avtal om reservkraft.";
const SUMMARY = "Sårbarheten i vattenförsörjningen behöver åtgärdas före nästa rapport.";

type Client = Awaited<ReturnType<TestContext["as"]>>;

interface Criterion {
  id: string;
  code: string;
  result: string | null;
  comment: string | null;
}

/**
 * The last confidentiality gaps of the documents (issue 9 item 5, R2.10-2): the RSA check, the review and the
 * feedback letter of a confidential version. Each row: what the uncleared do not get, and that the cleared read is
 * logged. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
describe("[R2.10-2] confidential document versions: RSA check, review and feedback letter", () => {
  let t: TestContext;
  let cleared: Client;
  let uncleared: Client;
  let agency: Client;
  let coordinator: Client;
  let versionId: string;
  let rsaCriteria: { id: string; tier: string; documentTypes: string[] }[];

  /** The confidential reads logged of an entity; with `part`, only those that showed that part. */
  const reads = async (entityId: string, part?: string) =>
    (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.entityId, entityId)))
    ).filter((e) => !part || (e.after as { parts?: string[] } | null)?.parts?.includes(part));
  const docxText = async (client: Client, feedbackId: string) => {
    const res = await client.get(`/api/v1/feedback/${feedbackId}/letter?format=docx`);
    expect(res.statusCode, res.body).toBe(200);
    return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
  };

  beforeAll(async () => {
    t = await createTestContext();
    await loadNationalRules(t.database.db, t.clock);
    await loadStarterCriteria(t.database.db, t.clock);
    cleared = await t.as({ role: "county", county: "01", name: "Klara Behörig" });
    uncleared = await t.as({ role: "county", county: "01", name: "Olle Obehörig" });
    agency = await t.as({ role: "agency" });
    coordinator = await t.as({ role: "municipality", municipality: "0160" });
    await buildClearance(t, { userId: cleared.user.id, county: "01", municipality: "0160" });

    const res = await submit(cleared, "0160", {
      type: "rsa",
      decidedOn: "2023-10-10",
      receivedOn: "2023-10-20",
      confidentialBasis: BASIS,
      files: [{ name: FILE_NAME, content: await demoRsaReportPdf({ municipality: "Täby", year: 2023 }) }],
    });
    expect(res.statusCode, res.body).toBe(201);
    versionId = res.json().versions[0].id;
    const library = (await agency.get("/api/v1/criteria/library")).json() as {
      areas: { criteria: { id: string; tier: string; documentTypes: string[] }[] }[];
    };
    rsaCriteria = library.areas.flatMap((a) => a.criteria).filter((c) => c.documentTypes.includes("rsa"));
    expect(rsaCriteria.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  const reviewBody = (outcome: string | null) => ({
    items: rsaCriteria.map((c, i) => ({
      criterionId: c.id,
      result: i === 0 ? "partlyMet" : "met",
      comment: i === 0 ? COMMENT : null,
    })),
    summary: SUMMARY,
    outcome,
  });

  it("[R2.10-2] hides the RSA check of a confidential version without clearance: no file names, no headings", async () => {
    for (const client of [uncleared, agency, coordinator]) {
      const res = await client.get(`/api/v1/document-versions/${versionId}/rsa-check`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain("Täby sårbarheter");
      const check = res.json();
      expect(check).toMatchObject({ checkable: false, missing: 0 });
      expect(check.message).toMatch(/sekretessbelagd \(18 kap\. 13 § OSL\).*behörighet/);
      expect(check.files).toEqual([expect.objectContaining({ fileName: "Sekretessbelagd fil", headings: 0 })]);
      expect(check.sections.every((s: { matchedHeading: string | null }) => s.matchedHeading === null)).toBe(true);
    }
    expect(await reads(versionId, "rsaCheck")).toHaveLength(0);
  });

  it("[R2.10-2] audits a cleared read of the RSA check of a confidential version, without its content", async () => {
    const check = (await cleared.get(`/api/v1/document-versions/${versionId}/rsa-check`)).json();
    expect(check).toMatchObject({ checkable: true, message: null });
    expect(check.files[0]).toMatchObject({ fileName: FILE_NAME });
    expect(check.files[0].headings).toBeGreaterThan(0);
    expect(check.sections.some((s: { matchedHeading: string | null }) => s.matchedHeading)).toBe(true);
    const logged = await reads(versionId, "rsaCheck");
    expect(logged).toEqual([
      expect.objectContaining({
        actorId: cleared.user.id,
        entityType: "documentVersion",
        after: { municipality: "0160", parts: ["rsaCheck"], basis: BASIS },
      }),
    ]);
    expect(JSON.stringify(logged)).not.toContain("Täby sårbarheter");
  });

  it("[R2.10-2] a review's comments and summary follow the version's confidentiality: hidden from the uncleared and the agency", async () => {
    const saved = await cleared.put(`/api/v1/document-versions/${versionId}/review`, reviewBody("supplementRequested"));
    expect(saved.statusCode, saved.body).toBe(200);
    const reviewId = (
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "documentReviews.save"))
    )
      .map((e) => e.entityId)
      .at(-1)!;

    for (const client of [uncleared, agency, coordinator]) {
      const res = await client.get(`/api/v1/document-versions/${versionId}/review`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain("Roslagsvatten");
      expect(res.body).not.toContain("vattenförsörjningen");
      const review = res.json();
      expect(review).toMatchObject({
        outcome: "supplementRequested",
        summary: null,
        confidential: { basis: BASIS, canRead: false, readableBy: [{ id: cleared.user.id, name: "Klara Behörig" }] },
      });
      expect(review.criteria.every((c: Criterion) => c.comment === null)).toBe(true);
      // Results are not content: they stay.
      expect(review.criteria.find((c: Criterion) => c.id === rsaCriteria[0]!.id).result).toBe("partlyMet");
    }
    const before = (await reads(reviewId)).length;

    const review = (await cleared.get(`/api/v1/document-versions/${versionId}/review`)).json();
    expect(review).toMatchObject({ summary: SUMMARY, confidential: { canRead: true } });
    expect(review.criteria.find((c: Criterion) => c.id === rsaCriteria[0]!.id).comment).toBe(COMMENT);
    const logged = await reads(reviewId);
    expect(logged).toHaveLength(before + 1);
    expect(logged.at(-1)).toMatchObject({
      actorId: cleared.user.id,
      entityType: "documentReview",
      after: { municipality: "0160", parts: ["comments"], basis: BASIS },
    });
    expect(JSON.stringify(logged)).not.toContain("Roslagsvatten");
  });

  it("[R2.10-2] an uncleared officer cannot overwrite the confidential comments they cannot see (403, nothing lost)", async () => {
    const res = await uncleared.put(`/api/v1/document-versions/${versionId}/review`, {
      items: rsaCriteria.map((c) => ({ criterionId: c.id, result: "met", comment: null })),
      summary: null,
      outcome: "approved",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/sekretessbelagd \(18 kap\. 13 § OSL\)/);
    const review = (await cleared.get(`/api/v1/document-versions/${versionId}/review`)).json();
    expect(review).toMatchObject({ outcome: "supplementRequested", summary: SUMMARY });
    expect(review.criteria.find((c: Criterion) => c.id === rsaCriteria[0]!.id).comment).toBe(COMMENT);
  });

  it("[R2.10-2] a feedback letter on a confidential version carries the review's comments only to the cleared, and that read is logged", async () => {
    const created = await uncleared.post(`/api/v1/document-versions/${versionId}/feedback`, {
      body: "Länsstyrelsen har tagit del av kommunens RSA-rapport.",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;

    const withheld = await docxText(uncleared, id);
    expect(withheld).toContain("Delvis uppfyllt");
    expect(withheld).not.toContain("Roslagsvatten");
    expect(withheld).toMatch(/Kommentarerna till granskningen är sekretessbelagda \(18 kap\. 13 § OSL\)/);
    expect(await reads(id)).toHaveLength(0);

    const full = await docxText(cleared, id);
    expect(full).toContain(COMMENT);
    // The letter then carries confidential content and says so in its footer.
    const pdf = await cleared.get(`/api/v1/feedback/${id}/letter?format=pdf`);
    expect(((await extractText(pdf.rawPayload, "pdf")).text ?? "").replace(/\s+/g, " ")).toContain(
      `Sekretessbelagd enligt ${BASIS}.`,
    );
    expect(await reads(id)).toEqual(
      [1, 2].map(() =>
        expect.objectContaining({
          actorId: cleared.user.id,
          entityType: "documentFeedback",
          after: { municipality: "0160", parts: ["reviewComments"], basis: BASIS },
        }),
      ),
    );

    // Sent to the municipality: the coordinator without clearance gets the letter without the comments.
    expect((await uncleared.post(`/api/v1/feedback/${id}/sent`, { sentOn: t.clock.today() })).statusCode).toBe(200);
    const municipal = await docxText(coordinator, id);
    expect(municipal).toContain("Delvis uppfyllt");
    expect(municipal).not.toContain("Roslagsvatten");
  });

  it("[R2.10-2] a letter sent to the municipality never contains the comments of a review that was not finished", async () => {
    const other = await submit(cleared, "0162", {
      type: "rsa",
      decidedOn: "2023-10-10",
      receivedOn: "2023-10-20",
      files: [{ name: "RSA Danderyd.pdf", content: await demoRsaReportPdf({ municipality: "Danderyd", year: 2023 }) }],
    });
    expect(other.statusCode, other.body).toBe(201);
    const otherVersion: string = other.json().versions[0].id;
    const draftReview = {
      items: [
        {
          criterionId: rsaCriteria[0]!.id,
          result: "notMet",
          comment: "Preliminärt: analysen av elförsörjningen saknas.",
        },
      ],
      summary: "Preliminär bedömning.",
      outcome: null,
    };
    const saved = await uncleared.put(`/api/v1/document-versions/${otherVersion}/review`, draftReview);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().completedAt).toBeNull();

    const created = await uncleared.post(`/api/v1/document-versions/${otherVersion}/feedback`, {
      body: "Länsstyrelsen återkommer med en fullständig granskning.",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    expect((await uncleared.post(`/api/v1/feedback/${id}/sent`, { sentOn: t.clock.today() })).statusCode).toBe(200);
    const coordinator0162 = await t.as({ role: "municipality", municipality: "0162" });
    for (const client of [coordinator0162, uncleared]) {
      const text = await docxText(client, id);
      expect(text).toContain("Länsstyrelsen återkommer med en fullständig granskning.");
      expect(text).not.toContain("elförsörjningen");
      expect(text).not.toContain("Granskning mot de gemensamma bedömningskriterierna");
    }
  });
});
