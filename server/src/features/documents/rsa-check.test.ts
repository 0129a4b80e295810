import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { submit } from "../../../test/documents.js";
import { demoRsaReportDocx, demoRsaReportPdf, demoScannedPdf } from "./demo-files.js";
import { loadNationalRules } from "../national-rules/seed.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("[R2.2-5] RSA check against the MSBFS 2015:5 § 4 disposition", () => {
  let t: TestContext;
  let officer: Awaited<ReturnType<TestContext["as"]>>;
  const upload = async (municipality: string, name: string, content: Buffer, contentType = "application/pdf") => {
    const res = await submit(officer, municipality, {
      type: "rsa",
      decidedOn: "2023-10-10",
      receivedOn: "2023-10-20",
      files: [{ name, content, contentType }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().versions[0].id as string;
  };
  beforeAll(async () => {
    t = await createTestContext();
    await loadNationalRules(t.database.db, t.clock);
    officer = await t.as({ role: "county", county: "14" });
  });
  afterAll(() => t.close());

  it("finds all eight sections in a freely worded, reordered report", async () => {
    const id = await upload(
      "1480",
      "RSA Göteborg.pdf",
      await demoRsaReportPdf({ municipality: "Göteborg", year: 2023, reorder: true, freeWording: true }),
    );
    const check = (await officer.get(`/api/v1/document-versions/${id}/rsa-check`)).json();
    expect(check).toMatchObject({ checkable: true, missing: 0, message: null });
    expect(check.sections).toHaveLength(8);
    expect(check.sections.every((s: { matchedHeading: string | null }) => s.matchedHeading)).toBe(true);
  });

  it("reports a missing section as saknas (null) in a DOCX report", async () => {
    const id = await upload(
      "1481",
      "RSA Mölndal.docx",
      await demoRsaReportDocx({ municipality: "Mölndal", year: 2023, omitSections: [7] }),
      DOCX,
    );
    const check = (await officer.get(`/api/v1/document-versions/${id}/rsa-check`)).json();
    expect(check.missing).toBe(1);
    expect(check.sections.find((s: { position: number }) => s.position === 7).matchedHeading).toBeNull();
    expect(check.sections.filter((s: { matchedHeading: string | null }) => s.matchedHeading).length).toBe(7);
  });

  it("shows the optional indicator section (§ 5) without a heading but never counts it as missing", async () => {
    const id = await upload(
      "1402",
      "RSA Partille.docx",
      await demoRsaReportDocx({ municipality: "Partille", year: 2023, omitSections: [6] }),
      DOCX,
    );
    const check = (await officer.get(`/api/v1/document-versions/${id}/rsa-check`)).json();
    expect(check.missing).toBe(0);
    expect(check.sections.find((s: { position: number }) => s.position === 6)).toMatchObject({
      required: false,
      matchedHeading: null,
    });
    expect(check.sections.filter((s: { required: boolean }) => s.required)).toHaveLength(7);
  });

  it("says so for a scanned PDF with no text layer instead of failing", async () => {
    const id = await upload("1482", "RSA inskannad.pdf", await demoScannedPdf());
    const check = (await officer.get(`/api/v1/document-versions/${id}/rsa-check`)).json();
    expect(check).toMatchObject({ checkable: false, missing: 0 });
    expect(check.message).toMatch(/saknar textlager/);
    expect(check.files[0].textStatus).toBe("noTextLayer");
  });

  it("uses the disposition as editable reference data: only the agency replaces it", async () => {
    const sections = (await officer.get("/api/v1/rsa-sections")).json();
    expect(sections.total).toBe(8);
    expect(sections.items.find((s: { position: number }) => s.position === 6).verified).toBe(false);
    const body = {
      version: sections.version,
      sections: sections.items.map((s: { position: number; title: string; keywords: string[] }) => ({
        position: s.position,
        title: s.title,
        keywords: s.keywords,
        verified: true,
      })),
    };
    expect((await officer.put("/api/v1/rsa-sections", body)).statusCode).toBe(403);
    const agency = await t.as({ role: "agency" });
    const saved = await agency.put("/api/v1/rsa-sections", body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items.every((s: { verified: boolean }) => s.verified)).toBe(true);
    const dup = await agency.put("/api/v1/rsa-sections", {
      version: saved.json().version,
      sections: [body.sections[0], body.sections[0]],
    });
    expect(dup.statusCode).toBe(400);
  });

  it("[issue 9 item 10] an edit of the disposition carries the version it edits: missing → 400, stale → 409 with the current one", async () => {
    const agency = await t.as({ role: "agency" });
    const loaded = (await agency.get("/api/v1/rsa-sections")).json();
    const sections = loaded.items.map((s: { position: number; title: string; keywords: string[] }) => ({
      position: s.position,
      title: s.title,
      keywords: s.keywords,
    }));
    const missing = await agency.put("/api/v1/rsa-sections", { sections });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/version/);
    const renamed = sections.map((s: { position: number; title: string }) =>
      s.position === 1 ? { ...s, title: "Beskrivning av kommunen och dess förhållanden" } : s,
    );
    const saved = await agency.put("/api/v1/rsa-sections", { version: loaded.version, sections: renamed });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(loaded.version + 1);
    // A second editor still on the version loaded before: refused, the first save kept.
    const stale = await agency.put("/api/v1/rsa-sections", { version: loaded.version, sections });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "conflict", details: { version: loaded.version + 1 } });
    const now = (await agency.get("/api/v1/rsa-sections")).json();
    expect(now.version).toBe(loaded.version + 1);
    expect(now.items.find((s: { position: number }) => s.position === 1).title).toBe(
      "Beskrivning av kommunen och dess förhållanden",
    );
  });

  it("applies only to RSA reports and to users in scope", async () => {
    const other = await t.as({ role: "county", county: "01" });
    const id = (
      await (await t.as({ role: "county", county: "14" })).get("/api/v1/municipalities/1480/documents")
    ).json().items[0].versions[0].id;
    expect((await other.get(`/api/v1/document-versions/${id}/rsa-check`)).statusCode).toBe(404);
  });
});
