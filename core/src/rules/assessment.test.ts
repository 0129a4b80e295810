import { describe, expect, it } from "vitest";
import { type CriterionResult, areaResult, assessVisit, overallResult } from "./assessment.js";

type Item = { tier: "basic" | "quality"; result: CriterionResult };
const basic = (result: CriterionResult): Item => ({ tier: "basic", result });
const quality = (result: CriterionResult): Item => ({ tier: "quality", result });

describe("assessment: a crisis-preparedness area", () => {
  const area = (...items: Item[]) => areaResult("crisisPreparedness", items);
  it("[R2.8-1] no assessed criterion → notAssessed", () => {
    expect(area()).toBe("notAssessed");
    expect(area(basic("notAssessed"), quality("notAssessed"))).toBe("notAssessed");
  });
  it("[R2.8-1] a basic requirement notMet, or every assessed criterion notMet → notMet", () => {
    expect(area(basic("notMet"), quality("met"))).toBe("notMet");
    expect(area(quality("notMet"), quality("notMet"), basic("notAssessed"))).toBe("notMet");
  });
  it("[R2.8-1] every assessed criterion met → met; otherwise partlyMet", () => {
    expect(area(basic("met"), quality("met"), quality("notAssessed"))).toBe("met");
    expect(area(basic("met"), quality("notMet"))).toBe("partlyMet");
    expect(area(basic("partlyMet"), quality("met"))).toBe("partlyMet");
    expect(area(basic("met"), basic("partlyMet"))).toBe("partlyMet");
  });
});

describe("assessment: a civil-defence area", () => {
  const area = (...items: Item[]) => areaResult("civilDefence", items);
  it("[R2.1-2] judged on whether work has started: notAssessed, notStarted, started, partlyStarted", () => {
    expect(area(quality("notAssessed"))).toBe("notAssessed");
    expect(area(basic("notStarted"), quality("started"))).toBe("notStarted");
    expect(area(quality("notStarted"), quality("notStarted"))).toBe("notStarted");
    expect(area(basic("started"), quality("started"))).toBe("started");
    expect(area(basic("started"), quality("notStarted"))).toBe("partlyStarted");
  });
});

describe("assessment: overall per agreement area", () => {
  it("[R2.8-1] a failed area fails the whole; notAssessed areas are left out", () => {
    expect(overallResult("crisisPreparedness", ["met", "notMet"])).toBe("notMet");
    expect(overallResult("crisisPreparedness", ["met", "notAssessed"])).toBe("met");
    expect(overallResult("crisisPreparedness", ["met", "partlyMet"])).toBe("partlyMet");
    expect(overallResult("crisisPreparedness", ["notAssessed"])).toBe("notAssessed");
    expect(overallResult("crisisPreparedness", [])).toBe("notAssessed");
    expect(overallResult("civilDefence", ["started", "partlyStarted"])).toBe("partlyStarted");
    expect(overallResult("civilDefence", ["started", "notStarted"])).toBe("notStarted");
    expect(overallResult("civilDefence", ["started"])).toBe("started");
  });

  it("[R2.8-1] [R2.1-2] keeps the agreement areas apart and applies overrides, the computed value beside", () => {
    const result = assessVisit(
      [
        { code: "A", agreementArea: "crisisPreparedness", items: [basic("met"), quality("partlyMet")] },
        { code: "B", agreementArea: "crisisPreparedness", items: [basic("met")] },
        { code: "C", agreementArea: "civilDefence", items: [basic("notStarted")] },
      ],
      [
        { area: "A", result: "met", reason: "Kvalitetsmåttet väger lätt här." },
        { agreementArea: "civilDefence", result: "partlyStarted", reason: "Arbetet påbörjat efter besöket." },
      ],
    );
    expect(result.areas).toEqual([
      {
        area: "A",
        agreementArea: "crisisPreparedness",
        computed: "partlyMet",
        result: "met",
        reason: "Kvalitetsmåttet väger lätt här.",
      },
      { area: "B", agreementArea: "crisisPreparedness", computed: "met", result: "met", reason: null },
      { area: "C", agreementArea: "civilDefence", computed: "notStarted", result: "notStarted", reason: null },
    ]);
    // The overall reads the areas after override: A met, B met → met.
    expect(result.overall.crisisPreparedness).toEqual({ computed: "met", result: "met", reason: null });
    expect(result.overall.civilDefence).toEqual({
      computed: "notStarted",
      result: "partlyStarted",
      reason: "Arbetet påbörjat efter besöket.",
    });
  });
});
