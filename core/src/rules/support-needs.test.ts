import { describe, expect, it } from "vitest";
import { type SupportNeedInput, rankSupportNeeds } from "./support-needs.js";

const WEIGHTS = {
  annualReportLate: 2,
  annualReportMissing: 5,
  warningAnswer: 2,
  worseThanLastYear: 1,
  notEligibleCosts: 3,
  largeSavings: 2,
  documentMissing: 3,
  documentLate: 1,
  overdueActions: 2,
  openEarlyWarnings: 3,
};

const input = (code: string, name: string, over: Partial<SupportNeedInput> = {}): SupportNeedInput => ({
  municipality: { code, name },
  year: 2025,
  report: { late: false, missing: false, deadline: "2026-02-15", submittedOn: "2026-02-10" },
  warningAnswers: [],
  worseAnswers: [],
  notEligibleCosts: [],
  largeSavings: null,
  documentsMissing: [],
  documentsLate: [],
  overdueActions: 0,
  openEarlyWarnings: 0,
  ...over,
});

describe("[R2.4-3] who needs support", () => {
  it("[R2.4-3] each fact is a reason with its rule, weight, Swedish detail and data; the score is their sum", () => {
    const [item] = rankSupportNeeds(
      [
        input("0180", "Stockholm", {
          report: { late: true, missing: false, deadline: "2026-02-15", submittedOn: "2026-02-20" },
          warningAnswers: [{ key: "boardExercised", label: "Har krisledningsnämnden övat i år?", text: "Nej" }],
          worseAnswers: [{ key: "exercises", label: "Antal övningar", now: "1", last: "3" }],
          notEligibleCosts: [{ year: 2025, category: "Ordinarie drift", amount: 125_000 }],
          largeSavings: { share: 0.62, detectedOn: "2026-05-01" },
          documentsMissing: [{ documentType: "Risk- och sårbarhetsanalys" }],
          documentsLate: [{ documentType: "Styrdokument" }],
          overdueActions: 2,
          openEarlyWarnings: 1,
        }),
      ],
      WEIGHTS,
    );
    expect(item!.reasons.map((r) => r.rule)).toEqual([
      "annualReportLate",
      "warningAnswer",
      "worseThanLastYear",
      "notEligibleCosts",
      "largeSavings",
      "documentMissing",
      "documentLate",
      "overdueActions",
      "openEarlyWarnings",
    ]);
    expect(item!.score).toBe(2 + 2 + 1 + 3 + 2 + 3 + 1 + 2 + 3);
    expect(item!.reasons[0]).toEqual({
      rule: "annualReportLate",
      weight: 2,
      detail: "Årsrapporten för 2025 kom in 2026-02-20 (sista dag 2026-02-15).",
      data: { year: 2025, deadline: "2026-02-15", submittedOn: "2026-02-20" },
    });
    expect(item!.reasons[3]!.detail).toContain("125 000 kr");
    expect(item!.reasons[4]!.detail).toContain("62 %");
    expect(item!.reasons[7]!.data).toEqual({ count: 2 });
  });

  it("[R2.4-3] a missing report is one reason (not also late); a confidential amount is not shown", () => {
    const [item] = rankSupportNeeds(
      [
        input("0180", "Stockholm", {
          report: { late: false, missing: true, deadline: "2026-02-15", submittedOn: null },
          notEligibleCosts: [{ year: 2025, category: "Ordinarie drift", amount: null }],
        }),
      ],
      WEIGHTS,
    );
    expect(item!.reasons.map((r) => [r.rule, r.weight])).toEqual([
      ["annualReportMissing", 5],
      ["notEligibleCosts", 3],
    ]);
    expect(item!.reasons[1]!.detail).toContain("sekretessbelagt");
    expect(item!.reasons[1]!.data.amount).toBeNull();
  });

  it("[R2.4-3] ranked by score, highest first", () => {
    const ranked = rankSupportNeeds(
      [
        input("0114", "Upplands Väsby", { overdueActions: 1 }),
        input("0180", "Stockholm", {
          report: { late: false, missing: true, deadline: "2026-02-15", submittedOn: null },
        }),
        input("0115", "Vallentuna"),
      ],
      WEIGHTS,
    );
    expect(ranked.map((i) => [i.municipality.name, i.score])).toEqual([
      ["Stockholm", 5],
      ["Upplands Väsby", 2],
      ["Vallentuna", 0],
    ]);
  });

  it("[R2.4-3] the weights decide: other weights give another order", () => {
    const inputs = [
      input("0114", "Upplands Väsby", { overdueActions: 1 }),
      input("0180", "Stockholm", { openEarlyWarnings: 1 }),
    ];
    expect(rankSupportNeeds(inputs, WEIGHTS).map((i) => i.municipality.code)).toEqual(["0180", "0114"]);
    const other = { ...WEIGHTS, overdueActions: 10 };
    const ranked = rankSupportNeeds(inputs, other);
    expect(ranked.map((i) => [i.municipality.code, i.score])).toEqual([
      ["0114", 10],
      ["0180", 3],
    ]);
  });

  it("[R2.4-3] a rule weighted 0 gives no reason", () => {
    const [item] = rankSupportNeeds([input("0180", "Stockholm", { overdueActions: 3, openEarlyWarnings: 1 })], {
      ...WEIGHTS,
      overdueActions: 0,
    });
    expect(item!.reasons.map((r) => r.rule)).toEqual(["openEarlyWarnings"]);
    expect(item!.score).toBe(3);
  });

  it("[R2.2-6] missing and late required documents are reasons, one per document type", () => {
    const [item] = rankSupportNeeds(
      [
        input("0180", "Stockholm", {
          documentsMissing: [{ documentType: "Risk- och sårbarhetsanalys" }, { documentType: "Styrdokument" }],
          documentsLate: [{ documentType: "Övningsplan" }],
        }),
      ],
      WEIGHTS,
    );
    expect(item!.reasons.map((r) => [r.rule, r.data.documentType])).toEqual([
      ["documentMissing", "Risk- och sårbarhetsanalys"],
      ["documentMissing", "Styrdokument"],
      ["documentLate", "Övningsplan"],
    ]);
    expect(item!.score).toBe(3 + 3 + 1);
  });

  it("[R2.4-3] ties are ordered by Swedish name (Å, Ä, Ö after Z)", () => {
    const ranked = rankSupportNeeds(
      [
        input("0180", "Österåker", { overdueActions: 1 }),
        input("0181", "Ängelholm", { overdueActions: 1 }),
        input("0182", "Åre", { overdueActions: 1 }),
        input("0183", "Zinkgruvan", { overdueActions: 1 }),
        input("0184", "Alingsås", { overdueActions: 1 }),
      ],
      WEIGHTS,
    );
    expect(ranked.map((i) => i.municipality.name)).toEqual(["Alingsås", "Zinkgruvan", "Åre", "Ängelholm", "Österåker"]);
  });
});
