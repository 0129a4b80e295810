import {
  CaseLogEntryCreate,
  DocumentRequestCreate,
  ReductionCase,
  ReductionDecisionInput,
  type CaseLogEntry,
  type ReductionCaseListItem,
} from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { contractErrors } from "../../forms/contractErrors";
import {
  caseOrder,
  caseSections,
  countiesOf,
  dayOfYearInWords,
  decisionErrors,
  decisionFieldFor,
  decisionFormValues,
  decisionInput,
  formatPercent,
  isDecisionOverdue,
  logFormValues,
  logInput,
  logNewestFirst,
  numberOf,
  partsSum,
  percentOfShare,
  requestFormValues,
  requestInput,
  ruleSourceText,
  shareOfPercent,
} from "./model";

const CASE_ID = "6f1c2f7e-1d3b-4c7a-9a55-2b8e0f3c4d5e";

const base: ReductionCase = ReductionCase.parse({
  id: CASE_ID,
  version: 3,
  municipality: { code: "0180", name: "Stockholm" },
  county: { code: "01", name: "Stockholms län" },
  statement: {
    id: "a1",
    registrationNumber: "LST 2026-123",
    sentOn: "2026-04-20",
    initiatedBy: "county",
  },
  receivedOn: "2026-04-22",
  year: 2026,
  effect: "withheld",
  rule: {
    cutOffOn: "2026-04-30",
    inclusive: true,
    text: "Ett yttrande som inkommer senast den 30 april …",
    source: null,
    unverified: true,
  },
  allowedOutcomes: ["noReduction", "reduction"],
  status: "open",
  decisionDueOn: "2026-07-21",
  decision: null,
  lastAppealDay: null,
  appeal: null,
  legallyFinalOn: null,
  invoice: null,
  compensation: [
    { part: "grund", name: "Grundersättning", amount: 1_000_000, status: "withheld", adjustment: null },
    { part: "rsa-del", name: "RSA", amount: 250_000, status: "withheld", adjustment: null },
  ],
  can: { write: true },
  createdAt: "2026-04-22T08:00:00Z",
});

const decided = (over: Partial<ReductionCase> = {}): ReductionCase => ({
  ...base,
  status: "decided",
  decision: {
    outcome: "reduction",
    amount: 100_000,
    parts: [],
    performedShare: 0.5,
    reasoning: "Kommunen har inte utfört uppgifterna.",
    decidedOn: "2026-06-01",
    notifiedOn: null,
    decidedBy: { id: "u1", name: "Handläggare MCF" },
  },
  ...over,
});

const messages = { shareRange: "range", amountRequired: "amount", dateRequired: "date" };

