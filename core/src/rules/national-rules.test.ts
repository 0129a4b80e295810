import { describe, expect, it } from "vitest";
import { documentDeadline, measuredFromReceipt } from "./document-status.js";
import {
  deadlineDate,
  deadlineRuleText,
  documentRulesDate,
  monthDayIn,
  nationalPeriodForYear,
  nationalPeriods,
  ruleVersionOn,
} from "./national-rules.js";

const versions = [
  { id: "2024", appliesFrom: "2024-01-01" },
  { id: "2019", appliesFrom: "2019-01-01" },
  { id: "2027", appliesFrom: "2027-01-01" },
];

describe("[R1-2] which national rule version applies", () => {
  it("is the latest version whose appliesFrom is the day or earlier, whatever the order given", () => {
    expect(ruleVersionOn(versions, "2023-12-31")?.id).toBe("2019");
    expect(ruleVersionOn(versions, "2024-01-01")?.id).toBe("2024");
    expect(ruleVersionOn(versions, "2026-12-31")?.id).toBe("2024");
    expect(ruleVersionOn(versions, "2027-01-01")?.id).toBe("2027");
  });

  it("is none before the first version applies, and none of no versions", () => {
    expect(ruleVersionOn(versions, "2018-12-31")).toBeUndefined();
    expect(ruleVersionOn([], "2026-01-01")).toBeUndefined();
  });

  it("decides a period's documents on 1 January of its first year (the 2024 change governs 2027–2030)", () => {
    expect(documentRulesDate({ firstYear: 2023 })).toBe("2023-01-01");
    expect(ruleVersionOn(versions, documentRulesDate({ firstYear: 2023 }))?.id).toBe("2019");
    expect(ruleVersionOn(versions, documentRulesDate({ firstYear: 2027 }))?.id).toBe("2027");
  });
});

describe("[R2.2-1] a document deadline as data", () => {
  const rsa = { yearOfPeriod: 1, month: 10, day: 31, measuredFrom: "received" } as const;
  const steering = { yearOfPeriod: 1, month: 12, day: 31, measuredFrom: "decided" } as const;

  it("is the day of the period's n:th year, and equals the older named rules", () => {
    expect(deadlineDate(rsa, { firstYear: 2023 })).toBe("2023-10-31");
    expect(deadlineDate({ ...steering, yearOfPeriod: 2, month: 3, day: 1 }, { firstYear: 2023 })).toBe("2024-03-01");
    expect(documentDeadline(rsa, { firstYear: 2027 })).toBe("2027-10-31");
    expect(documentDeadline(steering, { firstYear: 2027 })).toBe("2027-12-31");
    expect(measuredFromReceipt(rsa)).toBe(true);
    expect(measuredFromReceipt(steering)).toBe(false);
  });

  it("reads in words from the data", () => {
    expect(deadlineRuleText(rsa)).toBe(
      "Ska ha kommit in till länsstyrelsen senast 31 oktober mandatperiodens första år; sen räknas från inkomstdatum.",
    );
    expect(deadlineRuleText(steering)).toMatch(/^Ska vara beslutat senast 31 december mandatperiodens första år/);
    expect(monthDayIn({ month: 2, day: 15 }, 2027)).toBe("2027-02-15");
  });
});

describe("[R1-4] mandate periods from the national election years", () => {
  const rules = {
    electionYears: { value: [2018, 2022, 2026], unverified: false },
    periodLength: { value: 4, unverified: false },
  };

  it("one period per election year, and extrapolated beyond them", () => {
    expect(nationalPeriods(rules).map((p) => [p.id, p.lastYear])).toEqual([
      [2019, 2022],
      [2023, 2026],
      [2027, 2030],
    ]);
    expect(nationalPeriodForYear(rules, 2026).id).toBe(2023);
    expect(nationalPeriodForYear(rules, 2027).id).toBe(2027);
    expect(nationalPeriodForYear(rules, 2031)).toMatchObject({ id: 2031, lastYear: 2034, electionYear: 2030 });
  });
});
