import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { pdfWith } from "../../../test/documents.js";
import { contextFor, setResponsibleOfficer } from "../../../test/factories.js";
import { multipart } from "../../../test/multipart.js";
import { buildApp } from "../../app.js";
import { auditEvents } from "../../db/schema/index.js";
import { createWatchRegistry } from "../../platform/watch/registry.js";
import { insertPublishedForm } from "../annual-forms/test-support.js";
import { recordImportedReport } from "./import-record.js";
import { tinyForm } from "./test-support.js";
import { annualReportDueSource, annualReportReturnedSource, annualReportReviewSource } from "./watch-source.js";

const url = (code: string, year = 2026) => `/api/v1/municipalities/${code}/annual-reports/${year}`;
const COSTS = [{ part: "del1-2024", category: "rsaPlanning", amount: 120_000, manualCompilation: false }];
const FULL = { krisledningOvat: true, antalOvningar: 2, handelser: [{ datum: "2026-08-14", beskrivning: "Storm" }] };

async function login(t: TestContext, municipality = "0180") {
  return {
    coordinator: await t.as({ role: "municipality", municipality }),
    leadership: await t.as({ role: "municipality", municipality, readOnly: true }),
    otherCoordinator: await t.as({ role: "municipality", municipality: "0181" }),
    officer: await t.as({ role: "county", county: "01", name: "Sara Nyström" }),
    otherCounty: await t.as({ role: "county", county: "14" }),
    agency: await t.as({ role: "agency" }),
  };
}

const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const auditCount = async (t: TestContext, action: string, entityId: string) =>
  (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  ).length;

async function submitted(t: TestContext, c: Client, code: string, year = 2026) {
  const draft = await ok(c.put(url(code, year), { version: 0, answers: FULL, costs: [] }));
  return ok(c.post(`${url(code, year)}/submit`, { version: draft.version }));
}

