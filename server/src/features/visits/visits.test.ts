import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildDialogueEntry, buildDocument, setResponsibleOfficer } from "../../../test/factories.js";
import { auditEvents } from "../../db/schema/index.js";
import { createWatchRegistry } from "../../platform/watch/registry.js";
import { buildApp } from "../../app.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

/* The test clock's today is 2026-11-27: the current period is 2023–2026; the plan below is for 2027–2030. */
describe("[R2.7] formal follow-up visits", () => {
  let t: TestContext;
  let officer: Client;
  let head: Client;
  let coordinator: Client;
  let otherCoordinator: Client;
  let otherCounty: Client;
  let agency: Client;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    head = await t.as({ role: "county", county: "01", countyHead: true, name: "Karin Ek" });
    coordinator = await t.as({ role: "municipality", municipality: "0180", name: "Anders Wikström" });
    otherCoordinator = await t.as({ role: "municipality", municipality: "0181" });
    otherCounty = await t.as({ role: "county", county: "14" });
    agency = await t.as({ role: "agency" });
    await setResponsibleOfficer(t.database.db, "0180", officer.user.id);
  });
  afterAll(() => t.close());

  const visitOf = async (client: Client, code: string, period: number) =>
    (await client.get(`/api/v1/municipalities/${code}/visits?period=${period}`)).json().items;

  it("[R2.7-3] [R2.7-1] proposes a plan, keeps revisions, and publishes it to the municipality's users only", async () => {
    const draft = await officer.get("/api/v1/counties/01/visit-plan?period=2027");
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: "draft", revision: 0, coverage: { none: 26, one: 0, twoOrMore: 0 } });

    const proposed = await officer.post("/api/v1/counties/01/visit-plan/proposal", { period: 2027, visitsPerYear: 10 });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const plan = proposed.json();
    expect(plan.revision).toBe(1);
    expect(plan.coverage).toMatchObject({ none: 0, one: 22, twoOrMore: 4, held: 0, planned: 30 });
    const all = plan.items.flatMap((i: { visits: { planned: string }[] }) => i.visits);
    expect(all.every((v: { planned: string }) => v.planned >= "2028-01" && v.planned <= "2030-12")).toBe(true);
    // Swedish order: Upplands Väsby … Värmdö, Österåker last.
    expect(plan.items.at(-1).municipality.name).toBe("Österåker");

    // Not published: neither the municipality nor the agency sees it.
    expect((await coordinator.get("/api/v1/counties/01/visit-plan?period=2027")).statusCode).toBe(404);
    expect((await agency.get("/api/v1/counties/01/visit-plan?period=2027")).statusCode).toBe(404);
    expect(await visitOf(coordinator, "0180", 2027)).toEqual([]);
    expect((await otherCounty.get("/api/v1/counties/01/visit-plan?period=2027")).statusCode).toBe(404);

    // Only a county head publishes.
    expect((await officer.post("/api/v1/counties/01/visit-plan/publish", { period: 2027 })).statusCode).toBe(403);
    const published = await head.post("/api/v1/counties/01/visit-plan/publish", { period: 2027 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", revision: 2 });
    expect(published.json().revisions.map((r: { by: string }) => r.by)).toEqual(["Sara Nyström", "Karin Ek"]);

    const seen = (await coordinator.get("/api/v1/counties/01/visit-plan?period=2027")).json();
    expect(seen.items.map((i: { municipality: { code: string } }) => i.municipality.code)).toEqual(["0180"]);
    expect(seen.revisions).toEqual([]);
    const mine = await visitOf(coordinator, "0180", 2027);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ notes: null, assessment: null, criteria: null });
    expect((await otherCoordinator.get("/api/v1/municipalities/0180/visits?period=2027")).statusCode).toBe(404);
    expect((await agency.get("/api/v1/counties/01/visit-plan?period=2027")).statusCode).toBe(200);
    const national = (await agency.get("/api/v1/national/visit-coverage?period=2027")).json();
    expect(national.counties.find((c: { county: string }) => c.county === "01")).toMatchObject({
      published: true,
      coverage: { none: 0 },
    });
    expect(national.nation.none).toBeGreaterThan(200);
    expect((await officer.get("/api/v1/national/visit-coverage")).statusCode).toBe(403);
  });

  it("[R2.7-1] coverage leaves cancelled visits out and shows held and planned apart", async () => {
    const created = await officer.post("/api/v1/visits", {
      municipality: "0180",
      period: 2023,
      planned: "2025-03",
      kind: "only",
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = (await officer.get("/api/v1/counties/01/visit-plan?period=2023")).json().coverage;
    expect(before).toMatchObject({ none: 25, one: 1, held: 0, planned: 1 });
    const v = created.json();
    const cancelled = await officer.put(`/api/v1/visits/${v.id}`, { version: v.version, status: "cancelled" });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const after = (await officer.get("/api/v1/counties/01/visit-plan?period=2023")).json();
    expect(after.coverage).toMatchObject({ none: 26, one: 0, held: 0, planned: 0 });
    expect(after.revisions.at(-1).reason).toMatch(/Stockholm inställt/);
  });

  it("[R2.7-3] a visit outside the period, an impossible month and a missing version are refused in Swedish", async () => {
    const outside = await officer.post("/api/v1/visits", {
      municipality: "0180",
      period: 2027,
      planned: "2031-02",
      kind: "only",
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toMatch(/inom mandatperioden 2027–2030/);
    const month = await officer.post("/api/v1/visits", {
      municipality: "0180",
      period: 2027,
      planned: "2028-13",
      kind: "only",
    });
    expect(month.statusCode).toBe(400);
    const mine = (await visitOf(officer, "0180", 2027))[0];
    expect((await officer.put(`/api/v1/visits/${mine.id}`, { place: "Stadshuset" })).statusCode).toBe(400);
    const stale = await officer.put(`/api/v1/visits/${mine.id}`, { version: mine.version + 5, place: "Stadshuset" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ version: mine.version });
    expect((await coordinator.put(`/api/v1/visits/${mine.id}`, { version: mine.version })).statusCode).toBe(403);
    expect((await otherCounty.get(`/api/v1/visits/${mine.id}`)).statusCode).toBe(404);
  });

  let held: { id: string; version: number };

  it("[R2.7-2] warns over the invited until the visit is held, then over those who attended", async () => {
    const v = (
      await officer.post("/api/v1/visits", { municipality: "0180", period: 2023, planned: "2025-10-14", kind: "first" })
    ).json();
    const invited = await officer.put(`/api/v1/visits/${v.id}`, {
      version: v.version,
      participants: [
        { name: "Anders Wikström", role: "coordinator" },
        { name: "Eva Lind", role: "chiefExecutive" },
        { name: "Per Holm", role: "countyOfficer" },
      ],
    });
    expect(invited.statusCode, invited.body).toBe(200);
    // Its only visit of the period, late in the period: feedback is owed before it too (R2.7-4).
    expect(invited.json().warnings.map((w: { code: string; severity: string }) => [w.code, w.severity])).toEqual([
      ["politicalLeadershipMissing", "advice"],
      ["feedbackBeforeVisit", "warning"],
    ]);
    const attended = await officer.put(`/api/v1/visits/${v.id}`, {
      version: invited.json().version,
      heldOn: "2025-10-14",
      place: "Stadshuset, Stockholm",
      participants: [
        { name: "Anders Wikström", role: "coordinator", attended: true },
        { name: "Eva Lind", role: "chiefExecutive", attended: false },
        { name: "Lena Berg", role: "boardChair", attended: true },
      ],
    });
    expect(attended.statusCode, attended.body).toBe(200);
    expect(attended.json()).toMatchObject({ status: "held", heldOn: "2025-10-14" });
    expect(attended.json().warnings.map((w: { code: string }) => w.code)).toEqual(["leadershipMissing"]);
    expect(attended.json().warnings[0].rule).toMatch(/kommundirektören/);
    const fixed = await officer.put(`/api/v1/visits/${v.id}`, {
      version: attended.json().version,
      participants: [
        { name: "Anders Wikström", role: "coordinator", attended: true },
        { name: "Jonas Ek", role: "seniorOfficial", attended: true },
        { name: "Lena Berg", role: "boardChair", attended: true },
      ],
    });
    expect(fixed.json().warnings).toEqual([]);
    held = fixed.json();
    const future = await officer.put(`/api/v1/visits/${v.id}`, { version: held.version, heldOn: "2027-01-01" });
    expect(future.statusCode).toBe(400);
  });

  it("[R2.7-5] [R2.10-3] records the LSO coordination and the premises item of the preparation", async () => {
    const res = await officer.put(`/api/v1/visits/${held.id}`, {
      version: held.version,
      preparation: {
        documentsReviewed: true,
        preMeetingOn: "2025-09-30",
        preMeetingNotes: "Genomgång av RSA och övningsplan med samordnaren.",
        premisesSuitableForClassified: true,
        lsoCoordinated: true,
        lsoReference: "452-1234-2025",
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().preparation).toMatchObject({
      lsoCoordinated: true,
      lsoReference: "452-1234-2025",
      premisesSuitableForClassified: true,
    });
    held = res.json();
  });

  it("[R2.7-6] [R2.7-4] shows untouched areas until every area has a criterion; proposes criteria by kind", async () => {
    const proposal = (await officer.get(`/api/v1/visits/${held.id}/criteria-proposal`)).json();
    expect(proposal.kind).toBe("first");
    expect(proposal.criteria).toEqual(expect.arrayContaining(["RSA-1", "CF-1"]));
    const few = await officer.put(`/api/v1/visits/${held.id}/criteria`, {
      version: held.version,
      criteria: ["RSA-1", "cf-2"],
    });
    expect(few.statusCode, few.body).toBe(200);
    expect(few.json().criteria).toEqual(["RSA-1", "CF-2"]);
    expect(few.json().untouchedAreas).toEqual(["PLAN", "EH", "GOA", "UTB", "RAP", "ORG"]);
    expect(few.json().libraryVersion.version).toBe("exempel-2026.2");
    const unknown = await officer.put(`/api/v1/visits/${held.id}/criteria`, {
      version: few.json().version,
      criteria: ["NOPE-1"],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/NOPE-1 finns inte/);
    const all = await officer.put(`/api/v1/visits/${held.id}/criteria`, {
      version: few.json().version,
      criteria: proposal.criteria,
    });
    expect(all.json().untouchedAreas).toEqual([]);
    held = all.json();
  });

  it("[R2.8-1] [R2.1-2] assesses per criterion, computes area and overall per agreement area, keeps overrides", async () => {
    const crisis = (held as unknown as { criteria: string[] }).criteria.filter((c) => !c.startsWith("CF"));
    const items = [
      ...crisis.map((criterion) => ({ criterion, result: "met" })),
      { criterion: "CF-1", result: "started" },
    ];
    const wrongScale = await officer.put(`/api/v1/visits/${held.id}/assessment`, {
      version: held.version,
      items: [{ criterion: "CF-1", result: "met" }],
    });
    expect(wrongScale.statusCode).toBe(400);
    expect(wrongScale.json().error.message).toMatch(/civilt försvar/);
    const saved = await officer.put(`/api/v1/visits/${held.id}/assessment`, {
      version: held.version,
      items: items.map((i) => (i.criterion === "RSA-1" ? { ...i, result: "notMet" } : i)),
      overrides: [{ area: "RSA", result: "partlyMet", reason: "Bristen är åtgärdad efter besöket enligt kommunen." }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const r = saved.json();
    expect(r.areas.find((a: { area: string }) => a.area === "RSA")).toMatchObject({
      computed: "notMet",
      result: "partlyMet",
    });
    expect(r.areas.find((a: { area: string }) => a.area === "CF")).toMatchObject({
      agreementArea: "civilDefence",
      computed: "started",
    });
    expect(r.overall.crisisPreparedness).toMatchObject({ computed: "partlyMet", result: "partlyMet" });
    expect(r.overall.civilDefence).toMatchObject({ computed: "started", result: "started" });
    // The municipality does not see the county's judgement; the agency does.
    const [forCoordinator] = (await visitOf(coordinator, "0180", 2023)).filter((v: { id: string }) => v.id === held.id);
    expect(forCoordinator.assessment).toBeNull();
    const forAgency = (await agency.get(`/api/v1/visits/${held.id}`)).json();
    expect(forAgency.assessment.results.overall.crisisPreparedness.result).toBe("partlyMet");
    const audited = await t.database.db.select().from(auditEvents);
    expect(audited.some((e) => e.action === "visits.assess" && e.entityId === held.id)).toBe(true);
  });

  it("[R2.8-1] links evidence of the municipality's own documents and dialogue; another municipality's is refused", async () => {
    const own = await buildDocument(t, coordinator.user, "0180");
    const other = await buildDocument(t, otherCoordinator.user, "0181");
    const entry = await buildDialogueEntry(t, officer.user, { municipalities: ["0180"] });
    const options = await officer.get(`/api/v1/visits/${held.id}/evidence-options`);
    expect(options.statusCode, options.body).toBe(200);
    const items = options.json().items as { kind: string; id: string; label: string }[];
    expect(items).toContainEqual({
      kind: "documentVersion",
      id: own.versionId,
      label: expect.stringMatching(/^Risk- och sårbarhetsanalys \(RSA\) 2023–2026, version \d+, beslutad 2023-06-12$/),
    });
    expect(items.some((o) => o.kind === "dialogueEntry" && o.id === entry.id)).toBe(true);
    expect(items.some((o) => o.id === other.versionId)).toBe(false);
    // Only those who assess the visit list its evidence.
    expect((await coordinator.get(`/api/v1/visits/${held.id}/evidence-options`)).statusCode).toBe(403);
    expect((await otherCounty.get(`/api/v1/visits/${held.id}/evidence-options`)).statusCode).toBe(404);

    const current = (await officer.get(`/api/v1/visits/${held.id}`)).json();
    const base = current.assessment.items.map((i: { criterion: string; result: string }) => ({
      criterion: i.criterion,
      result: i.result,
    }));
    const refused = await officer.put(`/api/v1/visits/${held.id}/assessment`, {
      version: current.version,
      items: base.map((i: { criterion: string }, n: number) =>
        n === 0 ? { ...i, evidence: [{ kind: "documentVersion", id: other.versionId }] } : i,
      ),
      overrides: current.assessment.overrides,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/finns inte hos kommunen/);
    const unchanged = (await officer.get(`/api/v1/visits/${held.id}`)).json();
    expect(unchanged.version).toBe(current.version);

    const saved = await officer.put(`/api/v1/visits/${held.id}/assessment`, {
      version: current.version,
      items: base.map((i: { criterion: string }, n: number) =>
        n === 0
          ? {
              ...i,
              evidence: [
                { kind: "documentVersion", id: own.versionId },
                { kind: "dialogueEntry", id: entry.id },
              ],
            }
          : i,
      ),
      overrides: current.assessment.overrides,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await officer.get(`/api/v1/visits/${held.id}`)).json();
    expect(after.assessment.items[0].evidence).toEqual([
      expect.objectContaining({
        kind: "documentVersion",
        id: own.versionId,
        label: expect.stringContaining("version"),
      }),
      expect.objectContaining({
        kind: "dialogueEntry",
        id: entry.id,
        label: expect.stringMatching(/^Dialog \d{4}-\d{2}-\d{2}, möte$/),
      }),
    ]);
  });

  it("[R2.7-4] warns and watches for feedback before a late only visit", async () => {
    const v = (
      await officer.post("/api/v1/visits", { municipality: "0181", period: 2023, planned: "2026-12", kind: "only" })
    ).json();
    await setResponsibleOfficer(t.database.db, "0181", officer.user.id);
    const detail = (await officer.get(`/api/v1/visits/${v.id}`)).json();
    expect(detail.warnings.map((w: { code: string }) => w.code)).toContain("feedbackBeforeVisit");
    expect(detail.warnings.find((w: { code: string }) => w.code === "feedbackBeforeVisit").rule).toMatch(/2026-11-01/);
    const watch = createWatchRegistry();
    const app = await buildApp({ database: t.database, config: t.config, clock: t.clock, version: "test", watch });
    const items = await watch.collect(t.database.db, { today: "2026-11-27", counties: ["01"] });
    await app.close();
    expect(items.find((i) => i.key === `visit.feedback:${v.id}`)).toMatchObject({
      kind: "feedbackBeforeVisit",
      due: "2026-11-01",
      responsibleUserId: officer.user.id,
      title: "Skicka återkoppling på styrande dokument före besöket: Södertälje",
    });
    expect(items.find((i) => i.key === `visit:${v.id}`)).toMatchObject({ kind: "visit", due: "2026-12-31" });
  });
});

describe("[R2.9-1] the visit plan's information letter, its template and the Excel sheet", () => {
  let t: TestContext;
  let officer: Client;
  let head: Client;
  let coordinator: Client;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01" });
    head = await t.as({ role: "county", county: "01", countyHead: true });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    await officer.post("/api/v1/counties/01/visit-plan/proposal", { period: 2027, visitsPerYear: 10 });
  });
  afterAll(() => t.close());

  it("[R2.9-1] a county head edits the template's fixed texts; stale versions and other roles are refused", async () => {
    const initial = (await officer.get("/api/v1/counties/01/visit-plan/letter-template")).json();
    expect(initial).toMatchObject({ isDefault: true, version: 0 });
    const body = {
      purpose: "Syftet med uppföljningen i Stockholms län.",
      process: initial.process,
      closing: "Välkommen att höra av dig.",
      version: 0,
    };
    expect((await officer.put("/api/v1/counties/01/visit-plan/letter-template", body)).statusCode).toBe(403);
    const saved = await head.put("/api/v1/counties/01/visit-plan/letter-template", body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, purpose: body.purpose });
    const stale = await head.put("/api/v1/counties/01/visit-plan/letter-template", body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ version: 1 });
  });

  it("[R2.9-1] the letter holds the purpose, the process and the municipality's planned visits, as DOCX and PDF", async () => {
    const { default: mammoth } = await import("mammoth");
    const docx = await officer.get("/api/v1/counties/01/visit-plan/letters/0180?period=2027&format=docx");
    expect(docx.statusCode, docx.body).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain("Syftet med uppföljningen i Stockholms län.");
    expect(text).toContain("Planerade uppföljningsbesök");
    expect(text).toMatch(/(februari|mars|april|maj|juni|september|oktober|november) 20(28|29|30)/);
    const pdf = await officer.get("/api/v1/counties/01/visit-plan/letters/0180?period=2027&format=pdf");
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    // Not published: the municipality cannot read it yet; once published, only its own municipality's.
    expect((await coordinator.get("/api/v1/counties/01/visit-plan/letters/0180?period=2027")).statusCode).toBe(404);
    await head.post("/api/v1/counties/01/visit-plan/publish", { period: 2027 });
    expect((await coordinator.get("/api/v1/counties/01/visit-plan/letters/0180?period=2027")).statusCode).toBe(200);
    expect((await coordinator.get("/api/v1/counties/01/visit-plan/letters/0181?period=2027")).statusCode).toBe(404);
  });

  it("[R2.7-3] exports the plan to Excel with one row per visit", async () => {
    const res = await officer.get("/api/v1/counties/01/visit-plan/export?period=2027");
    expect(res.statusCode, res.body).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Besöksplan")!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain("Besöksplan Stockholms län 2027–2030");
    expect(sheet.getRow(4).values).toEqual(expect.arrayContaining(["Kommunkod", "Kommun", "Planerat", "Status"]));
    expect(sheet.rowCount).toBe(4 + 30);
  });
});
