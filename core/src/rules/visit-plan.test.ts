import { describe, expect, it } from "vitest";
import { type PlanMunicipality, proposeVisitPlan } from "./visit-plan.js";
import { plannedYear } from "./visits.js";

const period = { firstYear: 2027, lastYear: 2030 };
const m = (code: string, name: string, officerId: string | null, ...priority: PlanMunicipality["priority"]) => ({
  code,
  name,
  officerId,
  priority,
});
const TEN = [
  m("0114", "Upplands Väsby", "a"),
  m("0115", "Vallentuna", "b"),
  m("0117", "Österåker", "a", "missingDocuments"),
  m("0120", "Värmdö", "b"),
  m("0123", "Järfälla", "a", "weakAssessment", "openWarnings"),
  m("0125", "Ekerö", "b"),
  m("0126", "Huddinge", "a"),
  m("0127", "Botkyrka", "b", "lateDocuments"),
  m("0128", "Salem", "a"),
  m("0136", "Haninge", null),
];

describe("visit plan proposal", () => {
  it("[R2.7-1] [R2.7-3] every municipality at least once, none in the period's first year, within the capacity", () => {
    const plan = proposeVisitPlan({ period, visitsPerYear: 4, municipalities: TEN });
    expect(new Set(plan.map((v) => v.municipality)).size).toBe(10);
    expect(plan.every((v) => plannedYear(v.planned) >= 2028 && plannedYear(v.planned) <= 2030)).toBe(true);
    expect(plan).toHaveLength(12);
    for (const year of [2028, 2029, 2030])
      expect(plan.filter((v) => plannedYear(v.planned) === year).length).toBeLessThanOrEqual(4);
  });

  it("[R2.7-3] the neediest get two visits, the first early in the period; the rest one", () => {
    const plan = proposeVisitPlan({ period, visitsPerYear: 4, municipalities: TEN });
    const of = (code: string) => plan.filter((v) => v.municipality === code);
    expect(of("0123").map((v) => v.kind)).toEqual(["first", "later"]);
    expect(of("0123")[0]!.planned.startsWith("2028")).toBe(true);
    expect(of("0123")[0]!.reason).toMatch(/svag bedömning.*öppna tidiga varningar/);
    // Equal need goes in Swedish name order: Botkyrka before Österåker.
    expect(of("0127").map((v) => v.kind)).toEqual(["first", "later"]);
    expect(of("0117").map((v) => v.kind)).toEqual(["only"]);
    expect(of("0117")[0]!.planned.startsWith("2028")).toBe(true);
    expect(of("0117")[0]!.reason).toMatch(/Kapaciteten räcker inte till två/);
    expect(of("0114").map((v) => v.kind)).toEqual(["only"]);
  });

  it("[R2.7-1] two visits for everyone when the capacity allows; later after first", () => {
    const plan = proposeVisitPlan({ period, visitsPerYear: 8, municipalities: TEN });
    expect(plan).toHaveLength(20);
    for (const x of TEN) {
      const [first, later] = plan.filter((v) => v.municipality === x.code);
      expect([first!.kind, later!.kind]).toEqual(["first", "later"]);
      expect(first!.planned < later!.planned).toBe(true);
    }
  });

  it("[R2.7-3] spreads an officer's visits over the months", () => {
    const plan = proposeVisitPlan({ period, visitsPerYear: 4, municipalities: TEN });
    for (const year of ["2028", "2029", "2030"]) {
      const months = plan
        .filter((v) => v.planned.startsWith(year))
        .map((v) => `${TEN.find((x) => x.code === v.municipality)!.officerId}:${v.planned}`);
      expect(new Set(months).size).toBe(months.length);
    }
  });

  it("[R2.7-1] over capacity every municipality still gets one visit; no municipalities or years gives none", () => {
    const plan = proposeVisitPlan({ period, visitsPerYear: 1, municipalities: TEN });
    expect(plan).toHaveLength(10);
    expect(proposeVisitPlan({ period, visitsPerYear: 4, municipalities: [] })).toEqual([]);
    expect(
      proposeVisitPlan({ period: { firstYear: 2027, lastYear: 2027 }, visitsPerYear: 4, municipalities: TEN }),
    ).toEqual([]);
  });
});
