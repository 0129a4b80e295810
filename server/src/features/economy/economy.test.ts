import ExcelJS from "exceljs";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import {
  auditEvents,
  compensationAmountHistory,
  compensationAmounts,
  largeSavingsDetections,
} from "../../db/schema/index.js";
import { systemActor } from "../../platform/actor.js";
import { replaceAnnualReportCosts } from "./service.js";
import { HEADER, importFile, importRows, payoutFile } from "./test-support.js";

const audits = async (t: TestContext, action: string) =>
  Number((await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]!.n);

describe("the economy (R1-5, R2.5-2, R2.5-3, R2.6-1)", () => {
  let t: TestContext;
  let agency: Client;
  let officer: Client;
  let otherOfficer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    agency = await t.as({ role: "agency" });
    officer = await t.as({ role: "county", county: "01" });
    otherOfficer = await t.as({ role: "county", county: "14" });
  });
  afterAll(() => t.close());

  describe("[R1-5] the payout-list import", () => {
    it("[R1-5] the template downloads with its sheets and round-trips through the preview", async () => {
      const res = await agency.get("/api/v1/compensation/import-template.xlsx");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(["Utbetalning", "Delar", "Instruktioner"]);
      const sheet = wb.getWorksheet("Utbetalning")!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
      const parts = wb.getWorksheet("Delar")!;
      expect(parts.getColumn(1).values).toContain("del1-2024");
      sheet.addRow(["0180", "Stockholm", 2025, "del1-2024", 1_000_000, "utbetald", null, "2025-06-30"]);
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      const preview = await importFile(agency, filled, true);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({
        dryRun: true,
        saved: false,
        errors: [],
        counts: { new: 1, updated: 0, unchanged: 0 },
        rows: [{ row: 2, municipality: "0180", year: 2025, part: "del1-2024", status: "paid", change: "new" }],
      });
      expect(await t.database.db.select().from(compensationAmounts)).toHaveLength(0);
    });

    it("[R1-5] a file with bad rows saves nothing and reports every bad row in Swedish", async () => {
      const file = await payoutFile([
        ["0180", "Stockholm", 2025, "del1-2024", 1_000_000, null, null, null],
        ["9999", "Okänd", 2025, "del1-2024", 1_000, null, null, null],
        ["0181", "", 2025, "del9", 1_000, null, null, null],
        ["0182", "", 2019, "del1-2024", 1_000, null, null, null],
        ["0183", "", 2025, "del1-2024", -5, null, null, null],
        ["0184", "", 2025, "del1-2024", "mycket", null, null, null],
        ["0186", "", 2025, "del1-2024", 1000.5, null, null, null],
        ["0187", "", 2025, "del1-2024", 1_000, "försvunnen", null, null],
        ["0180", "Stockholm", 2025, "del1-2024", 2_000, null, null, null],
        ["0188", "", 2025, "del1-2024", 1_000, "reducerad", 5_000, null],
      ]);
      const res = await importFile(agency, file, false);
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe("validation");
      expect(error.message).toBe("Filen har fel på 9 rader. Inget har sparats.");
      const errors = error.details.errors as { row: number; field: string; message: string }[];
      expect(errors.map((e) => [e.row, e.field])).toEqual([
        [3, "Kommunkod"],
        [4, "Del"],
        [5, "År"],
        [6, "Belopp (kr)"],
        [7, "Belopp (kr)"],
        [8, "Belopp (kr)"],
        [9, "Status"],
        [10, "Kommunkod"],
        [11, "Justering (kr)"],
      ]);
      expect(errors[0]!.message).toBe("Kommunkoden 9999 finns inte.");
      expect(errors[3]!.message).toBe("Beloppet får inte vara negativt.");
      expect(errors[7]!.message).toBe("Samma kommun, år och del finns redan på rad 2.");
      expect(await t.database.db.select().from(compensationAmounts)).toHaveLength(0);
      // The preview lists the same errors with 200.
      const preview = await importFile(agency, file, true);
      expect(preview.statusCode).toBe(200);
      expect(preview.json().errors).toHaveLength(9);
    });

    it("[R1-5] a valid file saves every row; re-importing it changes nothing; a corrected file updates only its change", async () => {
      const rows = [
        ["0180", "Stockholm", 2025, "del1-2024", 1_000_000, null, null, null],
        ["0180", "Stockholm", 2025, "del2-2024", 300_000, "utbetald", null, "2025-06-30"],
        ["0181", "Södertälje", 2025, "del1-2024", 800_000, "paid", null, "2025-06-30"],
      ];
      const first = await importFile(agency, await payoutFile(rows), false);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ saved: true, counts: { new: 3, updated: 0, unchanged: 0 } });
      const saved = await t.database.db.select().from(compensationAmounts);
      expect(saved).toHaveLength(3);
      expect(saved.find((a) => a.partCode === "del1-2024" && a.municipalityCode === "0180")!.status).toBe("announced");
      expect(await audits(t, "compensation.import")).toBe(1);

      const again = await importFile(agency, await payoutFile(rows), false);
      expect(again.json()).toMatchObject({ saved: true, counts: { new: 0, updated: 0, unchanged: 3 } });
      expect(await audits(t, "compensation.import")).toBe(1);
      expect((await t.database.db.select().from(compensationAmounts)).map((a) => a.version)).toEqual([1, 1, 1]);

      const corrected = rows.map((r) =>
        r[0] === "0181" ? ["0181", "Södertälje", 2025, "del1-2024", 850_000, "paid", null, "2025-06-30"] : r,
      );
      const third = await importFile(agency, await payoutFile(corrected), false);
      expect(third.json()).toMatchObject({ counts: { new: 0, updated: 1, unchanged: 2 } });
      expect(third.json().rows.find((r: { municipality: string }) => r.municipality === "0181").change).toBe("updated");
      const [row] = await t.database.db
        .select()
        .from(compensationAmounts)
        .where(and(eq(compensationAmounts.municipalityCode, "0181"), eq(compensationAmounts.year, 2025)));
      expect(row).toMatchObject({ amount: 850_000, version: 2 });
      const history = await t.database.db
        .select()
        .from(compensationAmountHistory)
        .where(eq(compensationAmountHistory.amountId, row!.id));
      expect(history).toMatchObject([{ amount: 800_000, version: 1, status: "paid" }]);
      expect(await audits(t, "compensation.import")).toBe(2);
      const [audit] = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "compensation.import"))
        .orderBy(auditEvents.at)
        .offset(1);
      expect(JSON.stringify(audit!.after)).toContain('"before":800000');
    });

    it("[R1-5] a file that is not an Excel workbook → 415; only the agency imports", async () => {
      const res = await importFile(agency, Buffer.from("Kommunkod;År\n0180;2025\n"), true, "lista.csv");
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toMatch(/Excelfil/);
      expect((await importFile(officer, await payoutFile([]), true)).statusCode).toBe(403);
    });

    it("[R1-5] the agency sets one amount's status (reduced with its reduction): history kept, 409 on a stale version", async () => {
      const url = "/api/v1/municipalities/0180/compensation/2025/del1-2024";
      const res = await agency.put(url, {
        version: 1,
        amount: 1_000_000,
        status: "reduced",
        adjustment: 100_000,
        statusOn: "2025-07-15",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: "reduced", adjustment: 100_000, version: 2 });
      const stale = await agency.put(url, { version: 1, amount: 1_000_000, status: "paid" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toMatch(/ändrats/);
      expect((await officer.put(url, { version: 2, amount: 1, status: "paid" })).statusCode).toBe(403);
    });
  });

  describe("[R2.5-2] costs per part and category", () => {
    it("[R2.5-2] the county's entry with a manual compilation supersedes the annual report's; both are shown; stale → 409", async () => {
      await t.database.db.transaction((tx) =>
        replaceAnnualReportCosts(tx, { actor: systemActor, requestId: null, clock: t.clock }, "0180", 2025, [
          { part: "del1-2024", category: "rsaPlanning", amount: 400_000, manualCompilation: false },
        ]),
      );
      const put = await officer.put("/api/v1/municipalities/0180/costs", {
        version: 0,
        year: 2025,
        items: [
          { part: "del1-2024", category: "rsaPlanning", amount: 350_000, manualCompilation: true },
          { part: "del2-2024", category: "heightenedAlert", amount: 100_000 },
        ],
      });
      expect(put.statusCode, put.body).toBe(200);
      const costs = put.json();
      expect(costs.sets.map((s: { source: string; effective: boolean }) => [s.source, s.effective])).toEqual([
        ["county", true],
        ["annualReport", false],
      ]);
      expect(costs.sets[0].items[0]).toMatchObject({
        part: "del1-2024",
        amount: 350_000,
        manualCompilation: true,
        eligibility: "eligible",
      });
      const stale = await officer.put("/api/v1/municipalities/0180/costs", { version: 0, year: 2025, items: [] });
      expect(stale.statusCode).toBe(409);
      const economy = (await officer.get("/api/v1/municipalities/0180/economy?from=2025&to=2025")).json();
      expect(economy.years[0]).toMatchObject({ costsIn: true, costSource: "county", manualCompilation: true });
      expect(economy.years[0].parts.find((p: { part: string }) => p.part === "del1-2024").usedCosts).toBe(350_000);
      expect(await audits(t, "costs.replace")).toBe(2);
    });

    it("[R2.5-2] an unknown part or a category outside the year's instructions → 400 naming the field; another county → 404", async () => {
      const bad = await officer.put("/api/v1/municipalities/0181/costs", {
        version: 0,
        year: 2025,
        items: [
          { part: "okkb-2019", category: "rsaPlanning", amount: 1 },
          { part: "del1-2024", category: "cookies", amount: 1 },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
        "items.0.part",
        "items.1.category",
      ]);
      const other = await otherOfficer.put("/api/v1/municipalities/0181/costs", { version: 0, year: 2025, items: [] });
      expect(other.statusCode).toBe(404);
    });
  });

  describe("[R2.5-3] not-eligible costs", () => {
    it("[R2.5-3] a Rakel purchase is flagged with its rule and source and does not lower savings", async () => {
      await importRows(agency, [["0182", "", 2025, "rakel-2024", 200_000, "paid", null, "2025-06-30"]]);
      const put = await officer.put("/api/v1/municipalities/0182/costs", {
        version: 0,
        year: 2025,
        items: [
          { part: "rakel-2024", category: "rakelEquipment", amount: 150_000 },
          { part: "rakel-2024", category: "collaboration", amount: 20_000 },
        ],
      });
      expect(put.statusCode, put.body).toBe(200);
      const economy = (await officer.get("/api/v1/municipalities/0182/economy?from=2025&to=2025")).json();
      const rakel = economy.years[0].parts.find((p: { part: string }) => p.part === "rakel-2024");
      expect(rakel).toMatchObject({ received: 200_000, usedCosts: 20_000, flaggedCosts: 150_000, closing: 180_000 });
      expect(economy.flags).toEqual([
        expect.objectContaining({
          year: 2025,
          part: "rakel-2024",
          category: "rakelEquipment",
          amount: 150_000,
          eligibility: "notEligible",
          rule: "Inköp av Rakelutrustning får inte finansieras med ersättningen.",
          source: expect.stringMatching(/\S/),
        }),
      ]);
      const county = (await officer.get("/api/v1/counties/01/economy?year=2025")).json();
      expect(
        county.items.find((r: { municipality: { code: string } }) => r.municipality.code === "0182"),
      ).toMatchObject({
        flags: 1,
        flaggedCosts: 150_000,
      });
    });
  });

  describe("[R2.6-1] accumulated savings and large savings", () => {
    it("[R2.6-1] a hand-made case: opening balance, predecessor carry-over, withheld not received, not-eligible not used, own funding", async () => {
      await importRows(agency, [
        ["0183", "", 2023, "okkb-2019", 1_000_000, "utbetald", null, "2023-06-30"],
        ["0183", "", 2023, "okcf-2019", 200_000, "innehållen", null, "2023-06-30"],
        ["0183", "", 2024, "del1-2024", 1_000_000, "utbetald", null, "2024-06-30"],
        ["0183", "", 2024, "del2-2024", 300_000, "utbetald", null, "2024-06-30"],
      ]);
      const ob = await officer.put("/api/v1/municipalities/0183/opening-balance", {
        version: 0,
        part: "okkb-2019",
        year: 2023,
        amount: 100_000,
      });
      expect(ob.statusCode, ob.body).toBe(200);
      expect(
        (
          await officer.put("/api/v1/municipalities/0183/costs", {
            version: 0,
            year: 2023,
            items: [
              { part: "okkb-2019", category: "rsaPlanning", amount: 700_000 },
              { part: "okkb-2019", category: "rakelEquipment", amount: 50_000 },
              { part: "okcf-2019", category: "trainingExercises", amount: 50_000 },
            ],
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await officer.put("/api/v1/municipalities/0183/costs", {
            version: 0,
            year: 2024,
            items: [
              { part: "del1-2024", category: "coordinatingFunction", amount: 1_200_000 },
              { part: "del2-2024", category: "collaboration", amount: 100_000 },
            ],
          })
        ).statusCode,
      ).toBe(200);
      const res = await officer.get("/api/v1/municipalities/0183/economy?from=2023&to=2024");
      expect(res.statusCode, res.body).toBe(200);
      const e = res.json();
      const part = (year: number, code: string) =>
        e.years.find((y: { year: number }) => y.year === year).parts.find((p: { part: string }) => p.part === code);
      expect(part(2023, "okkb-2019")).toMatchObject({
        opening: 100_000,
        received: 1_000_000,
        usedCosts: 700_000,
        flaggedCosts: 50_000,
        closing: 400_000,
        status: "paid",
      });
      expect(part(2023, "okcf-2019")).toMatchObject({
        announced: 200_000,
        received: 0,
        usedCosts: 50_000,
        closing: 0,
        ownFunding: 50_000,
        status: "withheld",
      });
      expect(part(2024, "del1-2024")).toMatchObject({
        opening: 400_000,
        received: 1_000_000,
        usedCosts: 1_200_000,
        closing: 200_000,
      });
      expect(part(2024, "del2-2024")).toMatchObject({ opening: 0, closing: 200_000 });
      const y2024 = e.years.find((y: { year: number }) => y.year === 2024);
      expect(y2024.total).toMatchObject({ announced: 1_300_000, received: 1_300_000, closing: 400_000 });
      expect(y2024.total.share).toBeCloseTo(400_000 / 1_300_000);
      expect(y2024.largeSavings).toBe(false);
      expect(e.largeSavings).toMatchObject({ status: false, judgedYear: 2024 });
      expect(e.openingBalances).toEqual([{ part: "okkb-2019", year: 2023, amount: 100_000, version: 1 }]);
      expect(e.rules.largeSavingsShare).toMatchObject({ value: 0.5, unverified: true });
      expect(e.rules.savingsPlanTolerance.value).toBe(0.2);
    });

    it("[R2.6-1] large savings at, just above and just below the share; the detection day is stored and cleared", async () => {
      await importRows(agency, [["0184", "", 2025, "del1-2024", 1_000_000, "utbetald", null, "2025-06-30"]]);
      const put = async (version: number, amount: number) => {
        const res = await officer.put("/api/v1/municipalities/0184/costs", {
          version,
          year: 2025,
          items: [{ part: "del1-2024", category: "rsaPlanning", amount }],
        });
        expect(res.statusCode, res.body).toBe(200);
      };
      const status = async () =>
        (await officer.get("/api/v1/municipalities/0184/economy?from=2025&to=2026")).json().largeSavings;
      await put(0, 500_000); // closing 500 000 = 0.5 × 1 000 000: not above the share
      expect(await status()).toMatchObject({ status: false, judgedYear: 2025, share: 0.5, since: null });
      await put(1, 499_999); // closing 500 001: above
      const today = t.clock.today();
      expect(await status()).toMatchObject({ status: true, since: today, planDueOn: expect.any(String) });
      const [open] = await t.database.db
        .select()
        .from(largeSavingsDetections)
        .where(eq(largeSavingsDetections.municipalityCode, "0184"));
      expect(open).toMatchObject({ detectedOn: today, judgedYear: 2025, clearedOn: null });
      const due = await officer.put("/api/v1/municipalities/0184/large-savings/plan-due", { planDueOn: "2027-06-30" });
      expect(due.statusCode, due.body).toBe(200);
      expect(due.json()).toMatchObject({ status: true, planDueOn: "2027-06-30" });
      expect(await audits(t, "largeSavings.updateDue")).toBe(1);
      const list = (await officer.get("/api/v1/counties/01/large-savings?year=2026")).json();
      expect(list.items.map((i: { municipality: { code: string } }) => i.municipality.code)).toContain("0184");
      await put(2, 500_001); // closing 499 999: below
      expect(await status()).toMatchObject({ status: false, since: null });
      const rows = await t.database.db
        .select()
        .from(largeSavingsDetections)
        .where(eq(largeSavingsDetections.municipalityCode, "0184"));
      expect(rows).toMatchObject([{ detectedOn: today, clearedOn: today }]);
      expect(await audits(t, "largeSavings.detect")).toBeGreaterThanOrEqual(1);
      expect(await audits(t, "largeSavings.clear")).toBe(1);
    });

    it("[R2.6-1] the county's large-savings list is ranked by Σ closing / Σ announced with plan and warning flags", async () => {
      await importRows(agency, [
        ["0186", "", 2025, "del1-2024", 1_000_000, "utbetald", null, "2025-06-30"],
        ["0187", "", 2025, "del1-2024", 1_000_000, "utbetald", null, "2025-06-30"],
      ]);
      for (const [code, used] of [
        ["0186", 400_000],
        ["0187", 200_000],
      ] as const)
        expect(
          (
            await officer.put(`/api/v1/municipalities/${code}/costs`, {
              version: 0,
              year: 2025,
              items: [{ part: "del1-2024", category: "trainingExercises", amount: used }],
            })
          ).statusCode,
        ).toBe(200);
      const res = await officer.get("/api/v1/counties/01/large-savings?year=2025");
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as {
        municipality: { code: string };
        share: number;
        savingsPlan: boolean;
        warningOpen: boolean;
      }[];
      const codes = items.map((i) => i.municipality.code);
      expect(codes.indexOf("0187")).toBeLessThan(codes.indexOf("0186"));
      expect(items.map((i) => i.share)).toEqual([...items.map((i) => i.share)].sort((a, b) => b - a));
      expect(items.find((i) => i.municipality.code === "0187")).toMatchObject({
        share: 0.8,
        savingsPlan: false,
        warningOpen: false,
        since: t.clock.today(),
      });
      expect(res.json().rules.largeSavingsShare.value).toBe(0.5);
      const county = (await officer.get("/api/v1/counties/01/economy?year=2025")).json();
      const names = county.items.map((r: { municipality: { name: string } }) => r.municipality.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "sv")));
      expect(
        county.items.find((r: { municipality: { code: string } }) => r.municipality.code === "0187"),
      ).toMatchObject({
        largeSavings: true,
        closing: 800_000,
        reviews: { held: 0, warnings: expect.arrayContaining(["economicReviewsShort"]) },
      });
      const xlsx = await officer.get("/api/v1/counties/01/economy.xlsx?year=2025");
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = wb.getWorksheet("Ekonomi")!;
      expect(sheet.rowCount).toBe(county.items.length + 1);
      expect(sheet.getRow(1).getCell(7).value).toBe("Sparade medel");
    });

    it("[R2.6-1] the national table sums per county and for the nation (agency only)", async () => {
      const res = await agency.get("/api/v1/economy/national?year=2025");
      expect(res.statusCode, res.body).toBe(200);
      const n = res.json();
      const c01 = n.items.find((i: { county: { code: string } }) => i.county.code === "01");
      expect(c01.municipalities).toBeGreaterThan(20);
      expect(c01.largeSavings).toBeGreaterThanOrEqual(2);
      expect(n.nation.announced).toBeGreaterThanOrEqual(c01.announced);
      expect((await officer.get("/api/v1/economy/national")).statusCode).toBe(403);
    });
  });

  describe("[R2.6-1] a year whose costs are not in", () => {
    it("[R2.6-1] the current year without costs never shows large savings and the default year is the previous one", async () => {
      const current = Number(t.clock.today().slice(0, 4));
      const last = current - 1;
      // Last year: 1 000 000 kr received, 900 000 kr used (10 % saved). This year: 1 000 000 kr received, no costs
      // yet, so 110 % of it looks saved.
      await importRows(agency, [
        ["0191", "", last, "del1-2024", 1_000_000, "utbetald", null, `${last}-06-30`],
        ["0191", "", current, "del1-2024", 1_000_000, "utbetald", null, `${current}-06-30`],
      ]);
      const put = await officer.put("/api/v1/municipalities/0191/costs", {
        version: 0,
        year: last,
        items: [{ part: "del1-2024", category: "rsaPlanning", amount: 900_000 }],
      });
      expect(put.statusCode, put.body).toBe(200);
      const e = (await officer.get(`/api/v1/municipalities/0191/economy?from=${last}&to=${current}`)).json();
      expect(e.years).toMatchObject([
        { year: last, costsIn: true, largeSavings: false, total: { closing: 100_000 } },
        { year: current, costsIn: false, largeSavings: false, total: { closing: 1_100_000, share: 1.1 } },
      ]);
      expect(e.largeSavings).toMatchObject({ status: false, judgedYear: last, since: null });
      const open = await t.database.db
        .select()
        .from(largeSavingsDetections)
        .where(eq(largeSavingsDetections.municipalityCode, "0191"));
      expect(open).toEqual([]);

      const rowOf = (body: { items: { municipality: { code: string } }[] }) =>
        body.items.find((r) => r.municipality.code === "0191");
      const county = (await officer.get("/api/v1/counties/01/economy")).json();
      expect(county.year).toBe(last);
      expect(rowOf(county)).toMatchObject({ costsIn: true, largeSavings: false, closing: 100_000 });
      const thisYear = (await officer.get(`/api/v1/counties/01/economy?year=${current}`)).json();
      expect(rowOf(thisYear)).toMatchObject({ costsIn: false, largeSavings: false, closing: 1_100_000 });
      const list = (await officer.get("/api/v1/counties/01/large-savings")).json();
      expect(list.year).toBe(last);
      expect(rowOf(list)).toBeUndefined();
      const listNow = (await officer.get(`/api/v1/counties/01/large-savings?year=${current}`)).json();
      expect(rowOf(listNow)).toBeUndefined();
      const xlsx = await officer.get("/api/v1/counties/01/economy.xlsx");
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers["content-disposition"]).toContain(`ekonomi-01-${last}.xlsx`);
      const now = await officer.get(`/api/v1/counties/01/economy.xlsx?year=${current}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(now.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = wb.getWorksheet("Ekonomi")!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      let cells: unknown[] = [];
      sheet.eachRow((r) => {
        if (r.getCell(1).value === "0191") cells = (r.values as unknown[]).slice(1);
      });
      expect(cells[header.indexOf("Stora sparade medel")]).toBe("nej");
      expect(cells[header.indexOf("Kostnader inkomna")]).toBe("nej");
      expect((await agency.get("/api/v1/economy/national")).json().year).toBe(last);
    });
  });

  describe("[R1-5] compensation parts", () => {
    it("[R1-5] the known parts are loaded with predecessors; the agency adds one (409 duplicate, 400 unknown predecessor) and edits it (409 stale)", async () => {
      const list = (await officer.get("/api/v1/compensation-parts")).json();
      const codes = list.items.map((p: { code: string }) => p.code);
      expect(codes).toEqual(
        expect.arrayContaining([
          "okkb-2019",
          "okcf-2019",
          "del1-2024",
          "del2-2024",
          "rakel-2024",
          "ledningsplatser",
          "del1-2027",
          "del2-2027",
        ]),
      );
      expect(list.items.find((p: { code: string }) => p.code === "del1-2024")).toMatchObject({
        predecessor: "okkb-2019",
        agreement: { title: "Överenskommelse om kommunernas arbete med civil beredskap 2024–2026" },
      });
      expect(list.items.find((p: { code: string }) => p.code === "ledningsplatser")).toMatchObject({
        countsTowardSavings: false,
        agreement: null,
      });
      expect(list.items.find((p: { code: string }) => p.code === "del1-2027")).toMatchObject({
        unverified: true,
        source: null,
      });
      const body = {
        code: "rakel-2027",
        name: "Rakel (överenskommelse från 2027)",
        nameEn: "Rakel (agreement from 2027)",
        firstYear: 2027,
        lastYear: 2030,
        countsTowardSavings: true,
        predecessor: "rakel-2024",
        position: 85,
        unverified: true,
      };
      const created = await agency.post("/api/v1/compensation-parts", body);
      expect(created.statusCode, created.body).toBe(201);
      expect((await agency.post("/api/v1/compensation-parts", body)).statusCode).toBe(409);
      const noPredecessor = await agency.post("/api/v1/compensation-parts", {
        ...body,
        code: "x-2027",
        predecessor: "nope-1",
      });
      expect(noPredecessor.statusCode).toBe(400);
      const { code: _c, ...fields } = body;
      const updated = await agency.put("/api/v1/compensation-parts/rakel-2027", {
        ...fields,
        version: 1,
        source: "Överenskommelse 2027–2030",
        unverified: false,
      });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json()).toMatchObject({ version: 2, source: "Överenskommelse 2027–2030" });
      expect((await agency.put("/api/v1/compensation-parts/rakel-2027", { ...fields, version: 1 })).statusCode).toBe(
        409,
      );
      expect((await officer.post("/api/v1/compensation-parts", body)).statusCode).toBe(403);
    });

    it("[R2.5-3] the cost categories of a year come from that year's national rules", async () => {
      const c2019 = (await officer.get("/api/v1/cost-categories?year=2019")).json();
      const c2025 = (await officer.get("/api/v1/cost-categories?year=2025")).json();
      const inv = (c: { items: { code: string; eligibility: string }[] }) =>
        c.items.find((i) => i.code === "investments")!.eligibility;
      expect(inv(c2019)).toBe("notEligible");
      expect(inv(c2025)).toBe("limited");
      expect(c2025).toMatchObject({ year: 2025, example: true, instructions: expect.any(String) });
    });
  });
});
