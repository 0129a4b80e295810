import { isHeldStatus } from "@uppsikt/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { SERVER_FEATURES } from "../../features/index.js";
import { fixedClock } from "../../platform/clock.js";
import {
  dialogueEntries,
  documentRequestAnswers,
  documentRequestFiles,
  documentRequests,
  documentVersions,
  documents,
  economicReviewRequests,
  reductionCases,
  repaymentInvoices,
  statements,
  visitAssessmentItems,
  visitPlans,
  visits,
} from "../schema/index.js";
import { demoSteps, runDemoSteps } from "./demo-steps.js";

describe("demo data per feature", () => {
  let t: TestContext;
  // From 2027-01-01 the current mandate period is 2027–2030 and the one before it 2023–2026.
  const clock = fixedClock("2027-03-01T10:00:00+01:00");
  let firstRun: string[];

  beforeAll(async () => {
    t = await createTestContext();
    firstRun = await runDemoSteps(t.database.db, clock, SERVER_FEATURES);
  }, 240_000);
  afterAll(() => t.close());

  it("runs the accounts first, then each feature's step in the order of the feature list", () => {
    expect(demoSteps(SERVER_FEATURES).map((s) => s.name)).toEqual([
      "accounts",
      "documents",
      "dialogue",
      "document-requests",
      "visits",
      "protocols",
      "economy",
      "economic-reviews",
      "annual-forms",
      "annual-reports",
      "annual-compilations",
      "county-dialogues",
      "statements",
    ]);
    expect(firstRun).toEqual([
      "accounts",
      "documents",
      "dialogue",
      "document-requests",
      "visits",
      "protocols",
      "economy",
      "economic-reviews",
      "annual-forms",
      "annual-reports",
      "annual-compilations",
      "county-dialogues",
      "statements",
    ]);
  });

  it("[R2.2-1] demo documents follow the clock's mandate period and the one before it (2027 and 2023)", async () => {
    const rows = await t.database.db.selectDistinct({ period: documents.period }).from(documents);
    // On 2027-03-01 nothing of the 2027–2030 period is due yet, so only 2023–2026 has received documents (not 2019).
    expect(rows.map((r) => r.period)).toEqual([2023]);
    const versions = await t.database.db.select({ decidedOn: documentVersions.decidedOn }).from(documentVersions);
    expect(versions.every((v) => v.decidedOn >= "2023-01-01" && v.decidedOn <= "2027-03-01")).toBe(true);
  });

  it("[R2.3-1] demo dialogue and requests are dated in the clock's year and mention the years around it", async () => {
    const entries = await t.database.db.select().from(dialogueEntries);
    expect(entries.every((e) => e.date <= "2027-03-01" && e.date >= "2026-02-28")).toBe(true);
    expect(entries.some((e) => e.notes.includes("övning 2028"))).toBe(true);
    const requests = await t.database.db.select().from(documentRequests);
    expect(requests.some((r) => r.subject.includes("reservkraft 2026"))).toBe(true);
  });

  it("[R2.7-3] demo visits: published plans for both periods; held visits only in the past, assessed, and differing", async () => {
    const db = t.database.db;
    const plans = await db.select().from(visitPlans);
    expect(plans.map((p) => `${p.countyCode}:${p.period}`).sort()).toEqual([
      "01:2023",
      "01:2027",
      "14:2023",
      "14:2027",
    ]);
    expect(plans.every((p) => p.publishedAt !== null && p.revision === 3)).toBe(true);
    const all = await db.select().from(visits);
    expect(all.filter((v) => v.period === 2027).every((v) => v.status === "planned" && v.planned >= "2028")).toBe(true);
    // Held, and perhaps with the protocol sent since (the protocols' demo step).
    const held = all.filter((v) => isHeldStatus(v.status));
    expect(held.length).toBeGreaterThan(20);
    expect(held.every((v) => v.heldOn !== null && v.heldOn < "2027-03-01")).toBe(true);
    const stockholm = held.filter((v) => v.municipalityCode === "0180" && v.period === 2023);
    expect(stockholm.map((v) => v.kind).sort()).toEqual(["first", "later"]);
    const items = await db.select().from(visitAssessmentItems);
    const resultsOf = (id: string) =>
      items
        .filter((i) => i.visitId === id)
        .map((i) => i.result)
        .join();
    expect(resultsOf(stockholm[0]!.id)).not.toBe(resultsOf(stockholm[1]!.id));
    // Södertälje: one visit in the period, in its last December.
    expect(all.filter((v) => v.municipalityCode === "0181" && v.period === 2027).map((v) => v.planned)).toEqual([
      "2030-12",
    ]);
  });

  it("[R3.1-1] [R3.3-2] [R3.3-3] demo statements: one in each state, and a case in each stage", async () => {
    const db = t.database.db;
    const all = await db.select().from(statements);
    const byCode = new Map(all.map((s) => [s.municipalityCode, s]));
    expect(byCode.get("0138")?.state).toBe("draft");
    expect(byCode.get("0180")).toMatchObject({ state: "sent", initiatedBy: "municipality" });
    const cases = await db.select().from(reductionCases);
    const caseOf = (code: string) => cases.find((c) => c.municipalityCode === code);
    // Received before 30 April of the clock's year: withheld, undecided.
    expect(caseOf("0120")).toMatchObject({ outcome: null });
    expect(caseOf("0120")!.receivedOn <= "2027-04-30" && caseOf("0120")!.receivedOn.startsWith("2027")).toBe(true);
    expect(caseOf("1415")).toMatchObject({ receivedOn: "2025-03-24", outcome: "reduction" });
    expect(caseOf("0181")).toMatchObject({ receivedOn: "2025-06-16", outcome: "repayment" });
    const invoices = await db.select().from(repaymentInvoices);
    expect(invoices.map((i) => i.caseId)).toEqual([caseOf("0181")!.id]);
  });

  it("runs a step again only while its own tables are empty, so an existing database gets a new feature's data", async () => {
    expect(await runDemoSteps(t.database.db, clock, SERVER_FEATURES)).toEqual([]);
    // As if document requests were a new feature: its tables are empty, the others are not (the economic reviews'
    // links to requests go with them).
    await t.database.db.delete(economicReviewRequests);
    await t.database.db.delete(documentRequestFiles);
    await t.database.db.delete(documentRequestAnswers);
    await t.database.db.delete(documentRequests);
    expect(await runDemoSteps(t.database.db, clock, SERVER_FEATURES)).toEqual(["document-requests"]);
    const [row] = await t.database.db.select({ n: count() }).from(documentRequests);
    expect(Number(row!.n)).toBeGreaterThan(0);
  });
});

describe("demo data on a database that is not a demo", () => {
  it("seeds no feature's demo data when the users were created by hand", async () => {
    const t = await createTestContext();
    try {
      // The test context has users but not the demo accounts: the accounts step does not run (users exist), nor
      // does any feature's step.
      await t.as({ role: "admin" });
      expect(await runDemoSteps(t.database.db, fixedClock("2027-03-01T10:00:00+01:00"), SERVER_FEATURES)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
