import { describe, expect, it } from "vitest";
import { AnnualFormDefinition } from "../contracts/annual-forms.js";
import { compilationColumns, distribution, mergeDistributions } from "./annual-compilation.js";

const choices = [
  { value: "low", label: "Låg" },
  { value: "high", label: "Hög" },
];

const definition = AnnualFormDefinition.parse({
  indicators: {
    sections: [
      {
        key: "ledning",
        title: "Ledning",
        questions: [
          { key: "ovat", type: "yesNo", label: "Har nämnden övat?", area: "crisisPreparedness" },
          { key: "krigsorg", type: "yesNo", label: "Finns en krigsorganisation?", area: "civilDefence" },
        ],
      },
    ],
  },
  events: {
    sections: [
      {
        key: "handelser",
        title: "Händelser",
        questions: [
          {
            key: "lista",
            type: "group",
            label: "Händelser",
            area: "crisisPreparedness",
            fields: [{ key: "datum", type: "date", label: "Datum" }],
          },
        ],
      },
    ],
  },
  activities: { sections: [] },
});

describe("[R1-6] compilation columns", () => {
  it("[R1-6] every question in form order, filtered by part and agreement area", () => {
    expect(compilationColumns(definition).map((c) => c.key)).toEqual(["ovat", "krigsorg", "lista"]);
    expect(compilationColumns(definition, { part: "events" }).map((c) => c.key)).toEqual(["lista"]);
    expect(compilationColumns(definition, { area: "civilDefence" })).toEqual([
      {
        key: "krigsorg",
        label: "Finns en krigsorganisation?",
        part: "indicators",
        section: "Ledning",
        area: "civilDefence",
        type: "yesNo",
      },
    ]);
    expect(compilationColumns(definition, { part: "economy" })).toEqual([]);
  });
});

describe("[R1-6] distributions", () => {
  it("[R1-6] yes/no counted under true/false; unanswered and wrong types left out", () => {
    expect(distribution({ type: "yesNo" }, [true, false, true, null, undefined, "ja"])).toEqual({
      answered: 3,
      counts: { true: 2, false: 1 },
      sum: null,
      mean: null,
      min: null,
      max: null,
    });
  });

  it("[R1-6] choices: every choice listed, a multiple choice counts each chosen value", () => {
    expect(distribution({ type: "singleChoice", choices }, ["low", "low", "unknown", null]).counts).toEqual({
      low: 2,
      high: 0,
    });
    const multi = distribution({ type: "multipleChoice", choices }, [["low", "high"], ["high"], [], null]);
    expect(multi.answered).toBe(2);
    expect(multi.counts).toEqual({ low: 1, high: 2 });
  });

  it("[R1-6] numbers and amounts: sum, mean, min and max", () => {
    expect(distribution({ type: "amount" }, [100, 300, null, "x"])).toEqual({
      answered: 2,
      counts: null,
      sum: 400,
      mean: 200,
      min: 100,
      max: 300,
    });
    expect(distribution({ type: "number" }, [])).toMatchObject({ answered: 0, sum: null, mean: null });
  });

  it("[R1-6] text, dates and groups: only how many answered", () => {
    expect(distribution({ type: "text" }, ["Övning", " ", null]).answered).toBe(1);
    expect(distribution({ type: "group" }, [[{ datum: "2026-01-01" }], [], null]).answered).toBe(1);
  });

  it("[R1-6] the merge of the counties' distributions equals the distribution over all their answers", () => {
    const a = [3, 5, null];
    const b = [10, 2];
    const merged = mergeDistributions([distribution({ type: "number" }, a), distribution({ type: "number" }, b)]);
    expect(merged).toEqual(distribution({ type: "number" }, [...a, ...b]));
    const yes = mergeDistributions([
      distribution({ type: "yesNo" }, [true, false]),
      distribution({ type: "yesNo" }, [true]),
      distribution({ type: "yesNo" }, []),
    ]);
    expect(yes).toMatchObject({ answered: 3, counts: { true: 2, false: 1 } });
    expect(mergeDistributions([])).toMatchObject({ answered: 0, counts: null, sum: null });
  });
});