describe("reduction case form values → contract input", () => {
  it("[R3.3-2] numbers as typed: spaces and a decimal comma read, empty as undefined, junk as NaN", () => {
    expect(numberOf(12)).toBe(12);
    expect(numberOf(" 1 234 567 ")).toBe(1234567);
    expect(numberOf("75,5")).toBe(75.5);
    expect(numberOf("")).toBeUndefined();
    expect(numberOf("abc")).toBeNaN();
  });

  it("[R3.3-2] the performed share: percent typed, 0–1 in the contract, and back for showing", () => {
    expect(shareOfPercent(75.5)).toBe(0.755);
    expect(shareOfPercent("100")).toBe(1);
    expect(shareOfPercent("")).toBeUndefined();
    expect(percentOfShare(0.755)).toBe(75.5);
    expect(formatPercent(0.755, "sv")).toBe("75,5 %");
    expect(formatPercent(0.755, "en")).toBe("75.5 %");
  });

  it("[R3.3-2] the only allowed outcome is chosen for the user, else none; today as the decision day", () => {
    expect(decisionFormValues(base, "2026-06-01")).toMatchObject({ outcome: "", decidedOn: "2026-06-01" });
    const single = { ...base, allowedOutcomes: ["repayment" as const] };
    expect(decisionFormValues(single, "2026-06-01").outcome).toBe("repayment");
    expect(Object.keys(decisionFormValues(base, "2026-06-01").parts)).toEqual(["grund", "rsa-del"]);
  });

  it("[R3.3-2] a reduction: the amount, the share in 0–1, no parts, an empty notification as null; accepted", () => {
    const v = decisionFormValues(base, "2026-06-01");
    v.outcome = "reduction";
    v.amount = 150000;
    v.performedShare = "60";
    v.reasoning = "  Kommunen har inte lämnat någon RSA.  ";
    const input = decisionInput(base, v);
    expect(input).toEqual({
      version: 3,
      outcome: "reduction",
      amount: 150000,
      parts: null,
      performedShare: 0.6,
      reasoning: "Kommunen har inte lämnat någon RSA.",
      decidedOn: "2026-06-01",
      notifiedOn: null,
    });
    expect(contractErrors(ReductionDecisionInput, input).success).toBe(true);
  });

  it("[R3.3-2] per part: the amount is the parts' sum; no reduction sends 0 and no parts", () => {
    const v = decisionFormValues(base, "2026-06-01");
    v.outcome = "reduction";
    v.perPart = true;
    v.parts = { grund: "100 000", "rsa-del": 25000 };
    v.reasoning = "Motivering som är lång nog.";
    expect(partsSum(v.parts)).toBe(125000);
    const input = decisionInput(base, v);
    expect(input.amount).toBe(125000);
    expect(input.parts).toEqual([
      { part: "grund", amount: 100000 },
      { part: "rsa-del", amount: 25000 },
    ]);
    v.outcome = "noReduction";
    expect(decisionInput(base, v)).toMatchObject({ amount: 0, parts: null });
  });

  it("[R3.3-2] the form's own checks: share outside 0–100, a reduction without amount, no decision day", () => {
    const v = decisionFormValues(base, "");
    v.outcome = "reduction";
    v.performedShare = 120;
    expect(decisionErrors(v, messages)).toEqual({ performedShare: "range", amount: "amount", decidedOn: "date" });
    v.performedShare = "";
    v.amount = 10;
    v.decidedOn = "2026-06-01";
    expect(decisionErrors(v, messages)).toEqual({});
    v.outcome = "noReduction";
    v.amount = "";
    expect(decisionErrors(v, messages)).toEqual({});
  });

  it("[R3.3-2] the contract's messages land on the part's field or on the amount", () => {
    const v = decisionFormValues(base, "2026-06-01");
    expect(decisionFieldFor("parts.1.amount", v)).toBe("parts.rsa-del");
    expect(decisionFieldFor("amount", v)).toBeUndefined();
    v.perPart = true;
    expect(decisionFieldFor("amount", v)).toBe("parts.grund");
    expect(decisionFieldFor("reasoning", v)).toBeUndefined();
  });

  it("[R3.3-2] a notification before the decision day is refused by the contract on its field", () => {
    const v = decisionFormValues(base, "2026-06-01");
    v.outcome = "noReduction";
    v.reasoning = "Kommunen har rättat bristerna.";
    v.notifiedOn = "2026-05-01";
    const checked = contractErrors(ReductionDecisionInput, decisionInput(base, v));
    expect(checked.success).toBe(false);
    if (!checked.success) expect(Object.keys(checked.errors)).toContain("notifiedOn");
  });
});

describe("what the case page offers", () => {
  it("[R3.3-1] the agency before the decision: the day received, the decision, the log and requests", () => {
    expect(caseSections(base, true)).toEqual({
      changeReceived: true,
      decisionForm: true,
      notify: false,
      registerAppeal: false,
      enterFinal: false,
      markInvoiceSent: false,
      logForm: true,
      requestForm: true,
    });
  });

  it("[R3.3-1] the county and the municipality only read", () => {
    const s = caseSections({ ...base, can: { write: false } }, false);
    expect(Object.values(s).every((x) => !x)).toBe(true);
  });

  it("[R3.3-2] after the decision: notify, then an appeal can be recorded, then the day it became final", () => {
    const d = decided();
    expect(caseSections(d, true)).toMatchObject({ changeReceived: false, decisionForm: false, notify: true });
    const notified = decided({ decision: { ...d.decision!, notifiedOn: "2026-06-02" }, lastAppealDay: "2026-06-23" });
    expect(caseSections(notified, true)).toMatchObject({ notify: false, registerAppeal: true, enterFinal: false });
    const appealed = { ...notified, status: "appealed" as const, appeal: { lodgedOn: "2026-06-20", decidedOn: null } };
    expect(caseSections(appealed, true)).toMatchObject({ registerAppeal: false, enterFinal: true });
    const final = { ...notified, status: "legallyFinal" as const, legallyFinalOn: "2026-06-24" };
    expect(caseSections(final, true)).toMatchObject({ registerAppeal: false, enterFinal: false });
  });

  it("[R3.3-2] the invoice can be marked sent once made and until sent", () => {
    const invoice = { amount: 50_000, createdOn: "2026-07-01", invoiceNumber: null, sentOn: null };
    expect(caseSections(decided({ invoice }), true).markInvoiceSent).toBe(true);
    const sent = { ...invoice, invoiceNumber: "F-1", sentOn: "2026-07-02" };
    expect(caseSections(decided({ invoice: sent }), true).markInvoiceSent).toBe(false);
  });
});

const item = (over: Partial<ReductionCaseListItem>): ReductionCaseListItem => ({
  id: "x",
  municipality: { code: "0180", name: "Stockholm" },
  county: { code: "01", name: "Stockholms län" },
  receivedOn: "2026-04-22",
  year: 2026,
  effect: "withheld",
  status: "open",
  outcome: null,
  decisionDueOn: "2026-07-21",
  legallyFinalOn: null,
  initiatedBy: "county",
  ...over,
});

