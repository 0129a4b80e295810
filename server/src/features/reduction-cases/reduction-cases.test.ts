import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { pdfWith } from "../../../test/documents.js";
import { type UserRow, contextFor } from "../../../test/factories.js";
import { multipart } from "../../../test/multipart.js";
import { auditEvents, compensationAmounts, repaymentInvoices, statements } from "../../db/schema/index.js";
import { documentRequestsSource } from "../document-requests/watch-source.js";
import { importRows } from "../economy/test-support.js";
import { openReductionCase } from "./open.js";
import {
  caseDocumentRequestSource,
  legalFinalitySource,
  reductionDecisionSource,
  repaymentInvoiceSource,
} from "./watch-source.js";

type Signed = Client & { user: UserRow };

const REASONING = "Kommunen har inte utfört uppgifterna enligt överenskommelsen under året.";

describe("[R3.3-1, R3.3-2] the agency's reduction case", () => {
  let t: TestContext;
  let agency: Signed;
  let head: Signed;
  let officer: Signed;
  let otherOfficer: Signed;
  let coordinator: Signed;
  let leadership: Signed;
  let otherCoordinator: Signed;
  let admin: Signed;

  /** A sent statement inserted directly (the statements routes are not needed), and its case opened. */
  async function openCase(municipality: string, sentOn: string, county = "01"): Promise<string> {
    const db = t.database.db;
    const now = t.clock.now();
    const [row] = await db
      .insert(statements)
      .values({
        countyCode: county,
        municipalityCode: municipality,
        period: 2023,
        state: "sent",
        text: "Yttrande om kommunens brister.",
        draftedBy: officer.user.id,
        approvedBy: head.user.id,
        approvedOn: sentOn,
        sentBy: head.user.id,
        sentOn,
        registrationNumber: `${county}-${municipality}-${sentOn}`,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: statements.id });
    return db.transaction((tx) =>
      openReductionCase(tx, contextFor(t, head.user), {
        id: row!.id,
        countyCode: county,
        municipalityCode: municipality,
        sentOn,
      }),
    );
  }

  const getCase = async (id: string, as: Client = agency) => {
    const res = await as.get(`/api/v1/reduction-cases/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  const rows = (code: string, year: number) =>
    t.database.db
      .select()
      .from(compensationAmounts)
      .where(and(eq(compensationAmounts.municipalityCode, code), eq(compensationAmounts.year, year)));
  const statusOf = async (code: string, year: number) =>
    Object.fromEntries(
      (await rows(code, year)).map((r) => [r.partCode, { status: r.status, adjustment: r.adjustment, on: r.statusOn }]),
    );
  const audits = async (action: string) =>
    Number((await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]!.n);

  const decision = (over: Record<string, unknown>) => ({
    outcome: "reduction",
    amount: 0,
    performedShare: 0.5,
    reasoning: REASONING,
    decidedOn: "2026-06-10",
    notifiedOn: "2026-06-10",
    ...over,
  });

  beforeAll(async () => {
    t = await createTestContext();
    agency = await t.as({ role: "agency", name: "Maria Ekström" });
    head = await t.as({ role: "county", county: "01", countyHead: true });
    officer = await t.as({ role: "county", county: "01" });
    otherOfficer = await t.as({ role: "county", county: "14" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    otherCoordinator = await t.as({ role: "municipality", municipality: "0181" });
    admin = await t.as({ role: "admin" });
    const paid = (code: string, year: number, part: string, amount: number) => [
      code,
      "",
      year,
      part,
      amount,
      "utbetald",
      null,
      `${year}-06-30`,
    ];
    const announced = (code: string, year: number, part: string, amount: number) => [
      code,
      "",
      year,
      part,
      amount,
      "utannonserad",
      null,
      null,
    ];
    await importRows(agency, [
      paid("0180", 2025, "del1-2024", 1_000_000),
      announced("0180", 2026, "del1-2024", 1_000_000),
      announced("0180", 2026, "del2-2024", 500_000),
      announced("0182", 2026, "del1-2024", 900_000),
      announced("0182", 2027, "del1-2027", 950_000),
      announced("0183", 2026, "del1-2024", 1_000_000),
      announced("0183", 2026, "del2-2024", 500_000),
      paid("0184", 2026, "del1-2024", 800_000),
      paid("0186", 2026, "del1-2024", 600_000),
      announced("0187", 2026, "del1-2024", 400_000),
      announced("0188", 2026, "del1-2024", 700_000),
    ]);
  });
  afterAll(() => t.close());

  it("[R3.3-2] received on 29 April or 30 April withholds the year's payment; 1 May lets it stand (PUT receivedOn)", async () => {
    const id = await openCase("0180", "2026-04-29");
    let c = await getCase(id);
    expect(c).toMatchObject({
      receivedOn: "2026-04-29",
      year: 2026,
      effect: "withheld",
      allowedOutcomes: ["noReduction", "reduction"],
      status: "open",
      decision: null,
      decisionDueOn: "2026-07-28",
      lastAppealDay: null,
      legallyFinalOn: null,
      invoice: null,
      municipality: { code: "0180", name: "Stockholm" },
      county: { code: "01" },
      statement: { registrationNumber: "01-0180-2026-04-29", sentOn: "2026-04-29", initiatedBy: "county" },
      can: { write: true },
    });
    expect(c.rule).toMatchObject({ cutOffOn: "2026-04-30", inclusive: true, unverified: false });
    expect(c.rule.source).toContain("Överenskommelse");
    expect(c.rule.text).toContain("30 april");
    expect(c.compensation).toEqual([
      { part: "del1-2024", name: expect.any(String), amount: 1_000_000, status: "withheld", adjustment: null },
      { part: "del2-2024", name: expect.any(String), amount: 500_000, status: "withheld", adjustment: null },
    ]);
    expect((await statusOf("0180", 2026))["del1-2024"]).toEqual({
      status: "withheld",
      adjustment: null,
      on: "2026-04-29",
    });
    // Only the year received: 2025 stays paid.
    expect((await statusOf("0180", 2025))["del1-2024"]).toEqual({ status: "paid", adjustment: null, on: "2025-06-30" });

    // 30 April counts as before: still withheld, from the corrected day.
    let res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, receivedOn: "2026-04-30" });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c).toMatchObject({ receivedOn: "2026-04-30", effect: "withheld" });
    expect((await statusOf("0180", 2026))["del1-2024"]).toEqual({
      status: "withheld",
      adjustment: null,
      on: "2026-04-30",
    });

    // A stale version is refused.
    res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version - 1, receivedOn: "2026-05-01" });
    expect(res.statusCode).toBe(409);

    // 1 May: the payment stands; the compensation gets back what it had before the case.
    res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, receivedOn: "2026-05-01" });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c).toMatchObject({
      receivedOn: "2026-05-01",
      effect: "repaymentIfDecided",
      allowedOutcomes: ["noRepayment", "repayment"],
    });
    expect(await statusOf("0180", 2026)).toEqual({
      "del1-2024": { status: "announced", adjustment: null, on: null },
      "del2-2024": { status: "announced", adjustment: null, on: null },
    });

    // Back before the cut-off, then only the agency corrects.
    res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, receivedOn: "2026-04-30" });
    expect(res.json().effect).toBe("withheld");
    expect((await statusOf("0180", 2026))["del2-2024"]?.status).toBe("withheld");
    for (const client of [officer, head, coordinator])
      expect(
        (await client.put(`/api/v1/reduction-cases/${id}`, { version: res.json().version, receivedOn: "2026-04-29" }))
          .statusCode,
      ).toBe(403);
    // A future date is refused.
    expect(
      (await agency.put(`/api/v1/reduction-cases/${id}`, { version: res.json().version, receivedOn: "2026-12-01" }))
        .statusCode,
    ).toBe(400);
  });

  it("[R3.3-2] received on 31 December affects that year (payment stands); on 1 January the new year is withheld", async () => {
    t.clock.set("2027-02-01T10:00:00+01:00");
    try {
      // Sessions last hours: a new one on the moved clock.
      const agency = await t.as({ role: "agency" });
      const id = await openCase("0182", "2026-12-31");
      let c = await getCase(id, agency);
      expect(c).toMatchObject({ year: 2026, effect: "repaymentIfDecided" });
      expect((await statusOf("0182", 2026))["del1-2024"]?.status).toBe("announced");
      expect((await statusOf("0182", 2027))["del1-2027"]?.status).toBe("announced");

      let res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, receivedOn: "2027-01-01" });
      expect(res.statusCode, res.body).toBe(200);
      c = res.json();
      expect(c).toMatchObject({ year: 2027, effect: "withheld", decisionDueOn: "2027-04-01" });
      expect(c.rule.cutOffOn).toBe("2027-04-30");
      expect((await statusOf("0182", 2027))["del1-2027"]).toEqual({
        status: "withheld",
        adjustment: null,
        on: "2027-01-01",
      });
      expect((await statusOf("0182", 2026))["del1-2024"]?.status).toBe("announced");

      // Back into the old year: the new year's payment is no longer withheld.
      res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, receivedOn: "2026-12-31" });
      expect(res.statusCode, res.body).toBe(200);
      expect((await statusOf("0182", 2027))["del1-2027"]).toEqual({ status: "announced", adjustment: null, on: null });
    } finally {
      t.clock.set("2026-11-27T10:00:00+01:00");
    }
  });

  it("[R3.3-2] an outcome that does not fit the effect is refused, and the amount must fit the year", async () => {
    const withheld = await openCase("0187", "2026-03-02");
    let res = await agency.post(
      `/api/v1/reduction-cases/${withheld}/decision`,
      decision({ outcome: "repayment", amount: 100_000 }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("outcomeNotAllowed");
    expect(res.json().error.message).toContain("ingen reducering eller reducering");
    res = await agency.post(`/api/v1/reduction-cases/${withheld}/decision`, decision({ amount: 0 }));
    expect(res.statusCode).toBe(400);
    res = await agency.post(`/api/v1/reduction-cases/${withheld}/decision`, decision({ amount: 400_001 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("2026");
    res = await agency.post(
      `/api/v1/reduction-cases/${withheld}/decision`,
      decision({ amount: 100_000, parts: [{ part: "del2-2024", amount: 100_000 }] }),
    );
    expect(res.statusCode).toBe(400);
    res = await agency.post(`/api/v1/reduction-cases/${withheld}/decision`, decision({ decidedOn: "2026-02-01" }));
    expect(res.statusCode).toBe(400);
    // The county may not decide.
    expect(
      (await head.post(`/api/v1/reduction-cases/${withheld}/decision`, decision({ outcome: "noReduction" })))
        .statusCode,
    ).toBe(403);
    expect((await getCase(withheld)).decision).toBeNull();
    expect((await statusOf("0187", 2026))["del1-2024"]?.status).toBe("withheld");
  });

  it("[R3.3-2] no reduction → paid; reduction → reduced per part; the savings follow (economy API)", async () => {
    const released = await openCase("0188", "2026-04-15");
    let res = await agency.post(
      `/api/v1/reduction-cases/${released}/decision`,
      decision({ outcome: "noReduction", amount: 0, decidedOn: "2026-06-10", notifiedOn: "2026-06-10" }),
    );
    expect(res.statusCode, res.body).toBe(200);
    let c = res.json();
    expect(c).toMatchObject({
      status: "legallyFinal",
      decision: {
        outcome: "noReduction",
        amount: 0,
        parts: [],
        decidedBy: { id: agency.user.id, name: "Maria Ekström" },
      },
      // 10 June + 3 weeks = Wednesday 1 July.
      lastAppealDay: "2026-07-01",
      legallyFinalOn: "2026-07-02",
    });
    expect((await statusOf("0188", 2026))["del1-2024"]).toEqual({ status: "paid", adjustment: null, on: "2026-06-10" });
    // Decided: the date received no longer changes, nor the decision.
    expect(
      (await agency.put(`/api/v1/reduction-cases/${released}`, { version: c.version, receivedOn: "2026-04-16" }))
        .statusCode,
    ).toBe(409);
    expect(
      (await agency.post(`/api/v1/reduction-cases/${released}/decision`, decision({ outcome: "noReduction" })))
        .statusCode,
    ).toBe(409);

    const reduced = await openCase("0183", "2026-04-20");
    expect((await statusOf("0183", 2026))["del1-2024"]?.status).toBe("withheld");
    // Notified 3 December: three weeks on is julafton, so the last day is Monday 28 December.
    res = await agency.post(
      `/api/v1/reduction-cases/${reduced}/decision`,
      decision({ amount: 300_000, decidedOn: "2026-11-20", notifiedOn: "2026-12-03" }),
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c).toMatchObject({
      status: "decided",
      decision: {
        outcome: "reduction",
        amount: 300_000,
        parts: [
          { part: "del1-2024", amount: 200_000 },
          { part: "del2-2024", amount: 100_000 },
        ],
        performedShare: 0.5,
      },
      lastAppealDay: "2026-12-28",
      legallyFinalOn: "2026-12-29",
    });
    expect(await statusOf("0183", 2026)).toEqual({
      "del1-2024": { status: "reduced", adjustment: 200_000, on: "2026-11-20" },
      "del2-2024": { status: "reduced", adjustment: 100_000, on: "2026-11-20" },
    });
    expect(c.compensation.map((p: { status: string; adjustment: number }) => [p.status, p.adjustment])).toEqual([
      ["reduced", 200_000],
      ["reduced", 100_000],
    ]);
    // The economy reads the status: received is the announced amount less the reduction.
    const economy = (await officer.get("/api/v1/municipalities/0183/economy?from=2026&to=2026")).json();
    const year = economy.years.find((y: { year: number }) => y.year === 2026);
    expect(year.total.received).toBe(1_200_000);
    expect(year.parts.find((p: { part: string }) => p.part === "del1-2024")).toMatchObject({
      status: "reduced",
      received: 800_000,
    });
    expect(await audits("reductionCases.decide")).toBe(2);
  });

  it("[R3.3-2] a repayment makes the invoice and `repaid` once legally final without an appeal (idempotently)", async () => {
    const id = await openCase("0184", "2026-06-15");
    let c = await getCase(id);
    expect(c.effect).toBe("repaymentIfDecided");
    expect((await statusOf("0184", 2026))["del1-2024"]?.status).toBe("paid");
    let res = await agency.post(`/api/v1/reduction-cases/${id}/decision`, decision({ outcome: "noReduction" }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("outcomeNotAllowed");
    // No invoice to send before there is one.
    expect(
      (await agency.post(`/api/v1/reduction-cases/${id}/invoice-sent`, { invoiceNumber: "F-1", sentOn: "2026-11-27" }))
        .statusCode,
    ).toBe(409);
    // Decided 1 September, notified 2 September: last day Wednesday 23 September, final the 24th (before today).
    res = await agency.post(
      `/api/v1/reduction-cases/${id}/decision`,
      decision({ outcome: "repayment", amount: 100_000, decidedOn: "2026-09-01", notifiedOn: "2026-09-02" }),
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c).toMatchObject({
      status: "legallyFinal",
      lastAppealDay: "2026-09-23",
      legallyFinalOn: "2026-09-24",
      invoice: { amount: 100_000, createdOn: "2026-09-24", invoiceNumber: null, sentOn: null },
    });
    expect((await statusOf("0184", 2026))["del1-2024"]).toEqual({
      status: "repaid",
      adjustment: 100_000,
      on: "2026-09-24",
    });
    // Reading again (and the watch source) makes nothing more.
    await getCase(id);
    await repaymentInvoiceSource(t.database.db, { today: "2026-11-27" });
    expect(
      await t.database.db.select({ n: count() }).from(repaymentInvoices).where(eq(repaymentInvoices.caseId, id)),
    ).toEqual([{ n: 1 }]);
    expect(await audits("reductionCases.invoice")).toBe(1);
    const watched = await repaymentInvoiceSource(t.database.db, { today: "2026-11-27" });
    expect(watched.find((i) => i.key === `repaymentInvoice:${id}`)).toMatchObject({
      due: "2026-09-24",
      responsibleUserId: agency.user.id,
      link: `/arenden/${id}`,
    });
    // The economy: received less the repayment.
    const economy = (await agency.get("/api/v1/municipalities/0184/economy?from=2026&to=2026")).json();
    expect(economy.years.find((y: { year: number }) => y.year === 2026).total.received).toBe(700_000);

    res = await agency.post(`/api/v1/reduction-cases/${id}/invoice-sent`, {
      invoiceNumber: "F-2026-17",
      sentOn: "2026-11-27",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().invoice).toMatchObject({ invoiceNumber: "F-2026-17", sentOn: "2026-11-27" });
    expect((await repaymentInvoiceSource(t.database.db, { today: "2026-11-27" })).map((i) => i.key)).not.toContain(
      `repaymentInvoice:${id}`,
    );
    expect(
      (await agency.post(`/api/v1/reduction-cases/${id}/invoice-sent`, { invoiceNumber: "F-2", sentOn: "2026-11-27" }))
        .statusCode,
    ).toBe(409);
  });

  it("[R3.3-2] with an appeal the decision is final on the date the agency enters; then the invoice", async () => {
    const id = await openCase("0186", "2026-08-03");
    // Decided and notified 20 November: last day Friday 11 December.
    let res = await agency.post(
      `/api/v1/reduction-cases/${id}/decision`,
      decision({ outcome: "repayment", amount: 60_000, decidedOn: "2026-11-20", notifiedOn: "2026-11-20" }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "decided", lastAppealDay: "2026-12-11", legallyFinalOn: "2026-12-12" });
    const finality = await legalFinalitySource(t.database.db, { today: "2026-11-27" });
    expect(finality.find((i) => i.key === `legalFinality:${id}`)).toMatchObject({
      due: "2026-12-12",
      subject: { template: "final" },
    });

    expect((await agency.post(`/api/v1/reduction-cases/${id}/appeal-decided`, { on: "2026-12-15" })).statusCode).toBe(
      409,
    );
    expect((await agency.post(`/api/v1/reduction-cases/${id}/appeal-lodged`, { on: "2026-11-19" })).statusCode).toBe(
      400,
    );
    res = await agency.post(`/api/v1/reduction-cases/${id}/appeal-lodged`, { on: "2026-11-25" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "appealed",
      appeal: { lodgedOn: "2026-11-25", decidedOn: null },
      legallyFinalOn: null,
    });
    expect((await agency.post(`/api/v1/reduction-cases/${id}/appeal-lodged`, { on: "2026-11-26" })).statusCode).toBe(
      409,
    );
    res = await agency.post(`/api/v1/reduction-cases/${id}/appeal-decided`, { on: "2026-12-15" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "appealed", legallyFinalOn: "2026-12-15", invoice: null });
    expect((await statusOf("0186", 2026))["del1-2024"]?.status).toBe("paid");

    t.clock.set("2026-12-16T10:00:00+01:00");
    try {
      const c = await getCase(id, await t.as({ role: "agency" }));
      expect(c).toMatchObject({ status: "legallyFinal", invoice: { amount: 60_000, createdOn: "2026-12-15" } });
      expect((await statusOf("0186", 2026))["del1-2024"]).toEqual({
        status: "repaid",
        adjustment: 60_000,
        on: "2026-12-15",
      });
    } finally {
      t.clock.set("2026-11-27T10:00:00+01:00");
    }
  });

  it("[R3.3-2] the day notified may be entered after the decision; the last day of appeal follows", async () => {
    const id = await openCase("0191", "2026-07-01");
    let c = await getCase(id);
    expect(
      (await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, notifiedOn: "2026-11-06" })).statusCode,
    ).toBe(409);
    let res = await agency.post(
      `/api/v1/reduction-cases/${id}/decision`,
      decision({ outcome: "noRepayment", decidedOn: "2026-11-02", notifiedOn: null }),
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c).toMatchObject({ status: "decided", lastAppealDay: null, legallyFinalOn: null, compensation: [] });
    res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, notifiedOn: "2026-11-01" });
    expect(res.statusCode).toBe(400);
    res = await agency.put(`/api/v1/reduction-cases/${id}`, { version: c.version, notifiedOn: "2026-11-06" });
    expect(res.statusCode, res.body).toBe(200);
    // 6 November + 3 weeks = Friday 27 November (today): final tomorrow.
    expect(res.json()).toMatchObject({
      status: "decided",
      decision: { notifiedOn: "2026-11-06" },
      lastAppealDay: "2026-11-27",
      legallyFinalOn: "2026-11-28",
    });
    expect(await audits("reductionCases.update")).toBeGreaterThan(0);
  });

  it("[R3.3-1] the agency's document request reaches the municipality, which answers it", async () => {
    const [open] = (await agency.get("/api/v1/reduction-cases?status=open"))
      .json()
      .items.filter((i: { municipality: { code: string } }) => i.municipality.code === "0180");
    const caseId = open.id;
    const [other] = (await agency.get("/api/v1/reduction-cases"))
      .json()
      .items.filter((i: { municipality: { code: string } }) => i.municipality.code === "0184");
    const body = { subject: "Underlag om årets kostnader", message: "Skicka verifikationerna.", replyBy: "2026-12-11" };
    const url = "/api/v1/municipalities/0180/document-requests";
    let res = await agency.post(url, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("ärendet");
    expect((await agency.post(url, { ...body, reductionCase: other.id })).statusCode).toBe(400);
    expect(
      (await agency.post(url, { ...body, reductionCase: "00000000-0000-4000-8000-000000000000" })).statusCode,
    ).toBe(404);
    expect((await officer.post(url, { ...body, reductionCase: caseId })).statusCode).toBe(400);
    const county = await officer.post(url, { ...body, subject: "Länets egen begäran" });
    expect(county.statusCode).toBe(201);
    res = await agency.post(url, { ...body, reductionCase: caseId });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({
      reductionCase: { id: caseId },
      status: "open",
      requestedBy: { id: agency.user.id },
    });

    // The municipality and the county see it; the agency sees only its own case requests.
    for (const client of [coordinator, leadership, officer])
      expect((await client.get(url)).json().items.map((r: { id: string }) => r.id)).toContain(request.id);
    expect((await agency.get(url)).json().items.map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect((await agency.post(`/api/v1/document-requests/${county.json().id}/close`)).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/document-requests/${request.id}/close`)).statusCode).toBe(403);

    // Watched as the agency's, awaited from the municipality; not as the county's request.
    const watched = await caseDocumentRequestSource(t.database.db, { today: "2026-11-27" });
    expect(watched.find((i) => i.key === `caseDocumentRequest:${request.id}`)).toMatchObject({
      due: "2026-12-11",
      responsibleUserId: agency.user.id,
      awaitedFromMunicipality: true,
      link: `/arenden/${caseId}`,
    });
    expect((await documentRequestsSource(t.database.db, { today: "2026-11-27" })).map((i) => i.key)).not.toContain(
      `documentRequest:${request.id}`,
    );

    // The coordinator answers as usual.
    const pdf = await pdfWith([{ heading: "Kostnader 2026", body: "Löner 640 000 kr." }]);
    const form = multipart([
      { name: "message", value: "Här är verifikationerna." },
      { name: "file", value: pdf, fileName: "verifikationer.pdf", contentType: "application/pdf" },
    ]);
    res = await coordinator.request({
      method: "POST",
      url: `/api/v1/document-requests/${request.id}/answers`,
      payload: form.payload,
      headers: form.headers,
    });
    expect(res.statusCode, res.body).toBe(201);
    const listed = (await agency.get(`/api/v1/reduction-cases/${caseId}/document-requests`)).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: request.id, status: "answered" });
    const file = listed.items[0].answers[0].files[0];
    expect((await agency.get(file.downloadUrl)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/reduction-cases/${caseId}/document-requests`)).statusCode).toBe(200);
    expect((await otherCoordinator.get(`/api/v1/reduction-cases/${caseId}/document-requests`)).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/v1/reduction-cases/${caseId}/document-requests`)).statusCode).toBe(404);
    expect((await caseDocumentRequestSource(t.database.db, { today: "2026-11-27" })).map((i) => i.key)).not.toContain(
      `caseDocumentRequest:${request.id}`,
    );
    res = await agency.post(`/api/v1/document-requests/${request.id}/close`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it("[R3.3-1] the case's log is written by the agency and read by the county and the municipality concerned", async () => {
    const [c] = (await agency.get("/api/v1/reduction-cases"))
      .json()
      .items.filter((i: { municipality: { code: string } }) => i.municipality.code === "0180");
    const entry = { on: "2026-11-20", form: "phone", with: ["municipality", "county"], text: "Samtal om underlaget." };
    let res = await agency.post(`/api/v1/reduction-cases/${c.id}/log`, entry);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...entry, by: { id: agency.user.id, name: "Maria Ekström" } });
    expect((await agency.post(`/api/v1/reduction-cases/${c.id}/log`, { ...entry, on: "2026-12-20" })).statusCode).toBe(
      400,
    );
    for (const client of [officer, coordinator])
      expect((await client.post(`/api/v1/reduction-cases/${c.id}/log`, entry)).statusCode).toBe(403);
    for (const client of [agency, officer, head, coordinator, leadership]) {
      res = await client.get(`/api/v1/reduction-cases/${c.id}/log`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toHaveLength(1);
    }
    for (const client of [otherOfficer, otherCoordinator])
      expect((await client.get(`/api/v1/reduction-cases/${c.id}/log`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/reduction-cases/${c.id}/log`)).statusCode).toBe(403);
    expect(await audits("reductionCases.logEntry")).toBe(1);
  });

  it("[R3.3-2] scope: the agency reads all cases, a county its own, a municipality its own", async () => {
    const gothenburg = await openCase("1480", "2026-04-01", "14");
    const codes = async (client: Client, query = "") => {
      const res = await client.get(`/api/v1/reduction-cases${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return new Set(res.json().items.map((i: { municipality: { code: string } }) => i.municipality.code));
    };
    const all = await codes(agency);
    expect(all.has("1480") && all.has("0180") && all.has("0184")).toBe(true);
    expect([...(await codes(agency, "?county=14"))]).toEqual(["1480"]);
    const county = await codes(officer);
    expect(county.has("1480")).toBe(false);
    expect(county.has("0180")).toBe(true);
    expect([...(await codes(otherOfficer))]).toEqual(["1480"]);
    expect([...(await codes(coordinator))]).toEqual(["0180"]);
    expect([...(await codes(otherCoordinator))]).toEqual([]);
    expect((await officer.get("/api/v1/reduction-cases?county=14")).statusCode).toBe(404);
    expect((await admin.get("/api/v1/reduction-cases")).statusCode).toBe(403);
    expect([...(await codes(agency, "?status=legallyFinal"))].sort()).toEqual(["0184", "0188"]);

    expect((await officer.get(`/api/v1/reduction-cases/${gothenburg}`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/reduction-cases/${gothenburg}`)).statusCode).toBe(404);
    const seen = await getCase(gothenburg, otherOfficer);
    expect(seen.can.write).toBe(false);
    expect((await getCase(gothenburg)).can.write).toBe(true);
  });

  it("[R3.3-2] the decision is watched from the day received; decided cases until legally final", async () => {
    const decisions = await reductionDecisionSource(t.database.db, { today: "2026-11-27", counties: ["01"] });
    const [first] = (await agency.get("/api/v1/reduction-cases?status=open"))
      .json()
      .items.filter((i: { municipality: { code: string } }) => i.municipality.code === "0180");
    expect(decisions.find((i) => i.key === `reductionDecision:${first.id}`)).toMatchObject({
      kind: "reductionDecision",
      due: first.decisionDueOn,
      municipality: { code: "0180" },
      subject: { template: "decide" },
      link: `/arenden/${first.id}`,
    });
    expect(decisions.every((i) => i.county === "01")).toBe(true);
    const finality = await legalFinalitySource(t.database.db, { today: "2026-11-27" });
    const keys = finality.map((i) => i.key);
    const cases = (await agency.get("/api/v1/reduction-cases")).json().items as { id: string; status: string }[];
    for (const c of cases)
      if (c.status === "legallyFinal") expect(keys).not.toContain(`legalFinality:${c.id}`);
      else if (c.status === "decided" || c.status === "appealed") expect(keys).toContain(`legalFinality:${c.id}`);

    // On the agency's watch list (every agency officer), not on the county's.
    const list = async (client: Client, query = "") =>
      ((await client.get(`/api/v1/watch?horizon=3650${query}`)).json().items as { kind: string; key: string }[]).map(
        (i) => i.key,
      );
    const agencyList = await list(agency);
    expect(agencyList).toContain(`reductionDecision:${first.id}`);
    expect(agencyList.some((k) => k.startsWith("legalFinality:"))).toBe(true);
    const other = await t.as({ role: "agency" });
    expect(await list(other)).toContain(`reductionDecision:${first.id}`);
    const countyList = await list(head, "&scope=county");
    expect(
      countyList.some((k) => /^(reductionDecision|legalFinality|repaymentInvoice|caseDocumentRequest):/.test(k)),
    ).toBe(false);
  });
});