describe("annual reports (R2.4-2)", () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await insertPublishedForm(t.database.db, { year: 2026, definition: tinyForm(1) });
  });
  afterAll(() => t.close());

  it("[R2.4-2] the whole lifecycle: draft saved and read back, missing answers listed, submit, return with comments, complete and submit again (rounds kept), accept → the costs become the annual report's costs", async () => {
    t.clock.set("2027-01-10T10:00:00+01:00");
    const u = await login(t);
    const start = await ok(u.coordinator.get(url("0180")));
    expect(start).toMatchObject({
      status: "notStarted",
      statusOn: null,
      deadline: "2027-02-15",
      version: 0,
      late: false,
      missing: false,
      form: { number: 1, example: true },
      can: { edit: true, submit: false, review: false },
      answers: {},
      rounds: [],
    });

    // A draft with a group row lacking its required date; it survives a reload.
    const draft = await ok(
      u.coordinator.put(url("0180"), {
        version: 0,
        answers: { kommentar: "Utkast", handelser: [{ beskrivning: "Storm" }] },
      }),
    );
    expect(draft).toMatchObject({ status: "draft", statusOn: "2027-01-10", version: 1 });
    const reloaded = await ok(u.coordinator.get(url("0180")));
    expect(reloaded.answers).toEqual({ kommentar: "Utkast", handelser: [{ beskrivning: "Storm" }] });
    expect(reloaded.can).toEqual({ edit: true, submit: true, review: false });
    // The county does not see an unsubmitted draft's answers.
    const countyView = await ok(u.officer.get(url("0180")));
    expect(countyView).toMatchObject({
      status: "draft",
      answers: {},
      can: { edit: false, submit: false, review: false },
    });

    // Submitting lists every missing answer.
    const missing = await u.coordinator.post(`${url("0180")}/submit`, { version: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe("3 obligatoriska svar saknas. Fyll i dem och lämna in igen.");
    expect(missing.json().error.details.missing).toEqual([
      { questionKey: "krisledningOvat", label: "Har krisledningen övat under året?", part: "indicators" },
      { questionKey: "antalOvningar", label: "Hur många övningar har genomförts?", part: "indicators" },
      { questionKey: "handelser", label: "Händelser under året, rad 1: Datum", part: "events", row: 0, field: "datum" },
    ]);

    // Bad answers and bad costs: 400 with the path, in Swedish.
    const badAnswer = await u.coordinator.put(url("0180"), { version: 1, answers: { antalOvningar: "två" } });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.json().error.details.issues).toEqual([
      { path: "answers.antalOvningar", message: "Svara med ett tal." },
    ]);
    const badCost = await u.coordinator.put(url("0180"), {
      version: 1,
      answers: FULL,
      costs: [{ part: "del1-2024", category: "inteEttSlag", amount: 5 }],
    });
    expect(badCost.statusCode).toBe(400);
    expect(badCost.json().error.message).toContain("Kostnadsslaget inteEttSlag finns inte");

    // Complete and submit; the costs travel with the report.
    const complete = await ok(u.coordinator.put(url("0180"), { version: 1, answers: FULL, costs: COSTS }));
    expect(complete.version).toBe(2);
    const stale = await u.coordinator.put(url("0180"), { version: 1, answers: FULL, costs: COSTS });
    expect(stale.statusCode).toBe(409);
    // Saving the same content again changes nothing and writes no audit row.
    const reportId = (await t.database.db.query.annualReports.findFirst())!.id;
    const saves = await auditCount(t, "annualReports.save", reportId);
    expect((await ok(u.coordinator.put(url("0180"), { version: 2, answers: FULL, costs: COSTS }))).version).toBe(2);
    expect(await auditCount(t, "annualReports.save", reportId)).toBe(saves);

    const sent = await ok(u.coordinator.post(`${url("0180")}/submit`, { version: 2 }));
    expect(sent).toMatchObject({ status: "submitted", submittedOn: "2027-01-10", late: false, version: 3 });
    expect(sent.can).toEqual({ edit: false, submit: false, review: false });
    const afterSubmit = await u.coordinator.put(url("0180"), { version: 3, answers: FULL, costs: [] });
    expect(afterSubmit.statusCode).toBe(409);
    expect(afterSubmit.json().error.message).toContain("inlämnad");

    // The county returns it with comments per question.
    t.clock.set("2027-01-20T09:00:00+01:00");
    const v = await login(t);
    expect((await ok(v.officer.get(url("0180")))).can.review).toBe(true);
    const wrongKey = await v.officer.post(`${url("0180")}/return`, {
      version: 3,
      comments: [{ questionKey: "finnsInte", text: "Vad menas?" }],
    });
    expect(wrongKey.statusCode).toBe(400);
    const returned = await ok(
      v.officer.post(`${url("0180")}/return`, {
        version: 3,
        comments: [
          { questionKey: "antalOvningar", text: "Ange också övningarnas namn." },
          { questionKey: "economy", text: "Kostnaderna för del 1 verkar låga." },
        ],
        message: "Komplettera gärna före månadsskiftet.",
      }),
    );
    expect(returned).toMatchObject({ status: "returned", statusOn: "2027-01-20", version: 4 });
    const seen = await ok(v.coordinator.get(url("0180")));
    expect(seen.rounds[0]).toMatchObject({
      number: 1,
      comments: [{ questionKey: "antalOvningar" }, { questionKey: "economy" }],
      message: "Komplettera gärna före månadsskiftet.",
      returnedBy: { name: "Sara Nyström" },
    });
    expect(seen.can).toEqual({ edit: true, submit: true, review: false });

    // Completed and submitted again: both rounds kept, the first with its answers as submitted.
    const completed = { ...FULL, antalOvningar: 3, kommentar: "Stabsövning Vinter och Rakel-övning." };
    await ok(v.coordinator.put(url("0180"), { version: 4, answers: completed, costs: COSTS }));
    const again = await ok(v.coordinator.post(`${url("0180")}/submit`, { version: 5 }));
    expect(again).toMatchObject({ status: "submitted", submittedOn: "2027-01-10", statusOn: "2027-01-20" });
    expect(again.rounds.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    expect(again.rounds[0].answers.antalOvningar).toBe(2);
    expect(again.rounds[1].answers.antalOvningar).toBe(3);

    // Accept: stale → 409; then accepted; twice → 409.
    expect((await v.officer.post(`${url("0180")}/accept`, { version: 5 })).statusCode).toBe(409);
    const accepted = await ok(v.officer.post(`${url("0180")}/accept`, { version: 6 }));
    expect(accepted).toMatchObject({ status: "accepted", statusOn: "2027-01-20", late: false });
    expect((await v.officer.post(`${url("0180")}/accept`, { version: 7 })).statusCode).toBe(409);
    expect(
      (
        await v.officer.post(`${url("0180")}/return`, {
          version: 7,
          comments: [{ questionKey: "economy", text: "Nej" }],
        })
      ).statusCode,
    ).toBe(409);

    // The economy shows the report's costs as the annual report's source.
    const costs = await ok(v.officer.get("/api/v1/municipalities/0180/costs?year=2026"));
    expect(costs.sets).toEqual([
      expect.objectContaining({
        source: "annualReport",
        effective: true,
        items: [expect.objectContaining({ part: "del1-2024", category: "rsaPlanning", amount: 120_000 })],
      }),
    ]);
    for (const action of ["annualReports.submit", "annualReports.return", "annualReports.accept"])
      expect(await auditCount(t, action, reportId)).toBeGreaterThan(0);
  });

  it("[R2.4-2] a report submitted the day after the deadline (Stockholm date) is late, on the deadline day it is not; missing once the deadline has passed", async () => {
    t.clock.set("2027-02-15T22:30:00Z"); // 23:30 in Stockholm on the deadline day
    const inTime = await submitted(t, (await login(t, "0181")).coordinator, "0181");
    expect(inTime).toMatchObject({ submittedOn: "2027-02-15", late: false, missing: false });
    const before = await ok((await login(t)).officer.get("/api/v1/counties/01/annual-reports?year=2026"));
    expect(before.items.find((i: { municipality: { code: string } }) => i.municipality.code === "0183")).toMatchObject({
      status: "notStarted",
      missing: false,
    });

    t.clock.set("2027-02-15T23:30:00Z"); // 00:30 on the 16th
    const late = await submitted(t, (await login(t, "0182")).coordinator, "0182");
    expect(late).toMatchObject({ submittedOn: "2027-02-16", late: true, missing: false });

    const u = await login(t);
    const list = await ok(u.officer.get("/api/v1/counties/01/annual-reports?year=2026"));
    expect(list).toMatchObject({ year: 2026, deadline: "2027-02-15" });
    expect(list.items).toHaveLength(26);
    const row = (code: string) =>
      list.items.find((i: { municipality: { code: string } }) => i.municipality.code === code);
    expect(row("0180")).toMatchObject({ status: "accepted", late: false, rounds: 2 });
    expect(row("0181")).toMatchObject({ status: "submitted", late: false, submittedOn: "2027-02-15" });
    expect(row("0182")).toMatchObject({ status: "submitted", late: true, submittedOn: "2027-02-16" });
    expect(row("0183")).toMatchObject({ status: "notStarted", missing: true });
    const names = list.items.map((i: { municipality: { name: string } }) => i.municipality.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "sv")));
    expect(names.indexOf("Österåker")).toBeGreaterThan(names.indexOf("Värmdö"));
    // A missing report reads as missing for the municipality too.
    expect(await ok((await login(t, "0183")).coordinator.get(url("0183")))).toMatchObject({ missing: true });
  });

  it("[R2.4-2] scope: a county never sees another county's reports, the agency sees all, a municipality only its own; leadership reads but cannot write", async () => {
    t.clock.set("2027-02-20T10:00:00+01:00");
    const u = await login(t);
    expect((await u.otherCounty.get(url("0180"))).statusCode).toBe(404);
    expect((await u.otherCounty.get("/api/v1/counties/01/annual-reports?year=2026")).statusCode).toBe(404);
    expect((await u.otherCounty.post(`${url("0181")}/accept`, { version: 2 })).statusCode).toBe(404);
    expect((await u.otherCoordinator.get(url("0180"))).statusCode).toBe(404);
    expect((await u.coordinator.get("/api/v1/counties/01/annual-reports?year=2026")).statusCode).toBe(403);
    expect((await ok(u.agency.get(url("0180")))).status).toBe("accepted");
    expect((await ok(u.agency.get("/api/v1/counties/14/annual-reports?year=2026"))).items).toHaveLength(49);
    const lead = await ok(u.leadership.get(url("0180")));
    expect(lead.can).toEqual({ edit: false, submit: false, review: false });
    const leadOwn = await login(t, "0184");
    expect((await leadOwn.leadership.put(url("0184"), { version: 0, answers: {} })).statusCode).toBe(403);
    expect((await u.officer.put(url("0180"), { version: 0, answers: {} })).statusCode).toBe(403);
    expect((await u.coordinator.post(`${url("0181")}/accept`, { version: 2 })).statusCode).toBe(403);
    expect((await leadOwn.coordinator.post(`${url("0181")}/submit`, { version: 2 })).statusCode).toBe(404);
    expect((await u.agency.post(`${url("0181")}/accept`, { version: 2 })).statusCode).toBe(403);
  });

  it("[R2.4-2] attachments go through the file intake while the report is editable", async () => {
    t.clock.set("2027-02-20T10:00:00+01:00");
    const u = await login(t, "0186");
    const pdf = await pdfWith([{ heading: "Övningsrapport", body: "Stabsövningen genomfördes i oktober." }]);
    const upload = () => {
      const body = multipart([{ name: "file", value: pdf, fileName: "ovning.pdf", contentType: "application/pdf" }]);
      return u.coordinator.request({
        method: "POST",
        url: `${url("0186")}/files`,
        payload: body.payload,
        headers: body.headers,
      });
    };
    expect((await upload()).statusCode).toBe(409); // not started yet
    await ok(u.coordinator.put(url("0186"), { version: 0, answers: FULL }));
    const attached = await upload();
    expect(attached.statusCode, attached.body).toBe(201);
    const file = attached.json().files[0];
    expect(file).toMatchObject({ fileName: "ovning.pdf", mediaType: "application/pdf" });
    const download = await u.officer.get(file.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await u.otherCounty.get(file.downloadUrl)).statusCode).toBe(404);
    expect((await u.coordinator.get(`${url("0180")}/files/${file.id}`)).statusCode).toBe(404);
    await ok(u.coordinator.post(`${url("0186")}/submit`, { version: 1 }));
    expect((await upload()).statusCode).toBe(409);
  });

  it("[R2.4-2] a report moves to a new version of the year's form with its answers carried over by stable key", async () => {
    t.clock.set("2026-06-01T10:00:00+02:00");
    await insertPublishedForm(t.database.db, { year: 2025, definition: tinyForm(1) });
    const u = await login(t, "0187");
    const draft = await ok(
      u.coordinator.put(url("0187", 2025), { version: 0, answers: { krisledningOvat: false, antalOvningar: 1 } }),
    );
    expect(draft.newerForm).toBeNull();
    expect((await u.coordinator.post(`${url("0187", 2025)}/upgrade`, { version: 1 })).statusCode).toBe(409);
    const v2 = await insertPublishedForm(t.database.db, { year: 2025, definition: tinyForm(2) });
    const offered = await ok(u.coordinator.get(url("0187", 2025)));
    expect(offered).toMatchObject({ form: { number: 1 }, newerForm: { id: v2.id, number: 2 } });
    const upgraded = await ok(u.coordinator.post(`${url("0187", 2025)}/upgrade`, { version: 1 }));
    expect(upgraded).toMatchObject({ form: { number: 2 }, newerForm: null, version: 2 });
    expect(upgraded.answers).toEqual({ krisledningOvat: false });
    // A report not yet started uses the latest version.
    expect(await ok(u.otherCoordinator.get(url("0181", 2025)))).toMatchObject({ form: { number: 2 }, version: 0 });
  });

  it("[R2.4-2] the watch list: a report due by the deadline, a returned report to complete, a submitted report to review", async () => {
    t.clock.set("2027-02-20T10:00:00+01:00");
    const u = await login(t, "0188");
    await setResponsibleOfficer(t.database.db, "0188", u.officer.user.id);
    await setResponsibleOfficer(t.database.db, "0181", u.officer.user.id);
    const sent = await submitted(t, u.coordinator, "0188");
    await ok(
      u.officer.post(`${url("0188")}/return`, {
        version: sent.version,
        comments: [{ questionKey: "kommentar", text: "Fyll i." }],
      }),
    );
    const db = t.database.db;
    const today = "2027-02-20";
    const due = await annualReportDueSource(db, { today, counties: ["01"] });
    expect(due.find((i) => i.key === "annualReports.due:0183:2026")).toMatchObject({
      kind: "annualReportDue",
      due: "2027-02-15",
      awaitedFromMunicipality: true,
      subject: { template: "due", values: { year: 2026, municipality: "Sundbyberg" } },
      link: "/kommun/0183?flik=arsrapport",
    });
    expect(due.find((i) => i.key === "annualReports.due:0180:2026")).toBeUndefined();
    const returned = await annualReportReturnedSource(db, { today, municipalities: ["0188"] });
    expect(returned).toEqual([
      expect.objectContaining({
        key: "annualReports.returned:0188:2026:1",
        kind: "annualReportReturned",
        due: "2027-03-22",
        awaitedFromMunicipality: true,
        responsibleUserId: u.officer.user.id,
      }),
    ]);
    const review = await annualReportReviewSource(db, { today, counties: ["01"] });
    expect(review.map((i) => i.key).sort()).toEqual([
      "annualReports.review:0181:2026:1",
      "annualReports.review:0182:2026:1",
      "annualReports.review:0186:2026:1",
    ]);
    expect(review.find((i) => i.key.includes("0181"))).toMatchObject({
      due: "2027-03-17",
      awaitedFromMunicipality: false,
      responsibleUserId: u.officer.user.id,
    });
    expect(await annualReportReviewSource(db, { today, counties: ["14"] })).toEqual([]);
    // Registered under their kinds, so the watch list, reminders and the calendar feed read them.
    const watch = createWatchRegistry();
    const app = await buildApp({ database: t.database, config: t.config, clock: t.clock, version: "test", watch });
    await app.close();
    expect(watch.kinds()).toEqual(
      expect.arrayContaining(["annualReportDue", "annualReportReturned", "annualReportReview"]),
    );
    const titled = await watch.collect(db, { today, municipalities: ["0188"] });
    expect(titled.find((i) => i.kind === "annualReportReturned")?.title).toMatch(
      /^Årsuppföljningen för 2026 ska kompletteras: \S+/,
    );
  });

  it("[R2.4-2] [R1-6] a report received outside the system is entered by the county as submitted; the same again changes nothing, other answers are refused once it awaits review or is accepted", async () => {
    t.clock.set("2027-02-25T10:00:00+01:00");
    const u = await login(t, "0191");
    const formId = (await ok(u.officer.get(url("0191")))).form.id as string;
    const ctx = contextFor(t, u.officer.user);
    const entry = (answers: Record<string, unknown>) =>
      t.database.db.transaction((tx) =>
        recordImportedReport(tx, ctx, { code: "0191", year: 2026, formId, answers: answers as never, costs: COSTS }),
      );
    expect(await entry(FULL)).toBe("created");
    expect(await ok(u.officer.get(url("0191")))).toMatchObject({
      status: "submitted",
      submittedOn: "2027-02-25",
      late: true,
      rounds: [{ number: 1, submittedBy: { id: u.officer.user.id } }],
      costs: COSTS,
    });
    expect(await entry(FULL)).toBe("unchanged");
    await expect(entry({ ...FULL, antalOvningar: 9 })).rejects.toMatchObject({ status: 409 });
    const current = await ok(u.officer.get(url("0191")));
    await ok(
      u.officer.post(`${url("0191")}/return`, {
        version: current.version,
        comments: [{ questionKey: "antalOvningar", text: "Stämmer antalet?" }],
      }),
    );
    expect(await entry({ ...FULL, antalOvningar: 9 })).toBe("updated");
    const again = await ok(u.officer.get(url("0191")));
    expect(again).toMatchObject({ status: "submitted", rounds: [{ number: 1 }, { number: 2 }] });
    await ok(u.officer.post(`${url("0191")}/accept`, { version: again.version }));
    await expect(entry(FULL)).rejects.toMatchObject({ status: 409 });
    expect(await entry({ ...FULL, antalOvningar: 9 })).toBe("unchanged");
    expect(
      await auditCount(
        t,
        "annualReports.import",
        (await t.database.db.query.annualReports.findFirst({
          where: (r, { eq: is }) => is(r.municipalityCode, "0191"),
        }))!.id,
      ),
    ).toBe(2);
  });

  it("[R2.4-2] submit and accept without a body apply to the report as it is; a stale version is still refused", async () => {
    t.clock.set("2027-01-12T10:00:00+01:00");
    const u = await login(t, "0192");
    const draft = await ok(u.coordinator.put(url("0192"), { version: 0, answers: FULL, costs: [] }));
    expect((await u.coordinator.post(`${url("0192")}/submit`, { version: draft.version + 5 })).statusCode).toBe(409);
    const sent = await ok(u.coordinator.request({ method: "POST", url: `${url("0192")}/submit` }));
    expect(sent).toMatchObject({ status: "submitted", submittedOn: "2027-01-12" });
    const accepted = await ok(u.officer.request({ method: "POST", url: `${url("0192")}/accept` }));
    expect(accepted).toMatchObject({ status: "accepted", statusOn: "2027-01-12" });
  });
});