describe("the case list", () => {
  it("[R3.3-1] open first by due day, then by status; the same by municipality in Swedish order", () => {
    const items = [
      item({ id: "final", status: "legallyFinal", decisionDueOn: "2026-01-01" }),
      item({ id: "late", decisionDueOn: "2026-08-01" }),
      item({ id: "ö", municipality: { code: "1880", name: "Örebro" } }),
      item({ id: "a", municipality: { code: "0114", name: "Upplands Väsby" } }),
      item({ id: "appealed", status: "appealed" }),
    ];
    expect(caseOrder(items).map((i) => i.id)).toEqual(["a", "ö", "late", "appealed", "final"]);
  });

  it("[R3.3-1] the counties for the filter, once each, by Swedish name", () => {
    const items = [
      item({ county: { code: "18", name: "Örebro län" } }),
      item({ county: { code: "03", name: "Uppsala län" } }),
      item({ county: { code: "18", name: "Örebro län" } }),
    ];
    expect(countiesOf(items)).toEqual([
      { code: "03", name: "Uppsala län" },
      { code: "18", name: "Örebro län" },
    ]);
  });

  it("[R3.3-2] a decision is overdue only while the case is open and after its due day", () => {
    expect(isDecisionOverdue(item({ decisionDueOn: "2026-07-21" }), "2026-07-22")).toBe(true);
    expect(isDecisionOverdue(item({ decisionDueOn: "2026-07-21" }), "2026-07-21")).toBe(false);
    expect(isDecisionOverdue(item({ status: "decided", decisionDueOn: "2026-07-21" }), "2026-08-01")).toBe(false);
    expect(isDecisionOverdue(item({}), "")).toBe(false);
  });

  it("[R3.3-2] the rule's source, or ej verifierad", () => {
    expect(ruleSourceText({ source: "Överenskommelse 2023", unverified: false }, "ej verifierad")).toBe(
      "Överenskommelse 2023",
    );
    expect(ruleSourceText({ source: "Överenskommelse 2023", unverified: true }, "ej verifierad")).toBe(
      "Överenskommelse 2023 (ej verifierad)",
    );
    expect(ruleSourceText({ source: null, unverified: true }, "ej verifierad")).toBe("ej verifierad");
  });

  it("[R3.3-2] the cut-off day in words", () => {
    expect(dayOfYearInWords("2026-04-30", "sv")).toBe("30 april");
    expect(dayOfYearInWords("2026-04-30", "en")).toBe("30 April");
  });
});

describe("the case's log and requests", () => {
  const entry = (id: string, on: string, createdAt: string): CaseLogEntry => ({
    id,
    on,
    form: "phone",
    with: ["county"],
    text: "Samtal",
    by: { id: "u", name: "N" },
    createdAt,
  });

  it("[R3.3-1] the log newest first by day, then by when written", () => {
    const items = [
      entry("old", "2026-05-01", "2026-05-01T10:00:00Z"),
      entry("b", "2026-05-10", "2026-05-10T09:00:00Z"),
      entry("c", "2026-05-10", "2026-05-10T11:00:00Z"),
    ];
    expect(logNewestFirst(items).map((e) => e.id)).toEqual(["c", "b", "old"]);
  });

  it("[R3.3-1] a log entry: the parties in a fixed order, the text trimmed; none chosen is refused", () => {
    const v = logFormValues("2026-05-10");
    v.with = ["county", "municipality"];
    v.text = "  Möte om bristerna.  ";
    const input = logInput(v);
    expect(input).toEqual({
      on: "2026-05-10",
      form: "meeting",
      with: ["municipality", "county"],
      text: "Möte om bristerna.",
    });
    expect(contractErrors(CaseLogEntryCreate, input).success).toBe(true);
    v.with = [];
    const checked = contractErrors(CaseLogEntryCreate, logInput(v));
    expect(checked.success).toBe(false);
    if (!checked.success) expect(checked.errors.with).toBe("Ange med vem dialogen fördes.");
  });

  it("[R3.3-1] the agency's request carries the case it belongs to", () => {
    const v = requestFormValues();
    v.subject = "Verifikationer 2025";
    v.message = "Skicka in verifikationerna.";
    v.replyBy = "2026-06-30";
    const input = requestInput(CASE_ID, v);
    expect(input).toMatchObject({ reductionCase: CASE_ID, confidentialBasis: null });
    const checked = contractErrors(DocumentRequestCreate, input);
    expect(checked.success).toBe(true);
    if (checked.success) expect(checked.data.reductionCase).toBe(CASE_ID);
  });
});
