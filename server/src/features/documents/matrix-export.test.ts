import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildUser, insertDocumentVersion, setResponsibleOfficer } from "../../../test/factories.js";
import { cellText } from "./matrix-export.js";

async function open(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe("[R2.2-6] the county's document matrix as an Excel file", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    const officer = await buildUser(t.database.db, { role: "county", county: "03", name: "Greta Granskare" });
    await setResponsibleOfficer(t.database.db, "0380", officer.id);
    const by = officer.id;
    await insertDocumentVersion(t, {
      municipality: "0380",
      type: "rsa",
      decidedBy: "executiveBoard",
      decidedOn: "2023-10-01",
      receivedOn: "2023-10-20",
      status: "approved",
      createdBy: by,
    });
    await insertDocumentVersion(t, {
      municipality: "0380",
      type: "steeringDocument",
      decidedBy: "executiveBoard",
      decidedOn: "2024-02-01",
      receivedOn: "2024-02-05",
      createdBy: by,
    });
    await insertDocumentVersion(t, {
      municipality: "0380",
      type: "emergencyPlan",
      decidedBy: "official",
      decidedOn: "2023-06-01",
      receivedOn: "2023-06-05",
      createdBy: by,
    });
  });
  afterAll(() => t.close());

  it("[R2.2-6] status texts say everything without colour", () => {
    expect(cellText({ status: "received", flags: ["late"] })).toBe("Inkommen – sen");
    expect(cellText({ status: "missing", flags: ["missing"] })).toBe("Saknas");
    expect(cellText({ status: "approved", flags: [] })).toBe("Godkänd");
    expect(cellText({ status: "notYetDue", flags: [] })).toBe("Ej förfallen");
    expect(cellText({ status: "received", flags: ["late", "belowRequiredLevel"] })).toBe(
      "Inkommen – sen – beslutad på för låg nivå",
    );
  });

  it("[R2.2-6] the xlsx opens with one row per municipality, a column per document type, status in words and an explanation sheet", async () => {
    const officer = await t.as({ role: "county", county: "03" });
    const res = await officer.get("/api/v1/counties/03/documents/matrix.xlsx?period=2023");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("Dokumentstatus Uppsala län 2023–2026.xlsx")}`,
    );

    const wb = await open(res.rawPayload);
    const sheet = wb.getWorksheet("Dokumentstatus")!;
    expect(values(sheet.getRow(1))).toEqual([
      "Kod",
      "Kommun",
      "Ansvarig handläggare",
      "Risk- och sårbarhetsanalys (RSA)",
      "Styrdokument för krisberedskap",
      "Reglemente för krisledningsnämnden",
      "Plan för hantering av extraordinära händelser",
      "Utbildnings- och övningsplan",
      "Antal flaggade dokument",
    ]);
    expect(sheet.rowCount).toBe(1 + 8);
    const rows = Array.from({ length: 8 }, (_, i) => values(sheet.getRow(i + 2)));
    expect(rows.map((r) => r[1])).toEqual([
      "Enköping",
      "Heby",
      "Håbo",
      "Knivsta",
      "Tierp",
      "Uppsala",
      "Älvkarleby",
      "Östhammar",
    ]);
    expect(rows[5]).toEqual([
      "0380",
      "Uppsala",
      "Greta Granskare",
      "Godkänd",
      "Inkommen – sen – beslutad på för låg nivå",
      "Saknas",
      "Inkommen – beslutad på för låg nivå",
      "Saknas",
      4,
    ]);
    expect(rows[0]).toEqual(["0381", "Enköping", "Ingen utsedd", "Saknas", "Saknas", "Saknas", "Saknas", "Saknas", 5]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBeGreaterThan(10);

    const legend = wb.getWorksheet("Förklaring")!;
    const text: string[] = [];
    legend.eachRow((row) => text.push(values(row).join(" | ")));
    const all = text.join("\n");
    expect(all).toContain("Mandatperiod | 2023–2026");
    expect(all).toContain("Exportdatum | 2026-11-27");
    expect(all).toContain("Saknas");
    expect(all).toContain("2023-10-31");
    expect(all).toContain("Kommunfullmäktige eller högre");
  });

  it("[R2.2-6] applies the matrix filters, and a future period is not yet due", async () => {
    const agency = await t.as({ role: "agency" });
    const late = await open(
      (await agency.get("/api/v1/counties/03/documents/matrix.xlsx?period=2023&flag=late")).rawPayload,
    );
    expect(late.getWorksheet("Dokumentstatus")!.rowCount).toBe(2);
    expect(values(late.getWorksheet("Dokumentstatus")!.getRow(2))[1]).toBe("Uppsala");
    const next = await open((await agency.get("/api/v1/counties/03/documents/matrix.xlsx?period=2027")).rawPayload);
    expect(values(next.getWorksheet("Dokumentstatus")!.getRow(2)).slice(3, 8)).toEqual(Array(5).fill("Ej förfallen"));
  });

  it("[R2.2-6] [R1-1] a municipality may not export, another county does not see it", async () => {
    expect(
      (
        await (
          await t.as({ role: "municipality", municipality: "0380" })
        ).get("/api/v1/counties/03/documents/matrix.xlsx")
      ).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as({ role: "county", county: "01" })).get("/api/v1/counties/03/documents/matrix.xlsx"))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.as({ role: "county", county: "03" })
        ).get("/api/v1/counties/03/documents/matrix.xlsx?status=nope")
      ).statusCode,
    ).toBe(400);
  });
});
