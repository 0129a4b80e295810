import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "./app.js";
import { pdfWith } from "./documents.js";
import {
  buildClearance,
  buildCountyOfficer,
  buildDialogueEntry,
  buildDocument,
  buildDocumentFollowUp,
  buildDocumentRequest,
  buildFeedback,
  buildFollowUp,
  buildMunicipalityUser,
  buildReview,
  buildWarning,
  insertDocumentVersion,
  sessionFor,
} from "./factories.js";
import { clientFor } from "./app.js";

/** The factories write what the app writes: what they build reads back through the API as the app's own data. */
describe("test factories", () => {
  let t: TestContext;
  const as = async (user: { id: string }) => clientFor(t.app, await sessionFor(t.database.db, user.id, t.clock.now()));

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("builds users of a municipality and a county", async () => {
    const coordinator = await buildMunicipalityUser(t.database.db, "0180", { name: "Anders Wikström" });
    const officer = await buildCountyOfficer(t.database.db, "01", { countyHead: true });
    expect(coordinator).toMatchObject({ role: "municipality", municipalityCode: "0180", countyCode: "01" });
    expect(officer).toMatchObject({ role: "county", countyCode: "01", municipalityCode: null, countyHead: true });
  });

  it("builds a document version with files (one confidential) that only a cleared officer reads", async () => {
    const coordinator = await buildMunicipalityUser(t.database.db, "0181");
    const officer = await buildCountyOfficer(t.database.db, "01");
    const pdf = await pdfWith([{ heading: "1. Inledning", body: "Text." }]);
    const built = await buildDocument(t, coordinator, "0181", {
      files: [
        { name: "rsa.pdf", content: pdf },
        { name: "bilaga.pdf", content: pdf },
      ],
      confidentialFiles: "1",
      fileConfidentialBasis: "18 kap. 13 § OSL",
    });
    expect(built.version.status).toBe("received");
    expect(built.fileIds).toHaveLength(2);
    const client = await as(officer);
    expect((await client.get(`/api/v1/document-files/${built.fileIds[0]}/content`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/document-files/${built.fileIds[1]}/content`)).statusCode).toBe(403);
    await buildClearance(t, { userId: officer.id, county: "01", municipality: "0181" });
    expect((await client.get(`/api/v1/document-files/${built.fileIds[1]}/content`)).statusCode).toBe(200);
  });

  it("builds a review and feedback on a version, and a year-two follow-up", async () => {
    const officer = await buildCountyOfficer(t.database.db, "01");
    const { versionId } = await insertDocumentVersion(t, {
      municipality: "0182",
      type: "rsa",
      receivedOn: "2023-10-02",
      createdBy: officer.id,
    });
    const review = await buildReview(t, officer, versionId);
    expect(review.versionStatus).toBe("underReview");
    const feedback = await buildFeedback(t, officer, versionId, { sentOn: "2023-11-01" });
    expect(feedback.sentOn).toBe("2023-11-01");
    await buildDocumentFollowUp(t, {
      municipality: "0182",
      type: "steeringDocument",
      reason: "Fullmäktige i december.",
      agreedDate: "2026-12-15",
      recordedBy: officer.id,
    });
    const res = await (await as(officer)).get("/api/v1/counties/01/documents/year-two?period=2023");
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json())).toContain("Fullmäktige i december.");
  });

  it("builds a dialogue entry with a follow-up item, an early warning and an answered document request", async () => {
    const officer = await buildCountyOfficer(t.database.db, "01");
    const coordinator = await buildMunicipalityUser(t.database.db, "0183");
    const { entry, followUp } = await buildFollowUp(
      t,
      officer,
      { text: "Skicka tidplanen", due: "2026-12-05" },
      { municipalities: ["0183"] },
    );
    expect(followUp).toMatchObject({ text: "Skicka tidplanen", due: "2026-12-05" });
    const other = await buildDialogueEntry(t, officer, { municipalities: ["0183"], form: "phone" });
    const client = await as(officer);
    const list = (await client.get("/api/v1/municipalities/0183/dialogue-entries")).json();
    expect(list.items.map((i: { id: string }) => i.id).sort()).toEqual([entry.id, other.id].sort());

    const warning = await buildWarning(t, officer, "0183");
    expect(warning).toMatchObject({ kind: "other", municipality: { code: "0183" } });

    const pdf = await pdfWith([{ heading: "Bilaga", body: "Beroenden." }]);
    const request = await buildDocumentRequest(t, officer, "0183", {
      answer: { by: coordinator, files: [{ name: "bilaga.pdf", content: pdf }] },
    });
    expect(request.status).toBe("answered");
    const fileUrl = request.answers[0]!.files[0]!.downloadUrl;
    expect((await client.get(fileUrl)).statusCode).toBe(200);
  });
});
