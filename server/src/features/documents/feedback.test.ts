import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import mammoth from "mammoth";
import { type TestContext, createTestContext } from "../../../test/app.js";
import {
  type VersionSpec,
  buildClearance,
  buildUser,
  insertDocumentVersion,
  setResponsibleOfficer,
} from "../../../test/factories.js";
import {
  auditEvents,
  criteria,
  criteriaAreas,
  criteriaLibraryVersions,
  documentReviewItems,
  documentReviews,
} from "../../db/schema/index.js";
import { extractText } from "../../platform/files/extract.js";
import { municipalityAddressee } from "./feedback-letter.js";

/** A version straight into the tables (the upload route is tested by the documents feature). */
const insertVersion = (t: TestContext, s: Omit<VersionSpec, "withFile" | "createdAt">) =>
  insertDocumentVersion(t, { ...s, withFile: true, createdAt: new Date() });

/** A finished review of the version with two assessed criteria (R2.2-3), as the review feature stores it. */
async function insertReview(t: TestContext, versionId: string, reviewerId: string) {
  const db = t.database.db;
  const [lib] = await db
    .insert(criteriaLibraryVersions)
    .values({
      name: "Testbibliotek",
      version: `test-${versionId.slice(0, 8)}`,
      sourceReference: "Test",
      isExample: true,
      importedAt: new Date(),
    })
    .returning();
  const [area] = await db
    .insert(criteriaAreas)
    .values({ libraryVersionId: lib!.id, code: "A", title: "Risk- och sårbarhetsanalys", position: 1 })
    .returning();
  const [c1, c2] = await db
    .insert(criteria)
    .values([
      { areaId: area!.id, code: "A.1", tier: "basic", text: "Rapporten följer föreskriftens disposition", position: 1 },
      { areaId: area!.id, code: "A.2", tier: "basic", text: "Kritiska beroenden är identifierade", position: 2 },
    ])
    .returning();
  const [review] = await db
    .insert(documentReviews)
    .values({
      versionId,
      libraryVersionId: lib!.id,
      reviewerId,
      outcome: "supplementRequested",
      createdAt: new Date(),
      updatedAt: new Date(),
      completedAt: new Date(),
    })
    .returning();
  await db.insert(documentReviewItems).values([
    { reviewId: review!.id, criterionId: c1!.id, result: "met", comment: null },
    { reviewId: review!.id, criterionId: c2!.id, result: "partlyMet", comment: "Beroenden till el och tele saknas" },
  ]);
}

const BODY =
  "Länsstyrelsen har tagit del av kommunens RSA-rapport.\n\nAnalysen av kritiska beroenden behöver utvecklas inför nästa rapport.";

