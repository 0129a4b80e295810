import { describe, expect, it } from "vitest";
import {
  compensationUnderCase,
  cutOffDate,
  decisionDueOn,
  effectOfReceipt,
  invoiceDue,
  isWeekend,
  lastAppealDay,
  legallyFinalOn,
  outcomesFor,
  reductionCaseStatus,
  splitOverParts,
} from "./reduction-cases.js";

const APRIL_30 = { month: 4, day: 30, inclusive: true };
const SWEDISH_HOLIDAYS_2026 = new Set(["2026-06-19", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"]);
const nonWorking = (d: string) => isWeekend(d) || SWEDISH_HOLIDAYS_2026.has(d);

describe("the 30 April rule", () => {
  it("[R3.3-2] a statement received on 29 April withholds the year's payment", () => {
    expect(effectOfReceipt("2026-04-29", APRIL_30)).toMatchObject({
      year: 2026,
      effect: "withheld",
      cutOffOn: "2026-04-30",
    });
  });

  it("[R3.3-2] 30 April itself counts as before when the national value says inclusive, and as after when it does not", () => {
    expect(effectOfReceipt("2026-04-30", APRIL_30).effect).toBe("withheld");
    expect(effectOfReceipt("2026-04-30", APRIL_30).rule).toContain("dagen räknas som före");
    expect(effectOfReceipt("2026-04-30", { ...APRIL_30, inclusive: false }).effect).toBe("repaymentIfDecided");
  });

  it("[R3.3-2] a statement received on 1 May leaves the payment standing: only a repayment can follow", () => {
    const effect = effectOfReceipt("2026-05-01", APRIL_30);
    expect(effect).toMatchObject({ year: 2026, effect: "repaymentIfDecided" });
    expect(outcomesFor(effect.effect)).toEqual(["noRepayment", "repayment"]);
    expect(outcomesFor("withheld")).toEqual(["noReduction", "reduction"]);
  });

  it("[R3.3-2] only the year received is affected: 31 December is the year's, 1 January the next year's, before its cut-off", () => {
    expect(effectOfReceipt("2026-12-31", APRIL_30)).toMatchObject({ year: 2026, effect: "repaymentIfDecided" });
    expect(effectOfReceipt("2027-01-01", APRIL_30)).toMatchObject({
      year: 2027,
      effect: "withheld",
      cutOffOn: "2027-04-30",
    });
  });

  it("[R3.3-2] the cut-off day is the national value's, not a constant", () => {
    expect(cutOffDate(2026, { month: 3, day: 31, inclusive: true })).toBe("2026-03-31");
    expect(effectOfReceipt("2026-04-15", { month: 3, day: 31, inclusive: true }).effect).toBe("repaymentIfDecided");
  });

  it("[R3.3-2] the decision is due the national number of days after the date received", () => {
    expect(decisionDueOn("2026-04-14", 90)).toBe("2026-07-13");
  });
});

describe("legal finality", () => {
  it("[R3.3-2] the last day of appeal is three weeks after notification, final the day after", () => {
    const last = lastAppealDay("2026-09-02", 3, nonWorking);
    expect(last).toBe("2026-09-23");
    expect(
      legallyFinalOn({ notifiedOn: "2026-09-02", lastAppealDay: last, appealLodgedOn: null, appealDecidedOn: null }),
    ).toBe("2026-09-24");
  });

  it("[R3.3-2] a last day on a Saturday, Sunday or holiday moves to the next working day", () => {
    expect(lastAppealDay("2026-11-14", 3, nonWorking)).toBe("2026-12-07"); // Saturday 5 Dec → Monday 7 Dec
    expect(lastAppealDay("2026-12-03", 3, nonWorking)).toBe("2026-12-28"); // julafton, juldagen, annandag, Sunday
    expect(lastAppealDay("2026-05-29", 3, nonWorking)).toBe("2026-06-22"); // midsommarafton
  });

  it("[R3.3-2] with an appeal the decision is final on the date the agency enters, not before", () => {
    const input = {
      notifiedOn: "2026-09-02",
      lastAppealDay: "2026-09-23",
      appealLodgedOn: "2026-09-20",
      appealDecidedOn: null,
    };
    expect(legallyFinalOn(input)).toBeNull();
    expect(reductionCaseStatus({ ...input, outcome: "repayment" }, "2026-11-27")).toBe("appealed");
    expect(legallyFinalOn({ ...input, appealDecidedOn: "2026-12-15" })).toBe("2026-12-15");
    expect(reductionCaseStatus({ ...input, appealDecidedOn: "2026-12-15", outcome: "repayment" }, "2026-12-15")).toBe(
      "legallyFinal",
    );
  });

  it("[R3.3-2] an undecided case is open; a decided one not yet final is decided", () => {
    const none = { notifiedOn: null, lastAppealDay: null, appealLodgedOn: null, appealDecidedOn: null };
    expect(reductionCaseStatus({ ...none, outcome: null }, "2026-11-27")).toBe("open");
    expect(reductionCaseStatus({ ...none, outcome: "reduction" }, "2026-11-27")).toBe("decided");
    const notified = { ...none, notifiedOn: "2026-11-23", lastAppealDay: "2026-12-14" };
    expect(reductionCaseStatus({ ...notified, outcome: "reduction" }, "2026-12-15")).toBe("legallyFinal");
    expect(reductionCaseStatus({ ...notified, outcome: "reduction" }, "2026-12-14")).toBe("decided");
  });
});

describe("the compensation under the case", () => {
  const base = {
    receivedOn: "2026-04-14",
    notifiedOn: null,
    lastAppealDay: null,
    appealLodgedOn: null,
    appealDecidedOn: null,
    decidedOn: null,
    parts: [],
  };
  const parts = ["del1-2024", "del2-2024"];

  it("[R3.3-2] a withheld payment is withheld until decided, then paid or reduced per part", () => {
    const withheld = compensationUnderCase({ ...base, effect: "withheld", outcome: null }, parts, "2026-05-01");
    expect([...withheld.values()].map((c) => c?.status)).toEqual(["withheld", "withheld"]);
    const released = compensationUnderCase(
      { ...base, effect: "withheld", outcome: "noReduction", decidedOn: "2026-06-01" },
      parts,
      "2026-06-02",
    );
    expect([...released.values()].map((c) => c?.status)).toEqual(["paid", "paid"]);
    const reduced = compensationUnderCase(
      {
        ...base,
        effect: "withheld",
        outcome: "reduction",
        decidedOn: "2026-06-01",
        parts: [{ part: "del1-2024", amount: 50_000 }],
      },
      parts,
      "2026-06-02",
    );
    expect(reduced.get("del1-2024")).toMatchObject({ status: "reduced", adjustment: 50_000 });
    expect(reduced.get("del2-2024")).toMatchObject({ status: "paid" });
  });

  it("[R3.3-2] a repayment leaves the payment as it is until final, then makes it repaid and an invoice due", () => {
    const c = {
      ...base,
      receivedOn: "2026-06-16",
      effect: "repaymentIfDecided" as const,
      outcome: "repayment" as const,
      decidedOn: "2026-09-01",
      notifiedOn: "2026-09-02",
      lastAppealDay: "2026-09-23",
      parts: [{ part: "del1-2024", amount: 100_000 }],
    };
    expect(compensationUnderCase(c, parts, "2026-09-23").get("del1-2024")).toBeNull();
    expect(invoiceDue(c, "2026-09-23")).toBe(false);
    expect(compensationUnderCase(c, parts, "2026-09-24").get("del1-2024")).toMatchObject({
      status: "repaid",
      adjustment: 100_000,
      statusOn: "2026-09-24",
    });
    expect(invoiceDue(c, "2026-09-24")).toBe(true);
    expect(invoiceDue({ ...c, outcome: "noRepayment" }, "2026-09-24")).toBe(false);
  });

  it("[R3.3-2] an amount split over parts by their amounts adds up to the whole kronor decided", () => {
    const split = splitOverParts(100_001, [
      { part: "a", amount: 2_000_000 },
      { part: "b", amount: 1_000_000 },
      { part: "c", amount: 0 },
    ]);
    expect(split.reduce((s, p) => s + p.amount, 0)).toBe(100_001);
    expect(split.find((p) => p.part === "c")!.amount).toBe(0);
    expect(split.find((p) => p.part === "a")!.amount).toBe(66_667);
  });
});
