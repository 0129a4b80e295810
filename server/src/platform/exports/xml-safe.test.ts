import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { buildDocument, buildFeedback, buildMunicipalityUser } from "../../../test/factories.js";
import { extractText } from "../files/extract.js";
import { writeWorkbook, xmlSafe } from "./xml-safe.js";

/** Characters XML 1.0 forbids, a lone surrogate of each kind and a NUL. */
const HOSTILE = "Anna\uffff\ufffe Ek\u0001\u0008\u000b\ud800 Berg\udc00\u0000";
const CLEAN = "Anna Ek Berg";
/** What can be stored (lone surrogates and NUL are refused at input): still not valid in XML. */
const STORABLE = "Anna\uffff\ufffe Ek\u0001\u0008\u000b Berg";

async function openWorkbook(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const texts: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  return texts.join("\n");
}

describe("exports survive any text", () => {
  let t: TestContext;
  let officer: Client;
  let officerUser: Awaited<ReturnType<TestContext["as"]>>["user"];

  beforeAll(async () => {
    t = await createTestContext();
    const client = await t.as({ role: "county", county: "01", name: "Karl Handläggare" });
    officer = client;
    officerUser = client.user;
  });
  afterAll(() => t.close());

  it("xmlSafe keeps tabs, line breaks, Swedish letters and emoji, and drops what XML forbids", () => {
    expect(xmlSafe(HOSTILE)).toBe(CLEAN);
    expect(xmlSafe("Å Ä Ö\tå\nä\r\nö 🚒")).toBe("Å Ä Ö\tå\nä\r\nö 🚒");
  });

  it("a workbook with such text in cells, rich text and sheet names opens with a reader", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet(`Blad ${HOSTILE}`.slice(0, 31));
    sheet.addRow([HOSTILE, { richText: [{ text: HOSTILE }] }]);
    const text = await openWorkbook(await writeWorkbook(wb));
    expect(text).toContain(CLEAN);
  });

  it("the dialogue workbook with hostile notes and participant names opens with a reader", async () => {
    const entry = await officer.post("/api/v1/dialogue-entries", {
      municipalities: ["0180"],
      date: "2026-11-02",
      form: "phone",
      subjects: ["rsa"],
      notes: `Samtal med ${STORABLE}`,
      participants: { municipality: [STORABLE], county: ["Karl"] },
      followUps: [],
    });
    expect(entry.statusCode, entry.body).toBe(201);
    const res = await officer.get("/api/v1/municipalities/0180/dialogue-entries.xlsx");
    expect(res.statusCode).toBe(200);
    expect(await openWorkbook(res.rawPayload)).toContain(CLEAN);
  });

  it("a feedback letter with hostile text opens as DOCX and as PDF", async () => {
    const coordinator = await buildMunicipalityUser(t.database.db, "0180");
    const { versionId } = await buildDocument(t, coordinator, "0180");
    const feedback = await buildFeedback(t, officerUser, versionId, { body: `Tack ${STORABLE}` });
    const docx = await officer.get(`/api/v1/feedback/${feedback.id}/letter?format=docx`);
    expect(docx.statusCode).toBe(200);
    const docxText = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(docxText, docxText).toContain(`Tack ${CLEAN}`);
    const pdf = await officer.get(`/api/v1/feedback/${feedback.id}/letter?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const extracted = await extractText(pdf.rawPayload, "pdf");
    expect((extracted.text ?? "").replace(/\s+/g, " ")).toContain("Tack Anna");
  });
});