describe("written feedback on documents", () => {
  let t: TestContext;
  let officer: Awaited<ReturnType<TestContext["as"]>>;
  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01", name: "Karin Lindqvist" });
  });
  afterAll(() => t.close());

  it("addresses the letter to the municipality in Swedish genitive", () => {
    expect(municipalityAddressee("Stockholm")).toBe("Stockholms kommun");
    expect(municipalityAddressee("Uppsala")).toBe("Uppsala kommun");
    expect(municipalityAddressee("Borås")).toBe("Borås kommun");
    expect(municipalityAddressee("Gotland")).toBe("Region Gotland");
  });

  it("[R2.3-3] feedback is written, produced as a DOCX and PDF letter with the review items, marked sent and seen by the municipality", async () => {
    const { versionId } = await insertVersion(t, {
      municipality: "0180",
      type: "rsa",
      receivedOn: "2023-10-20",
      decidedOn: "2023-10-02",
      decidedBy: "executiveBoard",
      registrationNumber: "KS 2023/412",
      createdBy: officer.user.id,
    });
    await insertReview(t, versionId, officer.user.id);

    const created = await officer.post(`/api/v1/document-versions/${versionId}/feedback`, {
      body: BODY,
      countyRegistrationNumber: "450-2026-0117",
    });
    expect(created.statusCode, created.body).toBe(201);
    const fb = created.json();
    expect(fb).toMatchObject({
      versionId,
      versionNo: 1,
      municipality: { code: "0180", name: "Stockholm" },
      type: "rsa",
      body: BODY,
      countyRegistrationNumber: "450-2026-0117",
      confidential: null,
      status: "draft",
      sentOn: null,
      author: { id: officer.user.id, name: "Karin Lindqvist" },
    });

    // Drafts stay with the county: the municipality sees neither the draft nor that it exists.
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    const leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    expect((await coordinator.get("/api/v1/municipalities/0180/feedback")).json()).toEqual({ items: [], total: 0 });
    expect((await coordinator.get(`/api/v1/feedback/${fb.id}`)).statusCode).toBe(404);
    expect((await leadership.get(`/api/v1/feedback/${fb.id}/letter?format=pdf`)).statusCode).toBe(404);
    const agency = await t.as({ role: "agency" });
    expect(
      (await agency.get("/api/v1/municipalities/0180/feedback?period=2023"))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([fb.id]);

    const docx = await officer.get(`/api/v1/feedback/${fb.id}/letter?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("Återkoppling RSA Stockholm 2026-11-27 (utkast).docx")}`,
    );
    const { value: docxText } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    const pdf = await officer.get(`/api/v1/feedback/${fb.id}/letter`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const pdfText = (await extractText(pdf.rawPayload, "pdf")).text ?? "";
    for (const text of [docxText, pdfText.replace(/\s+/g, " ")]) {
      expect(text).toContain("Länsstyrelsen i Stockholms län");
      expect(text).toContain("Stockholms kommun");
      expect(text).toContain("Återkoppling på risk- och sårbarhetsanalys (RSA)");
      expect(text).toContain("450-2026-0117");
      expect(text).toContain("KS 2023/412");
      expect(text).toContain("2023–2026");
      expect(text).toContain("Kritiska beroenden är identifierade");
      expect(text).toContain("Delvis uppfyllt");
      expect(text).toContain("Uppfyllt");
      expect(text).toContain("Beroenden till el och tele saknas");
      expect(text).toContain("Analysen av kritiska beroenden behöver utvecklas");
      expect(text).toContain("Karin Lindqvist");
      expect(text).toContain("Handläggare");
    }

    const edited = await officer.put(`/api/v1/feedback/${fb.id}`, {
      body: `${BODY}\n\nVälkommen att höra av er.`,
      countyRegistrationNumber: "450-2026-0117",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().body).toContain("Välkommen att höra av er.");

    for (const sentOn of ["2026-11-28", "2026-02-30", "2023-10-19"]) {
      const res = await officer.post(`/api/v1/feedback/${fb.id}/sent`, { sentOn });
      expect(res.statusCode, sentOn).toBe(400);
    }
    const sent = await officer.post(`/api/v1/feedback/${fb.id}/sent`, { sentOn: "2026-11-26" });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: "sent", sentOn: "2026-11-26", sentBy: { id: officer.user.id } });
    expect((await officer.put(`/api/v1/feedback/${fb.id}`, { body: "För sent" })).statusCode).toBe(409);
    expect((await officer.post(`/api/v1/feedback/${fb.id}/sent`, { sentOn: "2026-11-26" })).statusCode).toBe(200);
    expect((await officer.post(`/api/v1/feedback/${fb.id}/sent`, { sentOn: "2026-11-25" })).statusCode).toBe(409);

    const seen = (await coordinator.get("/api/v1/municipalities/0180/feedback?period=2023")).json();
    expect(seen.total).toBe(1);
    expect(seen.items[0]).toMatchObject({
      id: fb.id,
      status: "sent",
      sentOn: "2026-11-26",
      body: expect.stringContaining("Välkommen"),
    });
    const letter = await leadership.get(`/api/v1/feedback/${fb.id}/letter?format=pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers["content-disposition"]).toContain(
      encodeURIComponent("Återkoppling RSA Stockholm 2026-11-26.pdf"),
    );
    expect((await agency.get(`/api/v1/feedback/${fb.id}`)).json().status).toBe("sent");

    // Every write is in the audit log, never with the text itself.
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "documentFeedback"), eq(auditEvents.entityId, fb.id)));
    expect(events.map((e) => e.action)).toEqual(["feedback.create", "feedback.update", "feedback.send"]);
    for (const e of events) expect(JSON.stringify([e.before, e.after])).not.toMatch(/RSA-rapport|beroenden|Välkommen/);
  });

  it("[R2.3-3] only county officers of the municipality's county write feedback; others get 404 or 403", async () => {
    const { versionId } = await insertVersion(t, {
      municipality: "0181",
      type: "steeringDocument",
      receivedOn: "2024-01-10",
      createdBy: officer.user.id,
    });
    const fb = (
      await officer.post(`/api/v1/document-versions/${versionId}/feedback`, { body: "Bra styrdokument." })
    ).json();
    const otherCounty = await t.as({ role: "county", county: "14" });
    expect((await otherCounty.post(`/api/v1/document-versions/${versionId}/feedback`, { body: "x" })).statusCode).toBe(
      404,
    );
    expect((await otherCounty.get(`/api/v1/feedback/${fb.id}`)).statusCode).toBe(404);
    expect((await otherCounty.put(`/api/v1/feedback/${fb.id}`, { body: "x" })).statusCode).toBe(404);
    expect((await otherCounty.post(`/api/v1/feedback/${fb.id}/sent`, { sentOn: "2026-11-27" })).statusCode).toBe(404);
    expect((await otherCounty.get(`/api/v1/feedback/${fb.id}/letter`)).statusCode).toBe(404);
    expect((await otherCounty.get("/api/v1/municipalities/0181/feedback")).statusCode).toBe(404);
    const coordinator = await t.as({ role: "municipality", municipality: "0181" });
    expect((await coordinator.post(`/api/v1/document-versions/${versionId}/feedback`, { body: "x" })).statusCode).toBe(
      403,
    );
    expect((await coordinator.put(`/api/v1/feedback/${fb.id}`, { body: "x" })).statusCode).toBe(403);
    const agency = await t.as({ role: "agency" });
    expect((await agency.post(`/api/v1/document-versions/${versionId}/feedback`, { body: "x" })).statusCode).toBe(403);
    const colleague = await t.as({ role: "county", county: "01" });
    expect(
      (await colleague.put(`/api/v1/feedback/${fb.id}`, { body: "Bra styrdokument, med en kommentar." })).statusCode,
    ).toBe(200);
    const neighbour = await t.as({ role: "municipality", municipality: "0180" });
    await colleague.post(`/api/v1/feedback/${fb.id}/sent`, { sentOn: "2026-11-27" });
    expect((await neighbour.get(`/api/v1/feedback/${fb.id}`)).statusCode).toBe(404);
  });

  it("[R2.3-3] [R2.10-2] confidential feedback: the uncleared see the basis and readers but no body; the cleared officer's read is audited", async () => {
    const cleared = await t.as({ role: "county", county: "01", name: "Anna Behörig" });
    const uncleared = await t.as({ role: "county", county: "01", name: "Bo Obehörig" });
    const head = await buildUser(t.database.db, { role: "county", county: "01", countyHead: true });
    await buildClearance(t, {
      userId: cleared.user.id,
      county: "01",
      municipality: "0182",
      undertakingSignedOn: "2026-01-15",
      grantedBy: head.id,
      grantedAt: new Date(),
    });
    const { versionId } = await insertVersion(t, {
      municipality: "0182",
      type: "trainingAndExercisePlan",
      receivedOn: "2024-02-01",
      createdBy: cleared.user.id,
    });
    const created = await cleared.post(`/api/v1/document-versions/${versionId}/feedback`, {
      body: "Övningen av ledningsplatsen visade brister i skyddet.",
      confidentialBasis: "18 kap. 13 § OSL",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      body: expect.stringContaining("ledningsplatsen"),
      confidential: { basis: "18 kap. 13 § OSL", canRead: true },
    });

    const reads = () =>
      t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.entityId, id)));
    const before = (await reads()).length;

    const hidden = (await uncleared.get(`/api/v1/feedback/${id}`)).json();
    expect(hidden.body).toBeNull();
    expect(hidden.letter).toBeNull();
    expect(hidden.confidential).toEqual({
      basis: "18 kap. 13 § OSL",
      readableBy: [{ id: cleared.user.id, name: "Anna Behörig" }],
      canRead: false,
    });
    expect((await uncleared.get(`/api/v1/feedback/${id}/letter`)).statusCode).toBe(403);
    expect(
      (await uncleared.put(`/api/v1/feedback/${id}`, { body: "Skriver över", confidentialBasis: null })).statusCode,
    ).toBe(403);
    const listed = (await uncleared.get("/api/v1/municipalities/0182/feedback")).json();
    expect(listed.items[0]).toMatchObject({ id, body: null, confidential: { canRead: false } });
    expect((await reads()).length).toBe(before);

    const shown = (await cleared.get(`/api/v1/feedback/${id}`)).json();
    expect(shown.body).toContain("ledningsplatsen");
    expect((await cleared.get(`/api/v1/feedback/${id}/letter?format=docx`)).statusCode).toBe(200);
    const logged = await reads();
    expect(logged.length).toBe(before + 2);
    expect(logged.at(-1)).toMatchObject({ actorId: cleared.user.id, entityType: "documentFeedback" });
    expect(JSON.stringify(logged.map((r) => r.after))).not.toContain("ledningsplatsen");

    await cleared.post(`/api/v1/feedback/${id}/sent`, { sentOn: "2026-11-27" });
    const coordinator = await t.as({ role: "municipality", municipality: "0182" });
    const theirs = (await coordinator.get("/api/v1/municipalities/0182/feedback")).json();
    expect(theirs.items[0]).toMatchObject({
      status: "sent",
      body: null,
      confidential: { basis: "18 kap. 13 § OSL", canRead: false },
    });
  });

  describe("documents waiting for feedback", () => {
    // Södermanland (04) is used only here, so the list holds exactly what these tests put in.
    const wait = (client: Awaited<ReturnType<TestContext["as"]>>, query = "") =>
      client.get(`/api/v1/counties/04/documents/awaiting-feedback${query}`);

    it("[R2.3-3] lists versions received more than N days ago without sent feedback, oldest first; exactly N days is not yet listed", async () => {
      t.clock.set("2026-11-27T10:00:00+01:00");
      const sodermanland = await t.as({ role: "county", county: "04", name: "Sara Söder" });
      await setResponsibleOfficer(t.database.db, "0480", sodermanland.user.id);
      const by = sodermanland.user.id;
      const exactly = await insertVersion(t, {
        municipality: "0480",
        type: "rsa",
        receivedOn: "2026-09-28",
        createdBy: by,
      }); // 60 days
      const oneMore = await insertVersion(t, {
        municipality: "0484",
        type: "steeringDocument",
        receivedOn: "2026-09-27",
        createdBy: by,
      }); // 61 days
      const oldest = await insertVersion(t, {
        municipality: "0486",
        type: "trainingAndExercisePlan",
        receivedOn: "2026-08-01",
        createdBy: by,
      });
      await insertVersion(t, {
        municipality: "0488",
        type: "crisisBoardRules",
        receivedOn: "2024-01-10",
        createdBy: by,
      }); // no feedback expected
      await insertVersion(t, { municipality: "0488", type: "rsa", receivedOn: "2024-01-10", createdBy: by }); // replaced by a newer version
      await insertVersion(t, { municipality: "0488", type: "rsa", receivedOn: "2026-11-01", createdBy: by });
      await insertVersion(t, {
        municipality: "0481",
        type: "rsa",
        receivedOn: "2020-01-10",
        period: 2019,
        createdBy: by,
      }); // earlier period

      const res = await wait(sodermanland);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json();
      expect(list).toMatchObject({ period: 2023, days: 60 });
      expect(list.rule).toContain("mer än 60 dagar");
      expect(list.items.map((i: { versionId: string }) => i.versionId)).toEqual([oldest.versionId, oneMore.versionId]);
      expect(list.items[1]).toMatchObject({
        municipality: { code: "0484", name: "Eskilstuna" },
        type: "steeringDocument",
        receivedOn: "2026-09-27",
        daysWaited: 61,
        hasDraft: false,
        priority: 0,
      });
      expect(
        (await wait(sodermanland, "?days=30")).json().items.map((i: { versionId: string }) => i.versionId),
      ).toEqual([oldest.versionId, oneMore.versionId, exactly.versionId]);
      expect((await wait(sodermanland, "?days=30")).json().items[2].responsibleOfficer).toEqual({
        id: by,
        name: "Sara Söder",
      });

      // A day later (and a new session) the one that had waited exactly 60 days is listed too.
      t.clock.set("2026-11-28T10:00:00+01:00");
      expect(
        (await wait(await t.as({ role: "county", county: "04" })))
          .json()
          .items.map((i: { versionId: string }) => i.versionId),
      ).toEqual([oldest.versionId, oneMore.versionId, exactly.versionId]);
      t.clock.set("2026-11-27T10:00:00+01:00");
    });

    it("[R2.3-3] a draft keeps the document listed; sent feedback removes it", async () => {
      const sodermanland = await t.as({ role: "county", county: "04" });
      const listed = () => wait(sodermanland).then((r) => r.json().items as { versionId: string; hasDraft: boolean }[]);
      const first = (await listed())[0]!;
      const draft = (
        await sodermanland.post(`/api/v1/document-versions/${first.versionId}/feedback`, { body: "Utkast." })
      ).json();
      expect((await listed()).find((i) => i.versionId === first.versionId)?.hasDraft).toBe(true);
      await sodermanland.post(`/api/v1/feedback/${draft.id}/sent`, { sentOn: "2026-11-27" });
      expect((await listed()).some((i) => i.versionId === first.versionId)).toBe(false);
    });

    it("[R2.3-3] the agency reads the list; a municipality may not, another county does not see it", async () => {
      expect((await wait(await t.as({ role: "agency" }))).statusCode).toBe(200);
      expect((await wait(await t.as({ role: "municipality", municipality: "0480" }))).statusCode).toBe(403);
      expect((await wait(await t.as({ role: "county", county: "01" }))).statusCode).toBe(404);
      expect((await wait(await t.as({ role: "county", county: "04" }), "?days=-1")).statusCode).toBe(400);
    });
  });

  it("leaves no feedback text in any audit row", async () => {
    const rows = await t.database.db.select().from(auditEvents).where(like(auditEvents.action, "feedback.%"));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(JSON.stringify([r.before, r.after])).not.toMatch(/ledningsplatsen|Utkast\.|styrdokument\./);
  });
});
