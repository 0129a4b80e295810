import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { parse, stringify } from "yaml";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { auditEvents } from "../../db/schema/index.js";
import { exampleFormDefinition } from "./example-form.js";
import { annualForms } from "./schema.js";
import { insertPublishedForm } from "./test-support.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const importFile = (client: Client, content: Buffer | string, fileName: string) => {
  const body = multipart([
    { name: "file", value: content, fileName, contentType: fileName.endsWith(".xlsx") ? XLSX : "application/yaml" },
  ]);
  return client.request({ method: "POST", url: "/api/v1/annual-forms/import", ...body });
};

const formCount = async (t: TestContext) =>
  Number((await t.database.db.select({ n: count() }).from(annualForms))[0]?.n ?? 0);

async function workbookOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

describe("the yearly form as YAML and Excel (R2.4-1)", () => {
  let t: TestContext;
  let agency: Client;
  let coordinator: Client;
  let publishedId: string;

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-11-27T10:00:00+01:00");
    agency = await t.as({ role: "agency" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    publishedId = (await insertPublishedForm(t.database.db, { year: 2026 })).id;
  });
  afterAll(() => t.close());

  it("[R2.4-1] YAML round trip: export then import gives the same definition, as a draft of the year", async () => {
    const res = await coordinator.get(`/api/v1/annual-forms/${publishedId}/export.yaml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("arsuppfoljning-2026-v1.yaml");
    const data = parse(res.body);
    expect(data).toMatchObject({ year: 2026, deadline: "2027-02-15", forwardingDeadline: "2027-03-31", example: true });
    const imported = await importFile(agency, res.body, "arsuppfoljning-2026-v1.yaml");
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ year: 2026, number: 2, status: "draft", example: true });
    expect(imported.json().definition).toEqual(exampleFormDefinition(2026));
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, imported.json().id));
    expect(audit.map((a) => a.action)).toEqual(["annualForms.import"]);
    // The draft is in the way of a second import of the same year.
    expect((await importFile(agency, res.body, "igen.yml")).statusCode).toBe(409);
  });

  it("[R2.4-1] Excel round trip: export then import gives the same definition", async () => {
    const res = await agency.get(`/api/v1/annual-forms/${publishedId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("arsuppfoljning-2026-v1.xlsx");
    const wb = await workbookOf(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Blankett", "Frågor", "Instruktioner"]);
    // Another year, so the open draft of 2026 is not in the way.
    wb.getWorksheet("Blankett")!.getCell("B2").value = "2027";
    wb.getWorksheet("Blankett")!.getCell("B4").value = "2028-02-15";
    wb.getWorksheet("Blankett")!.getCell("B5").value = "2028-03-31";
    const changed = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await importFile(agency, changed, "blankett.xlsx");
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ year: 2027, number: 1, deadline: "2028-02-15" });
    expect(imported.json().definition).toEqual(exampleFormDefinition(2026));
  });

  it("[R2.4-1] a bad YAML file is refused with the place of each error, and nothing is saved", async () => {
    const before = await formCount(t);
    const file = {
      year: 2035,
      title: "Årsuppföljning 2035",
      deadline: "2036-02-30",
      definition: exampleFormDefinition(2035),
    };
    (file.definition.indicators.sections[1]!.questions[0] as { type: string }).type = "kryssruta";
    const res = await importFile(agency, stringify(file), "fel.yaml");
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as { location: string; message: string }[];
    expect(issues.map((i) => i.location)).toEqual([
      "deadline (rad 3)",
      expect.stringMatching(/^definition\.indicators\.sections\[1\]\.questions\[0\]\.type \(rad \d+\)$/),
    ]);
    expect(issues[0]!.message).toBe("Datumet finns inte i kalendern.");
    // Duplicate keys: the form's own rule, at the second occurrence.
    const dup = { year: 2035, title: "Årsuppföljning 2035", definition: exampleFormDefinition(2035) };
    dup.definition.indicators.sections[0]!.questions[1]!.key = "rsaFastslagen";
    const refused = await importFile(agency, stringify(dup), "dubbel.yaml");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toEqual([
      {
        location: expect.stringMatching(/^definition\.indicators\.sections\[0\]\.questions\[1\]\.key \(rad \d+\)$/),
        message: "Nyckeln rsaFastslagen finns två gånger i blanketten.",
      },
    ]);
    expect(res.json().error.message).toMatch(/har inte importerats/);
    expect((await importFile(agency, "year: [1, 2\n", "trasig.yaml")).statusCode).toBe(400);
    expect((await importFile(agency, "year: 2035\n", "blankett.txt")).statusCode).toBe(400);
    expect(await formCount(t)).toBe(before);
  });

  it("[R2.4-1] a bad Excel file is refused with the sheet and cell of each error, and nothing is saved", async () => {
    const before = await formCount(t);
    const res = await agency.get(`/api/v1/annual-forms/${publishedId}/export.xlsx`);
    const wb = await workbookOf(res.rawPayload);
    wb.getWorksheet("Blankett")!.getCell("B2").value = "2036";
    const sheet = wb.getWorksheet("Frågor")!;
    sheet.getCell("F2").value = "kryssruta"; // typ
    sheet.getCell("J3").value = "brandförsvar"; // område
    sheet.getCell("D4").value = "rsaFastslagen"; // nyckel: a duplicate
    sheet.getCell("I5").value = "kanske"; // obligatorisk
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await importFile(agency, bad, "fel.xlsx");
    expect(refused.statusCode).toBe(400);
    const locations = (refused.json().error.details.issues as { location: string }[]).map((i) => i.location);
    expect(locations).toEqual(["Frågor!F2", "Frågor!J3", "Frågor!I5"]);

    // Cell errors fixed, the duplicate key remains: found by the form's own rules, placed on its cell.
    sheet.getCell("F2").value = "ja/nej";
    sheet.getCell("J3").value = "krisberedskap";
    sheet.getCell("I5").value = "ja";
    const dup = await importFile(agency, Buffer.from(await wb.xlsx.writeBuffer()), "fel.xlsx");
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.issues).toEqual([
      { location: "Frågor!D4", message: "Nyckeln rsaFastslagen finns två gånger i blanketten." },
    ]);
    expect((await importFile(agency, Buffer.from("inte en excelfil"), "fel.xlsx")).statusCode).toBe(415);
    expect(await formCount(t)).toBe(before);
  });

  it("[R2.4-1] only the agency imports", async () => {
    const res = await coordinator.get(`/api/v1/annual-forms/${publishedId}/export.yaml`);
    expect((await importFile(coordinator, res.body, "a.yaml")).statusCode).toBe(403);
  });
});
