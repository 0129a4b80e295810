import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { docxWith, pdfWith, submit } from "../../../test/documents.js";
import { buildClearance, setResponsibleOfficer } from "../../../test/factories.js";
import { auditEvents, clearances } from "../../db/schema/index.js";

const RSA_SECTIONS = [
  {
    heading: "1. Kommunens geografiska område",
    body: "Stockholm är Sveriges största kommun med många samhällsviktiga verksamheter.",
  },
  { heading: "2. Metod och arbetsprocess", body: "Analysen har genomförts i workshops med förvaltningarna." },
  { heading: "3. Identifierade risker", body: "Översvämning, värmebölja och långvarigt elavbrott har analyserats." },
];

describe("required documents", () => {
  let t: TestContext;
  let pdf: Buffer;
  let docx: Buffer;
  beforeAll(async () => {
    t = await createTestContext();
    pdf = await pdfWith(RSA_SECTIONS);
    docx = await docxWith([
      { heading: "Styrdokument för krisberedskap", body: "Mål för mandatperioden och hur arbetet organiseras." },
    ]);
  });
  afterAll(() => t.close());

  it("[R2.2-1] lists one item per document type with deadlines computed from the period", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const res = await officer.get("/api/v1/municipalities/0114/documents?period=2023");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { type: string; deadline: string; status: string; flags: string[] }[];
    expect(items.map((i) => [i.type, i.deadline])).toEqual([
      ["rsa", "2023-10-31"],
      ["steeringDocument", "2023-12-31"],
      ["crisisBoardRules", "2023-12-31"],
      ["emergencyPlan", "2023-12-31"],
      ["trainingAndExercisePlan", "2023-12-31"],
    ]);
    expect(items.every((i) => i.status === "missing" && i.flags.includes("missing"))).toBe(true);
    const next = (await officer.get("/api/v1/municipalities/0114/documents?period=2027")).json();
    expect(next.items.map((i: { deadline: string; status: string }) => [i.deadline, i.status])[0]).toEqual([
      "2027-10-31",
      "notYetDue",
    ]);
    expect((await officer.get("/api/v1/municipalities/0114/documents")).json().period).toBe(2023);
    expect((await officer.get("/api/v1/municipalities/0114/documents?period=2025")).statusCode).toBe(400);
  });

  it("[R2.2-2] a coordinator's upload is received today, whatever date it claims", async () => {
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    const res = await submit(coordinator, "0180", {
      type: "rsa",
      decidedBy: "executiveBoard",
      decidedOn: "2023-09-20",
      receivedOn: "2023-10-01",
      registrationNumber: "KS 2023/412",
      files: [{ name: "RSA Stockholm 2023.pdf", content: pdf }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    expect(item.versions[0]).toMatchObject({
      versionNo: 1,
      receivedOn: "2026-11-27",
      decidedBy: "executiveBoard",
      registrationNumber: "KS 2023/412",
      countyRegistrationNumber: null,
      status: "received",
    });
    expect(item.flags).toEqual(["late"]);
    expect(item.checks.find((c: { flag: string }) => c.flag === "late").inputs).toEqual({
      deadline: "2023-10-31",
      receivedOn: "2026-11-27",
    });
    expect(item.versions[0].files[0]).toMatchObject({
      fileName: "RSA Stockholm 2023.pdf",
      mediaType: "application/pdf",
      textStatus: "extracted",
      confidential: null,
    });
  });

  it("[R2.2-2] an RSA received by the county on 31 October is in time, on 1 November late", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const inTime = await submit(officer, "0181", {
      type: "rsa",
      decidedBy: "official",
      decidedOn: "2023-10-20",
      receivedOn: "2023-10-31",
      countyRegistrationNumber: "450-1234-2023",
      files: [{ name: "rsa.pdf", content: pdf }],
    });
    expect(inTime.json()).toMatchObject({ status: "received", flags: [] });
    expect(inTime.json().versions[0].countyRegistrationNumber).toBe("450-1234-2023");
    const late = await submit(officer, "0182", {
      type: "rsa",
      decidedBy: "council",
      decidedOn: "2023-10-20",
      receivedOn: "2023-11-01",
      files: [{ name: "rsa.pdf", content: pdf }],
    });
    expect(late.json().flags).toEqual(["late"]);
  });

  it("[R2.2-2] flags a styrdokument decided after 31 December and below kommunfullmäktige", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const res = await submit(officer, "0183", {
      type: "steeringDocument",
      decidedBy: "executiveBoard",
      decidedOn: "2024-01-01",
      receivedOn: "2024-01-15",
      files: [
        {
          name: "Styrdokument.docx",
          content: docx,
          contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().flags.sort()).toEqual(["belowRequiredLevel", "late"]);
    const check = res.json().checks.find((c: { flag: string }) => c.flag === "belowRequiredLevel");
    expect(check).toMatchObject({ raised: true, inputs: { requiredLevel: "council", decidedBy: "executiveBoard" } });
  });

  it("[R2.2-2] a new version keeps the earlier ones and the latest decides status and flags", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    await submit(officer, "0184", {
      type: "emergencyPlan",
      decidedBy: "official",
      decidedOn: "2023-05-01",
      receivedOn: "2023-05-02",
      files: [{ name: "plan-v1.pdf", content: pdf }],
    });
    const second = await submit(officer, "0184", {
      type: "emergencyPlan",
      decidedBy: "chiefExecutive",
      decidedOn: "2023-09-01",
      receivedOn: "2023-09-02",
      files: [{ name: "plan-v2.pdf", content: pdf }],
    });
    const item = second.json();
    expect(item.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    expect(item.flags).toEqual([]);
    expect(item.versions[1].files[0].fileName).toBe("plan-v1.pdf");
  });

  it("checks the file type from the content, not the name, and refuses bad input without saving", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f50000000049454e44ae426082",
      "hex",
    );
    const fake = await submit(officer, "0186", { type: "rsa", files: [{ name: "rapport.pdf", content: png }] });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toMatch(/inte en PDF-, DOCX- eller ODT-fil/);
    const text = await submit(officer, "0186", {
      type: "rsa",
      files: [{ name: "rapport.pdf", content: Buffer.from("bara text") }],
    });
    expect(text.statusCode).toBe(415);
    for (const [fields, message] of [
      [{ type: "budget" }, /type/],
      [{ type: "rsa", decidedBy: "mayor" }, /decidedBy/],
      [{ type: "rsa", decidedOn: "2026-11-28" }, /senare än i dag/],
      [{ type: "rsa", decidedOn: "2023-02-30" }, /./],
      [{ type: "rsa", period: "2025" }, /Mandatperioden 2025 finns inte/],
      [{ type: "rsa", receivedOn: "2027-01-01" }, /senare än i dag/],
    ] as const) {
      const res = await submit(officer, "0186", { ...fields, files: [{ name: "r.pdf", content: pdf }] } as Parameters<
        typeof submit
      >[2]);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    const none = await submit(officer, "0186", { type: "rsa", files: [] });
    expect(none.statusCode).toBe(400);
    const list = (await officer.get("/api/v1/municipalities/0186/documents?period=2023")).json();
    expect(list.items.every((i: { versions: unknown[] }) => i.versions.length === 0)).toBe(true);
  });

  it("refuses a file over 25 MB with 413", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const big = Buffer.concat([pdf, Buffer.alloc(25 * 1024 * 1024 + 10, 0x20)]);
    const res = await submit(officer, "0187", { type: "rsa", files: [{ name: "stor.pdf", content: big }] });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/25 MB/);
  });

  it("[R1-1] who may register and read", async () => {
    const leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    expect(
      (await submit(leadership, "0180", { type: "rsa", files: [{ name: "r.pdf", content: pdf }] })).statusCode,
    ).toBe(403);
    expect((await leadership.get("/api/v1/municipalities/0180/documents")).statusCode).toBe(200);
    const otherCounty = await t.as({ role: "county", county: "14" });
    expect(
      (await submit(otherCounty, "0180", { type: "rsa", files: [{ name: "r.pdf", content: pdf }] })).statusCode,
    ).toBe(404);
    expect((await otherCounty.get("/api/v1/municipalities/0180/documents")).statusCode).toBe(404);
    const agency = await t.as({ role: "agency" });
    expect((await agency.get("/api/v1/municipalities/0180/documents")).statusCode).toBe(200);
    expect((await submit(agency, "0180", { type: "rsa", files: [{ name: "r.pdf", content: pdf }] })).statusCode).toBe(
      403,
    );
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    expect(
      (await submit(coordinator, "0181", { type: "rsa", files: [{ name: "r.pdf", content: pdf }] })).statusCode,
    ).toBe(404);
  });

  it("[R2.2-3] the responsible officer finds newly received documents in Att granska", async () => {
    const responsible = await t.as({ role: "county", county: "01" });
    const other = await t.as({ role: "county", county: "01" });
    await setResponsibleOfficer(t.database.db, "0188", responsible.user.id);
    const coordinator = await t.as({ role: "municipality", municipality: "0188" });
    await submit(coordinator, "0188", {
      type: "trainingAndExercisePlan",
      decidedBy: "chiefExecutive",
      decidedOn: "2023-11-01",
      files: [{ name: "övningsplan.pdf", content: pdf }],
    });
    const mine = (await responsible.get("/api/v1/review-queue")).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      municipality: { code: "0188" },
      type: "trainingAndExercisePlan",
      receivedOn: "2026-11-27",
      status: "received",
    });
    expect(
      (await other.get("/api/v1/review-queue"))
        .json()
        .items.some((i: { municipality: { code: string } }) => i.municipality.code === "0188"),
    ).toBe(false);
  });

  describe("[R2.10-2] confidential parts", () => {
    let appendixFileId: string;
    let cleared: Awaited<ReturnType<TestContext["as"]>>;
    let uncleared: Awaited<ReturnType<TestContext["as"]>>;

    beforeAll(async () => {
      const coordinator = await t.as({ role: "municipality", municipality: "0191" });
      const appendix = await pdfWith([
        { heading: "Bilaga", body: "Reservkraften vid Norrvattenverket saknar bränsleavtal." },
      ]);
      const res = await submit(coordinator, "0191", {
        type: "rsa",
        decidedOn: "2023-10-01",
        files: [
          { name: "RSA Sigtuna.pdf", content: pdf },
          { name: "Bilaga sårbarheter Norrvatten.pdf", content: appendix },
        ],
        confidentialFiles: "1",
        fileConfidentialBasis: "18 kap. 13 § OSL",
      });
      expect(res.statusCode, res.body).toBe(201);
      appendixFileId = res.json().versions[0].files[1].id;
      cleared = await t.as({ role: "county", county: "01", name: "Klara Behörig" });
      uncleared = await t.as({ role: "county", county: "01" });
      await buildClearance(t, { userId: cleared.user.id, county: "01", municipality: "0191" });
    });

    it("an uncleared officer sees that it exists, its basis and who may read it, but not the content", async () => {
      const item = (await uncleared.get("/api/v1/municipalities/0191/documents")).json().items[0];
      const file = item.versions[0].files[1];
      expect(file.fileName).toBe("Sekretessbelagd fil");
      expect(file.confidential).toEqual({
        basis: "18 kap. 13 § OSL",
        readableBy: [{ id: cleared.user.id, name: "Klara Behörig" }],
        canRead: false,
      });
      const download = await uncleared.get(`/api/v1/document-files/${appendixFileId}/content`);
      expect(download.statusCode).toBe(403);
      expect(download.body).not.toContain("Norrvatten");
      expect(download.json().error.message).toMatch(/sekretessbelagd \(18 kap. 13 § OSL\)/);
    });

    it("search never shows confidential text to the uncleared", async () => {
      const res = await uncleared.get(
        `/api/v1/counties/01/documents/search?q=${encodeURIComponent("Norrvattenverket")}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [], total: 0 });
    });

    it("the cleared officer reads the content, and each read is audited", async () => {
      const item = (await cleared.get("/api/v1/municipalities/0191/documents")).json().items[0];
      expect(item.versions[0].files[1]).toMatchObject({
        fileName: "Bilaga sårbarheter Norrvatten.pdf",
        confidential: { canRead: true },
      });
      const download = await cleared.get(`/api/v1/document-files/${appendixFileId}/content`);
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(download.headers["content-disposition"]).toContain("filename*=UTF-8''Bilaga%20s%C3%A5rbarheter");
      const search = (
        await cleared.get(
          `/api/v1/counties/01/documents/search?q=${encodeURIComponent("norrvattenverket bränsleavtal")}`,
        )
      ).json();
      expect(search.total).toBe(1);
      expect(search.items[0].excerpt).toMatch(/«Norrvattenverket»/);
      const reads = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.entityId, appendixFileId)));
      expect(reads.length).toBeGreaterThanOrEqual(3);
      expect(reads.every((r) => r.actorId === cleared.user.id)).toBe(true);
      expect(JSON.stringify(reads)).not.toContain("Norrvatten");
    });

    it("[R2.2-3] the text beside the review follows the file's read policy: refused to the uncleared, audited for the cleared", async () => {
      const refused = await uncleared.get(`/api/v1/document-files/${appendixFileId}/text`);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain("Norrvatten");
      const before = (
        await t.database.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.entityId, appendixFileId)))
      ).length;
      const res = await cleared.get(`/api/v1/document-files/${appendixFileId}/text`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: appendixFileId, mediaType: "application/pdf", textStatus: "extracted" });
      expect(res.json().text).toContain("Norrvatten");
      const after = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.entityId, appendixFileId)));
      expect(after.length).toBe(before + 1);
      const otherCounty = await t.as({ role: "county", county: "14" });
      expect((await otherCounty.get(`/api/v1/document-files/${appendixFileId}/text`)).statusCode).toBe(404);
    });

    it("a withdrawn clearance stops access", async () => {
      await t.database.db
        .update(clearances)
        .set({ withdrawnAt: t.clock.now(), withdrawnBy: cleared.user.id })
        .where(eq(clearances.userId, cleared.user.id));
      expect((await cleared.get(`/api/v1/document-files/${appendixFileId}/content`)).statusCode).toBe(403);
    });
  });

  it("full-text search uses Swedish stemming and highlights hits", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const res = await officer.get(`/api/v1/counties/01/documents/search?q=${encodeURIComponent("översvämningar")}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(1);
    expect(res.json().items[0].excerpt).toMatch(/«Översvämning»/);
    expect((await officer.get("/api/v1/counties/14/documents/search?q=risk")).statusCode).toBe(404);
    expect((await officer.get("/api/v1/counties/01/documents/search?q=a")).statusCode).toBe(400);
  });

  it("[R2.2-6] the county matrix shows every municipality × document type, filterable", async () => {
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    const matrix = (await head.get("/api/v1/counties/01/documents/matrix?period=2023")).json();
    expect(matrix.total).toBe(26);
    expect(matrix.types.map((x: { id: string }) => x.id)).toEqual([
      "rsa",
      "steeringDocument",
      "crisisBoardRules",
      "emergencyPlan",
      "trainingAndExercisePlan",
    ]);
    const sollentuna = matrix.rows.find((r: { municipality: { code: string } }) => r.municipality.code === "0183");
    expect(sollentuna.cells[1]).toMatchObject({
      type: "steeringDocument",
      status: "received",
      flags: expect.arrayContaining(["late", "belowRequiredLevel"]),
    });
    const late = (await head.get("/api/v1/counties/01/documents/matrix?period=2023&flag=late")).json();
    expect(late.rows.map((r: { municipality: { code: string } }) => r.municipality.code).sort()).toEqual([
      "0180",
      "0182",
      "0183",
      "0191",
    ]);
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    expect((await coordinator.get("/api/v1/counties/01/documents/matrix")).statusCode).toBe(403);
  });

  it("audits a submission without note text or file content", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const res = await submit(officer, "0192", {
      type: "crisisBoardRules",
      note: "Hemlig anteckning om reservkraft",
      files: [{ name: "reglemente.pdf", content: pdf }],
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, res.json().versions[0].id));
    expect(event).toMatchObject({ action: "documents.submit", actorId: officer.user.id });
    expect(JSON.stringify(event)).not.toMatch(/Hemlig anteckning|Översvämning/);
  });
});
