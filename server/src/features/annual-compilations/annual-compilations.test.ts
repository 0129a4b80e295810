import {
  type CompilationRow,
  type CountyCompilation,
  type NationalCompilation,
  compareSwedish,
  distribution,
  flattenQuestions,
  mergeDistributions,
} from "@uppsikt/core";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import {
  annualCompilationDrafts,
  annualCompilationVersions,
  annualReportRounds,
  annualReports,
  auditEvents,
} from "../../db/schema/index.js";
import { exampleFormDefinition } from "../annual-forms/example-form.js";
import { insertPublishedForm } from "../annual-forms/test-support.js";
import { FIRST_DATA_ROW, PART_SHEETS } from "./layout.js";
import { insertReport, syntheticAnswers } from "./test-repository.js";
import { compilationForwardingSource } from "./watch-source.js";
import { cellOf } from "./workbook.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const YEAR = 2026;
const definition = exampleFormDefinition(YEAR);
const questions = flattenQuestions(definition).map((f) => f.question);

describe("[R2.4-2] [R1-6] the county's compilation, its forwarding, Excel and the national compilation", () => {
  let t: TestContext;
  let officer: Client;
  let head: Client;
  let head14: Client;
  let agency: Client;
  let coordinator: Client;
  let formId: string;
  const base = `/api/v1/counties/01/annual-compilation/${YEAR}`;

  const get = async (c: Client, url = base) => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CountyCompilation;
  };
  const xlsx = async (c: Client, url: string) => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  };
  const upload = (c: Client, url: string, content: Buffer) => {
    const body = multipart([
      {
        name: "file",
        value: content,
        fileName: "arsuppfoljning.xlsx",
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    ]);
    return c.request({ method: "POST", url, payload: body.payload, headers: body.headers });
  };
  const load = async (content: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
    return wb;
  };
  const roundCount = async () => Number((await t.database.db.select({ n: count() }).from(annualReportRounds))[0]!.n);

  beforeAll(async () => {
    // Sessions last the 30 days the clock moves on.
    t = await createTestContext({ SESSION_TTL_HOURS: "720" });
    t.clock.set("2027-03-10T10:00:00+01:00");
    officer = await t.as({ role: "county", county: "01", name: "Johan Bergström" });
    head = await t.as({ role: "county", county: "01", countyHead: true, name: "Karin Lindqvist" });
    head14 = await t.as({ role: "county", county: "14", countyHead: true });
    agency = await t.as({ role: "agency" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    formId = (await insertPublishedForm(t.database.db, { year: YEAR, definition })).id;
    const by = coordinator.user.id;
    // Stockholm: accepted; then a draft with other answers that the county must not see.
    await insertReport(t.database.db, {
      code: "0180",
      year: YEAR,
      formId,
      by,
      rounds: [
        {
          answers: syntheticAnswers(definition, 1),
          costs: [{ part: "del1-2024", category: "trainingExercises", amount: 250_000, manualCompilation: true }],
          submittedOn: "2027-02-10",
          acceptedOn: "2027-02-20",
        },
      ],
      draft: { krisledningOvat: false },
    });
    // Upplands Väsby: submitted late, awaiting review. Vallentuna: returned. Österåker: a draft only.
    await insertReport(t.database.db, {
      code: "0114",
      year: YEAR,
      formId,
      by,
      rounds: [{ answers: syntheticAnswers(definition, 2), submittedOn: "2027-02-16" }],
    });
    await insertReport(t.database.db, {
      code: "0115",
      year: YEAR,
      formId,
      by,
      rounds: [{ answers: syntheticAnswers(definition, 3), submittedOn: "2027-02-01", returnedOn: "2027-02-05" }],
    });
    await insertReport(t.database.db, {
      code: "0117",
      year: YEAR,
      formId,
      by,
      rounds: [],
      draft: syntheticAnswers(definition, 4),
      savedOn: "2027-02-01",
    });
    // Two in Västra Götaland, accepted.
    for (const [i, code] of ["1480", "1481"].entries())
      await insertReport(t.database.db, {
        code,
        year: YEAR,
        formId,
        by,
        rounds: [
          { answers: syntheticAnswers(definition, 10 + i), submittedOn: "2027-02-01", acceptedOn: "2027-02-03" },
        ],
      });
  });
  afterAll(() => t.close());

  it("[R2.4-2] one row per municipality in Swedish order, the status by the core rule, the latest submission's answers (never a draft)", async () => {
    const c = await get(officer);
    expect(c.status).toBe("notForwarded");
    expect(c.forwardingDeadline).toBe("2027-03-31");
    expect(c.rows).toHaveLength(26);
    const names = c.rows.map((r) => r.municipality.name);
    expect(names).toEqual([...names].sort(compareSwedish));
    const row = (code: string) => c.rows.find((r) => r.municipality.code === code)!;
    expect(row("0180")).toMatchObject({ status: "accepted", submittedOn: "2027-02-10", late: false, missing: false });
    expect(row("0180").answers).toEqual(syntheticAnswers(definition, 1));
    expect(row("0114")).toMatchObject({ status: "submitted", late: true });
    expect(row("0115")).toMatchObject({ status: "returned" });
    expect(row("0117")).toMatchObject({ status: "draft", missing: true, answers: {} });
    expect(row("0125")).toMatchObject({ status: "notStarted", missing: true, answers: {} });
    expect(c.questions.map((q) => q.key)).toEqual(questions.map((q) => q.key));
    expect(c.can).toEqual({ edit: true, forward: false });
    expect((await get(head)).can).toEqual({ edit: true, forward: true });
  });

  it("[R2.1-2] filtered by part and agreement area: only those columns and answers", async () => {
    const c = await get(officer, `${base}?part=indicators&area=civilDefence`);
    expect(c.questions.every((q) => q.part === "indicators" && q.area === "civilDefence")).toBe(true);
    expect(c.questions.map((q) => q.key)).toContain("krigsorganisation");
    const keys = new Set(c.questions.map((q) => q.key));
    for (const r of c.rows) expect(Object.keys(r.answers).every((k) => keys.has(k))).toBe(true);
  });

  it("[R2.4-2] scope: the agency sees every county, a county never another's (404), a municipality user 403", async () => {
    expect((await agency.get(base)).statusCode).toBe(200);
    expect((await agency.get(`/api/v1/counties/14/annual-compilation/${YEAR}`)).statusCode).toBe(200);
    expect((await head14.get(base)).statusCode).toBe(404);
    expect((await head14.get(`${base}.xlsx`)).statusCode).toBe(404);
    expect((await coordinator.get(base)).statusCode).toBe(403);
    expect((await coordinator.get(`${base}.xlsx`)).statusCode).toBe(403);
    expect((await agency.get(`${base}/template.xlsx`)).statusCode).toBe(403);
  });

  it("[R2.4-2] the assessment is saved as a draft with a version lock (409 when stale), audited", async () => {
    const res = await officer.put(`${base}/assessment`, { version: 0, assessment: "Kommunerna har övat mer." });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assessment: "Kommunerna har övat mer.", version: 1 });
    const stale = await head.put(`${base}/assessment`, { version: 0, assessment: "Annat." });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/ändrats/);
    const ok = await head.put(`${base}/assessment`, {
      version: 1,
      assessment: "Kommunerna har övat mer och planerat för höjd beredskap.",
    });
    expect(ok.json().version).toBe(2);
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "annualCompilations.update"));
    expect(audits).toHaveLength(2);
    expect((await agency.put(`${base}/assessment`, { version: 2, assessment: "x" })).statusCode).toBe(403);
  });

  it("[R2.4-2] only a county head forwards (an officer 403); the year without a published form 400", async () => {
    const body = { version: 2, registrationNumber: "Dnr 451-1234-2027" };
    expect((await officer.post(`${base}/forward`, body)).statusCode).toBe(403);
    expect((await head14.post(`${base}/forward`, body)).statusCode).toBe(404);
    const none = await head.post(`/api/v1/counties/01/annual-compilation/2030/forward`, { ...body, version: 0 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/blankett/);
  });

  it("[R2.4-2] the compilation is frozen on forwarding: a later change of a report does not change version 1; forwarding again → version 2", async () => {
    const res = await head.post(`${base}/forward`, { version: 2, registrationNumber: "Dnr 451-1234-2027" });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as CountyCompilation;
    expect(c.status).toBe("forwarded");
    expect(c.late).toBe(false);
    expect(c.versions).toHaveLength(1);
    expect(c.versions[0]).toMatchObject({
      number: 1,
      forwardedOn: "2027-03-10",
      registrationNumber: "Dnr 451-1234-2027",
      forwardedBy: { id: head.user.id, name: "Karin Lindqvist" },
    });
    // Not accepted or missing: every municipality but Stockholm.
    expect(c.versions[0]!.notAccepted).toHaveLength(25);
    expect(c.versions[0]!.notAccepted).toContainEqual({ code: "0114", name: "Upplands Väsby", status: "submitted" });
    expect(c.versions[0]!.notAccepted.some((m) => m.code === "0180")).toBe(false);
    expect(
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "annualCompilations.forward")),
    ).toHaveLength(1);

    // The county accepts Upplands Väsby's report afterwards.
    await t.database.db
      .update(annualReportRounds)
      .set({ acceptedOn: "2027-03-20", acceptedAt: new Date("2027-03-20T10:00:00+01:00"), acceptedBy: officer.user.id })
      .where(eq(annualReportRounds.submittedOn, "2027-02-16"));
    const changed = await get(officer);
    expect(changed.status).toBe("notForwarded");
    expect(changed.rows.find((r) => r.municipality.code === "0114")!.status).toBe("accepted");
    const [v1] = await t.database.db.select().from(annualCompilationVersions);
    expect(v1!.rows.find((r) => r.municipality.code === "0114")!.status).toBe("submitted");

    t.clock.set("2027-04-02T10:00:00+02:00");
    const again = await head.post(`${base}/forward`, { version: 2, registrationNumber: "Dnr 451-1234-2027" });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: "forwarded", late: true });
    expect(again.json().versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(again.json().versions[0].notAccepted).toHaveLength(24);
    t.clock.set("2027-03-10T10:00:00+01:00");
  });

  it("[R2.4-2] Excel round trip: the exported workbook re-imported (dryRun) shows no errors and no changes", async () => {
    const content = await xlsx(officer, `${base}.xlsx`);
    const wb = await load(content);
    expect(wb.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Indikatorer", "Händelser", "Åtgärder", "Ekonomi", "Händelser under året"]),
    );
    const ind = wb.getWorksheet("Indikatorer")!;
    expect(ind.getCell("A1").value).toBe("kommunkod");
    expect(ind.getRow(2).values).toContain("Kommun");
    const stockholm = (ind.getColumn(1).values as unknown[]).indexOf("0180");
    expect(ind.getCell(stockholm, 2).value).toBe("Stockholm");
    // A text answer that looks like a formula is written as text.
    const act = wb.getWorksheet("Åtgärder")!;
    const textCol = (act.getRow(1).values as unknown[]).indexOf("atgarderKrisberedskap");
    expect(act.getCell(stockholm, textCol).type).toBe(ExcelJS.ValueType.String);
    expect(String(act.getCell(stockholm, textCol).value)).toMatch(/^=Svar/);
    const economy = wb.getWorksheet("Ekonomi")!;
    const costCol = (economy.getRow(1).values as unknown[]).indexOf("del1-2024|trainingExercises");
    expect(economy.getRow(stockholm).getCell(costCol).value).toBe(250_000);
    const events = wb.getWorksheet("Händelser under året")!;
    expect(events.rowCount).toBeGreaterThanOrEqual(FIRST_DATA_ROW);

    const before = await roundCount();
    const res = await upload(officer, `${base}/import?dryRun=true`, content);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.errors).toEqual([]);
    expect(result.imported).toBe(false);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r: { change: string }) => r.change === "unchanged")).toBe(true);
    const saved = await upload(officer, `${base}/import?dryRun=false`, content);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rows.every((r: { change: string }) => r.change === "unchanged")).toBe(true);
    expect(await roundCount()).toBe(before);
  });

  /** The template with a row filled in for a municipality that has not submitted. */
  async function filledTemplate(code: string, answers: Record<string, unknown>) {
    const wb = await load(await xlsx(officer, `${base}/template.xlsx`));
    for (const part of ["indicators", "events", "activities"] as const) {
      const sheet = wb.getWorksheet(PART_SHEETS[part])!;
      const keys = sheet.getRow(1).values as unknown[];
      let r = FIRST_DATA_ROW;
      while (sheet.getCell(r, 1).value !== code) r++;
      for (const q of questions) {
        const col = keys.indexOf(q.key);
        if (col < 1 || q.type === "group") continue;
        sheet.getCell(r, col).value = cellOf(q, answers[q.key] as never);
      }
    }
    return wb;
  }

  it("[R2.4-2] the template lists the municipalities that have not submitted; importing it creates a submitted report", async () => {
    const wb = await load(await xlsx(officer, `${base}/template.xlsx`));
    const codes = wb.getWorksheet("Indikatorer")!.getColumn(1).values.slice(FIRST_DATA_ROW).filter(Boolean);
    expect(codes).toContain("0125");
    expect(codes).toContain("0117");
    expect(codes).not.toContain("0180");
    const answers = syntheticAnswers(definition, 42);
    const filled = await filledTemplate("0125", answers);
    const group = questions.find((q) => q.type === "group")!;
    const groupSheet = wb.worksheets.find((s) => s.name === "Händelser under året")!;
    const g = filled.getWorksheet(groupSheet.name)!;
    const fieldKeys = g.getRow(1).values as unknown[];
    const after = g.rowCount + 1;
    (answers[group.key] as Record<string, unknown>[]).forEach((item, i) => {
      const row = g.getRow(after + i);
      row.getCell(1).value = "0125";
      row.getCell(3).value = i + 1;
      for (const f of group.fields ?? []) row.getCell(fieldKeys.indexOf(f.key)).value = cellOf(f, item[f.key] as never);
    });
    const content = Buffer.from(await filled.xlsx.writeBuffer());
    const dry = await upload(officer, `${base}/import?dryRun=true`, content);
    expect(dry.statusCode, dry.body).toBe(200);
    // The returned report (Vallentuna) comes prefilled with its answers and is unchanged.
    const expected = [
      { municipality: { code: "0115", name: "Vallentuna" }, change: "unchanged" },
      { municipality: { code: "0125", name: "Ekerö" }, change: "created" },
    ];
    expect(dry.json()).toEqual({ imported: false, errors: [], rows: expect.arrayContaining(expected) });
    expect(dry.json().rows).toHaveLength(2);
    const res = await upload(officer, `${base}/import`, content);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: true, errors: [], rows: expect.arrayContaining(expected) });
    const [report] = await t.database.db.select().from(annualReports).where(eq(annualReports.municipalityCode, "0125"));
    expect(report!.source).toBe("import");
    const row = (await get(officer)).rows.find((r) => r.municipality.code === "0125")!;
    expect(row.status).toBe("submitted");
    expect(row.answers).toEqual(answers);
  });

  it("[R2.4-2] an import with bad cells saves nothing and names each cell", async () => {
    const answers = syntheticAnswers(definition, 7);
    const wb = await filledTemplate("0117", answers);
    const sheet = wb.getWorksheet("Indikatorer")!;
    const keys = sheet.getRow(1).values as unknown[];
    let r = FIRST_DATA_ROW;
    while (sheet.getCell(r, 1).value !== "0117") r++;
    const cell = (key: string) => sheet.getCell(r, keys.indexOf(key));
    cell("rsaFastslagen").value = "kanske";
    cell("ledningsformaga").value = "Utmärkt";
    cell("antalOvningar").value = "många";
    cell("krisledningOvat").value = null;
    const extra = sheet.getRow(r + 30);
    extra.getCell(1).value = "9999";
    extra.getCell(keys.indexOf("rsaFastslagen")).value = "Ja";
    const other = sheet.getRow(r + 31);
    other.getCell(1).value = "1480";
    other.getCell(keys.indexOf("rsaFastslagen")).value = "Ja";
    const act = wb.getWorksheet("Åtgärder")!;
    const actKeys = act.getRow(1).values as unknown[];
    let ar = FIRST_DATA_ROW;
    while (act.getCell(ar, 1).value !== "0117") ar++;
    act.getCell(ar, actKeys.indexOf("senasteOvningDatum")).value = "2026-02-30";
    const formula = act.getCell(ar, actKeys.indexOf("atgarderCiviltForsvar"));
    formula.value = { formula: 'HYPERLINK("http://example.invalid","x")', result: "x" };
    const before = await roundCount();
    const res = await upload(officer, `${base}/import`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/Inget har sparats/);
    const errors = res.json().error.details.errors as { sheet: string; cell: string; message: string }[];
    const at = (key: string) => cell(key).address;
    expect(errors).toEqual(
      expect.arrayContaining([
        { sheet: "Indikatorer", cell: at("rsaFastslagen"), message: expect.stringMatching(/ja\/nej/) },
        { sheet: "Indikatorer", cell: at("ledningsformaga"), message: expect.stringMatching(/svarsalternativen/) },
        { sheet: "Indikatorer", cell: at("antalOvningar"), message: expect.stringMatching(/inget tal/) },
        { sheet: "Indikatorer", cell: at("krisledningOvat"), message: expect.stringMatching(/Svar saknas/) },
        { sheet: "Indikatorer", cell: `A${r + 30}`, message: "Kommunkoden 9999 finns inte." },
        { sheet: "Indikatorer", cell: `A${r + 31}`, message: expect.stringMatching(/hör inte till Stockholms län/) },
        { sheet: "Åtgärder", cell: expect.stringMatching(/\d+$/), message: expect.stringMatching(/inget datum/) },
        { sheet: "Åtgärder", cell: formula.address, message: expect.stringMatching(/formel/) },
      ]),
    );
    expect(await roundCount()).toBe(before);
    const dry = await upload(officer, `${base}/import?dryRun=true`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(dry.statusCode).toBe(200);
    expect(dry.json().errors.length).toBe(errors.length);
    const notXlsx = await upload(officer, `${base}/import`, Buffer.from("inte en excelfil"));
    expect(notXlsx.statusCode).toBe(415);
  });

  it("[R1-6] the national compilation sums equal the counties'; the trend follows the stable key", async () => {
    // Västra Götaland forwards too; a forwarded compilation of 2025 gives the trend.
    const vg = `/api/v1/counties/14/annual-compilation/${YEAR}`;
    await head14.put(`${vg}/assessment`, { version: 0, assessment: "Bra år." });
    expect((await head14.post(`${vg}/forward`, { version: 1, registrationNumber: "Dnr 451-99-2027" })).statusCode).toBe(
      200,
    );
    const form2025 = await insertPublishedForm(t.database.db, { year: 2025 });
    await insertReport(t.database.db, {
      code: "1480",
      year: 2025,
      formId: form2025.id,
      by: coordinator.user.id,
      rounds: [
        { answers: { krisledningOvat: true, antalOvningar: 4 }, submittedOn: "2026-02-01", acceptedOn: "2026-02-02" },
      ],
    });
    await head14.put(`/api/v1/counties/14/annual-compilation/2025/assessment`, {
      version: 0,
      assessment: "Förra året.",
    });
    t.clock.set("2026-03-20T10:00:00+01:00");
    expect(
      (
        await head14.post(`/api/v1/counties/14/annual-compilation/2025/forward`, {
          version: 1,
          registrationNumber: "Dnr 1",
        })
      ).statusCode,
    ).toBe(200);
    t.clock.set("2027-04-05T10:00:00+02:00");

    const res = await agency.get(`/api/v1/national/annual-compilation/${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const n = res.json() as NationalCompilation;
    expect(n.counties).toHaveLength(21);
    expect(n.counties.find((c) => c.county.code === "01")).toMatchObject({
      status: "forwarded",
      version: 2,
      municipalities: 26,
      accepted: 2,
      late: true,
    });
    expect(n.counties.find((c) => c.county.code === "14")).toMatchObject({
      status: "forwarded",
      version: 1,
      late: false,
    });
    expect(n.counties.find((c) => c.county.code === "03")).toMatchObject({ status: "notForwarded", forwardedOn: null });
    expect(n.questions).toHaveLength(questions.length);
    const frozen = (await t.database.db.select().from(annualCompilationVersions)).filter((v) => v.year === YEAR);
    const newest = (county: string) =>
      frozen.filter((v) => v.countyCode === county).sort((a, b) => b.number - a.number)[0]!.rows as CompilationRow[];
    const allRows = [...newest("01"), ...newest("14")];
    for (const q of n.questions) {
      const parts = q.counties.map((c) => c.distribution);
      expect(q.nation).toEqual(mergeDistributions(parts));
      const source = questions.find((x) => x.key === q.key)!;
      expect(q.nation).toEqual(
        distribution(
          source,
          allRows.map((r) => r.answers[q.key]),
        ),
      );
      if (q.nation.sum !== null) expect(q.nation.sum).toBe(parts.reduce((s, d) => s + (d.sum ?? 0), 0));
      if (q.nation.counts)
        for (const [k, v] of Object.entries(q.nation.counts))
          expect(v).toBe(parts.reduce((s, d) => s + (d.counts?.[k] ?? 0), 0));
    }
    const ovat = n.questions.find((q) => q.key === "krisledningOvat")!;
    expect(ovat.trend).toEqual([
      { year: 2025, distribution: expect.objectContaining({ answered: 1, counts: { true: 1, false: 0 } }) },
    ]);
    expect(n.questions.find((q) => q.key === "krigsplaceringar")!.trend).toEqual([]);

    const file = await xlsx(agency, `/api/v1/national/annual-compilation/${YEAR}.xlsx`);
    const wb = await load(file);
    expect(wb.getWorksheet("Län")!.rowCount).toBe(22);
    const frågor = wb.getWorksheet("Frågor")!;
    expect(frågor.getRow(1).values).toEqual(expect.arrayContaining(["Riket", "Stockholms län"]));
    expect(frågor.getColumn(1).values).toContain("krisledningOvat");
    t.clock.set("2027-03-10T10:00:00+01:00");
  });

  it("[R1-6] the national compilation is the agency's: a county or a municipality user 403", async () => {
    expect((await head.get(`/api/v1/national/annual-compilation/${YEAR}`)).statusCode).toBe(403);
    expect((await coordinator.get(`/api/v1/national/annual-compilation/${YEAR}`)).statusCode).toBe(403);
    expect((await head.get(`/api/v1/national/annual-compilation/${YEAR}.xlsx`)).statusCode).toBe(403);
  });

  it("[R2.4-2] the forwarding is watched for each county that has not forwarded, linked to the county's page", async () => {
    const items = await compilationForwardingSource(t.database.db, { today: "2027-03-10" });
    const keys = items.map((i) => i.key);
    expect(keys).not.toContain(`annualCompilations.forward:01:${YEAR}`);
    expect(keys).toContain(`annualCompilations.forward:03:${YEAR}`);
    // 2025's forwarding (due 2026-03-31) is still watched, less than a year overdue.
    const own = await compilationForwardingSource(t.database.db, { today: "2027-03-10", counties: ["03"] });
    expect(own.map((i) => i.key)).toEqual(["annualCompilations.forward:03:2025", "annualCompilations.forward:03:2026"]);
    expect(own[1]).toMatchObject({
      due: "2027-03-31",
      county: "03",
      municipality: null,
      responsibleUserId: null,
      link: "/lan/03/arsuppfoljning",
    });
    expect(await compilationForwardingSource(t.database.db, { today: "2027-03-10", municipalities: ["0180"] })).toEqual(
      [],
    );
  });
  it("[R2.4-2] a correction with no new draft forwards the assessment shown (the newest version's)", async () => {
    const shown = await get(head);
    const [draft] = await t.database.db
      .select()
      .from(annualCompilationDrafts)
      .where(eq(annualCompilationDrafts.countyCode, "01"));
    await t.database.db.delete(annualCompilationDrafts).where(eq(annualCompilationDrafts.countyCode, "01"));
    try {
      const res = await head.post(`${base}/forward`, { version: 0, registrationNumber: "Dnr 451-1234-2027" });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json() as CountyCompilation;
      expect(c.versions[0]!.number).toBe(shown.versions[0]!.number + 1);
      expect(c.assessment).toBe(shown.assessment);
    } finally {
      await t.database.db.insert(annualCompilationDrafts).values(draft!);
    }
  });
});
