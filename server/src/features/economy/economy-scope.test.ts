import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance } from "../../../test/factories.js";
import { auditEvents } from "../../db/schema/index.js";
import { importRows } from "./test-support.js";

describe("[R2.6-1] the economy's scope and confidential parts (both databases)", () => {
  let t: TestContext;
  let agency: Client;
  let officer: Client & { user: { id: string } };
  let cleared: Client & { user: { id: string } };
  let otherOfficer: Client;
  let coordinator: Client;
  let otherCoordinator: Client;

  beforeAll(async () => {
    t = await createTestContext();
    agency = await t.as({ role: "agency" });
    officer = await t.as({ role: "county", county: "01" });
    cleared = await t.as({ role: "county", county: "01" });
    await buildClearance(t, { userId: cleared.user.id, county: "01", municipality: "0180" });
    otherOfficer = await t.as({ role: "county", county: "14" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    otherCoordinator = await t.as({ role: "municipality", municipality: "0181" });
    await importRows(agency, [
      ["0180", "Stockholm", 2023, "okkb-2019", 20_000_000, "utbetald", null, "2023-06-30"],
      ["0180", "Stockholm", 2023, "okcf-2019", 5_000_000, "utbetald", null, "2023-06-30"],
      ["1480", "Göteborg", 2023, "okkb-2019", 12_000_000, "utbetald", null, "2023-06-30"],
    ]);
    expect(
      (
        await officer.put("/api/v1/municipalities/0180/costs", {
          version: 0,
          year: 2023,
          items: [
            { part: "okkb-2019", category: "rsaPlanning", amount: 15_000_000 },
            { part: "okcf-2019", category: "heightenedAlert", amount: 4_000_000 },
          ],
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  it("[R2.6-1] a county sees its own municipalities only, the agency all, a municipality itself", async () => {
    const url = (code: string) => `/api/v1/municipalities/${code}/economy?from=2023&to=2023`;
    expect((await officer.get(url("0180"))).statusCode).toBe(200);
    expect((await officer.get(url("1480"))).statusCode).toBe(404);
    expect((await otherOfficer.get(url("1480"))).statusCode).toBe(200);
    expect((await otherOfficer.get(url("0180"))).statusCode).toBe(404);
    expect((await agency.get(url("1480"))).statusCode).toBe(200);
    expect((await coordinator.get(url("0180"))).statusCode).toBe(200);
    expect((await otherCoordinator.get(url("0180"))).statusCode).toBe(404);
    expect((await officer.get("/api/v1/counties/01/economy?year=2023")).statusCode).toBe(200);
    expect((await officer.get("/api/v1/counties/14/economy?year=2023")).statusCode).toBe(404);
    expect((await coordinator.get("/api/v1/counties/01/economy?year=2023")).statusCode).toBe(404);
    const all = (await agency.get("/api/v1/counties/14/economy?year=2023")).json();
    expect(all.items.find((r: { municipality: { code: string } }) => r.municipality.code === "1480").announced).toBe(
      12_000_000,
    );
    expect(
      (
        await otherOfficer.put("/api/v1/municipalities/0180/opening-balance", {
          version: 0,
          part: "okkb-2019",
          year: 2023,
          amount: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("[R2.6-1] a confidential part's amounts and every total including them are null without clearance; shown and audited with it", async () => {
    const parts = (await agency.get("/api/v1/compensation-parts")).json().items;
    const okcf = parts.find((p: { code: string }) => p.code === "okcf-2019");
    const { code: _c, agreement, version, ...fields } = okcf;
    const put = await agency.put("/api/v1/compensation-parts/okcf-2019", {
      ...fields,
      agreementId: agreement?.id ?? null,
      confidentialBasis: "15 kap. 2 § OSL",
      version,
    });
    expect(put.statusCode, put.body).toBe(200);

    const url = "/api/v1/municipalities/0180/economy?from=2023&to=2023";
    for (const client of [officer, agency]) {
      const y = (await client.get(url)).json().years[0];
      const cf = y.parts.find((p: { part: string }) => p.part === "okcf-2019");
      const kb = y.parts.find((p: { part: string }) => p.part === "okkb-2019");
      expect(cf).toMatchObject({
        announced: null,
        received: null,
        closing: null,
        confidential: { basis: "15 kap. 2 § OSL", canRead: false },
      });
      expect(kb).toMatchObject({ announced: 20_000_000, closing: 5_000_000, confidential: null });
      expect(y.total).toMatchObject({ announced: null, closing: null, share: null });
      expect(y.totalConfidential).toMatchObject({ basis: "15 kap. 2 § OSL", canRead: false });
      expect(y.totalConfidential.readableBy.map((p: { id: string }) => p.id)).toContain(cleared.user.id);
    }
    const row = (await officer.get("/api/v1/counties/01/economy?year=2023"))
      .json()
      .items.find((r: { municipality: { code: string } }) => r.municipality.code === "0180");
    expect(row).toMatchObject({ confidential: true, announced: null, closing: null, share: null });
    const xlsx = await officer.get("/api/v1/counties/01/economy.xlsx?year=2023");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Ekonomi")!;
    let stockholm: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === "0180") stockholm = r;
    });
    expect(stockholm!.getCell(3).value).toBe("Sekretess");
    expect(stockholm!.getCell(7).value).toBe("Sekretess");
    const costs = (await officer.get("/api/v1/municipalities/0180/costs?year=2023")).json();
    expect(costs.sets[0].items.find((i: { part: string }) => i.part === "okcf-2019").amount).toBeNull();

    const before = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.actorId, cleared.user.id)));
    expect(before).toHaveLength(0);
    const y = (await cleared.get(url)).json().years[0];
    expect(y.parts.find((p: { part: string }) => p.part === "okcf-2019")).toMatchObject({
      announced: 5_000_000,
      closing: 1_000_000,
      confidential: { canRead: true },
    });
    expect(y.total).toMatchObject({ announced: 25_000_000, closing: 6_000_000 });
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.actorId, cleared.user.id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.after).toMatchObject({ municipality: "0180", basis: "15 kap. 2 § OSL" });
  });

  it("[R1-5] a corrected confidential amount is audited by its key only, never its amounts", async () => {
    await importRows(agency, [
      ["0180", "Stockholm", 2023, "okkb-2019", 20_000_000, "utbetald", null, "2023-06-30"],
      ["0180", "Stockholm", 2023, "okcf-2019", 5_500_000, "utbetald", null, "2023-06-30"],
      ["1480", "Göteborg", 2023, "okkb-2019", 12_000_000, "utbetald", null, "2023-06-30"],
    ]);
    const imports = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "compensation.import"));
    expect(imports).toHaveLength(2);
    const audit = imports.find((a) => (a.after as { updated: number }).updated === 1);
    const after = audit!.after as { updated: number; changes: Record<string, unknown>[] };
    expect(after.updated).toBe(1);
    expect(after.changes).toEqual([{ key: "0180/2023/okcf-2019", change: "updated" }]);
    expect(JSON.stringify(audit)).not.toContain("5500000");
  });
});
