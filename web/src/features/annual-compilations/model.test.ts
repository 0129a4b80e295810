import type { AnnualFormDefinition } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import {
  cellText,
  choiceLabels,
  compilationYears,
  defaultCompilationYear,
  distributionBars,
  notAcceptedRows,
  statusSummary,
  summedText,
  type CellWords,
} from "./model";

const words: CellWords = {
  yes: "Ja",
  no: "Nej",
  none: "–",
  rows: (n) => (n === 1 ? "1 rad" : `${n} rader`),
};

const definition = {
  indicators: {
    sections: [
      {
        key: "styrning",
        title: "Styrning",
        questions: [
          {
            key: "ovningsniva",
            label: "Övningsnivå",
            help: "",
            required: false,
            type: "singleChoice",
            area: "crisisPreparedness",
            choices: [
              { value: "ingen", label: "Ingen övning" },
              { value: "del", label: "Delvis" },
              { value: "full", label: "Fullskalig" },
            ],
            warning: null,
            better: null,
          },
          {
            key: "handelser",
            label: "Händelser",
            help: "",
            required: false,
            type: "group",
            area: "crisisPreparedness",
            fields: [
              {
                key: "slag",
                label: "Slag",
                help: "",
                required: false,
                type: "singleChoice",
                choices: [
                  { value: "storm", label: "Storm" },
                  { value: "brand", label: "Brand" },
                ],
              },
            ],
            warning: null,
            better: null,
          },
        ],
      },
    ],
  },
  events: { sections: [] },
  activities: { sections: [] },
} as unknown as AnnualFormDefinition;

const labels = choiceLabels(definition);

describe("compilation cells", () => {
  it("[R2.4-2] yes/no shows as Ja/Nej and nothing answered as a dash", () => {
    expect(cellText({ key: "a", type: "yesNo" }, true, labels, words)).toBe("Ja");
    expect(cellText({ key: "a", type: "yesNo" }, false, labels, words)).toBe("Nej");
    expect(cellText({ key: "a", type: "yesNo" }, null, labels, words)).toBe("–");
    expect(cellText({ key: "a", type: "text" }, undefined, labels, words)).toBe("–");
  });

  it("[R2.4-2] choices show by their label; an unknown value as it is", () => {
    expect(cellText({ key: "ovningsniva", type: "singleChoice" }, "del", labels, words)).toBe("Delvis");
    expect(cellText({ key: "ovningsniva", type: "singleChoice" }, "gammal", labels, words)).toBe("gammal");
    expect(cellText({ key: "ovningsniva", type: "multipleChoice" }, ["ingen", "full"], labels, words)).toBe(
      "Ingen övning, Fullskalig",
    );
  });

  it("[R2.4-2] amounts in kronor with Swedish digit groups, numbers grouped, groups as their rows", () => {
    expect(cellText({ key: "k", type: "amount" }, 1234567, labels, words)).toBe("1 234 567 kr");
    expect(cellText({ key: "n", type: "number" }, 12345.5, labels, words)).toBe("12 345,5");
    expect(cellText({ key: "handelser", type: "group" }, [{}, {}, {}], labels, words)).toBe("3 rader");
    expect(cellText({ key: "handelser", type: "group" }, [{}], labels, words)).toBe("1 rad");
    expect(cellText({ key: "d", type: "date" }, "2026-11-27", labels, words)).toBe("2026-11-27");
  });

  it("reads a group's fields' choices too", () => {
    expect(labels.get("handelser.slag")?.get("brand")).toBe("Brand");
  });
});

describe("status summary", () => {
  const row = (
    name: string,
    status: "notStarted" | "submitted" | "accepted" | "returned",
    late = false,
    missing = false,
  ) => ({
    municipality: { code: name, name },
    status,
    late,
    missing,
  });
  const rows = [
    row("Vaxholm", "accepted"),
    row("Solna", "submitted", true),
    row("Ängelholm", "notStarted", false, true),
    row("Botkyrka", "returned"),
  ];

  it("[R2.4-2] counts per status, late and missing", () => {
    const s = statusSummary(rows);
    expect(s.counts).toEqual({ notStarted: 1, draft: 0, submitted: 1, returned: 1, accepted: 1 });
    expect(s.late).toBe(1);
    expect(s.missing).toBe(1);
    expect(s.total).toBe(4);
  });

  it("[R2.4-2] lists the municipalities not accepted in Swedish order", () => {
    expect(notAcceptedRows(rows).map((r) => r.municipality.name)).toEqual(["Botkyrka", "Solna", "Ängelholm"]);
  });
});

describe("years", () => {
  const forms = [
    { year: 2025, status: "published" as const },
    { year: 2026, status: "published" as const },
    { year: 2027, status: "draft" as const },
  ];
  it("offers the years with a published form and the chosen one, newest first", () => {
    expect(compilationYears(forms, 2026)).toEqual([2026, 2025]);
    expect(compilationYears(forms, 2019)).toEqual([2026, 2025, 2019]);
  });
  it("defaults to the latest published year up to this year", () => {
    expect(defaultCompilationYear(forms, 2026)).toBe(2026);
    expect(defaultCompilationYear([], 2026)).toBe(2026);
    expect(defaultCompilationYear([{ year: 2027, status: "published" }], 2026)).toBe(2026);
  });
});

describe("distribution bars", () => {
  it("[R1-6] yes before no, with zero counts kept", () => {
    expect(distributionBars({ key: "a", type: "yesNo" }, { counts: { false: 4 } }, labels, words)).toEqual([
      { value: "true", label: "Ja", count: 0 },
      { value: "false", label: "Nej", count: 4 },
    ]);
  });

  it("[R1-6] choices in the form's order by label, an old value after them", () => {
    const bars = distributionBars(
      { key: "ovningsniva", type: "singleChoice" },
      { counts: { full: 2, ingen: 5, gammal: 1 } },
      labels,
      words,
    );
    expect(bars).toEqual([
      { value: "ingen", label: "Ingen övning", count: 5 },
      { value: "del", label: "Delvis", count: 0 },
      { value: "full", label: "Fullskalig", count: 2 },
      { value: "gammal", label: "gammal", count: 1 },
    ]);
  });

  it("[R1-6] summed questions have no bars", () => {
    expect(distributionBars({ key: "k", type: "amount" }, { counts: null }, labels, words)).toBeNull();
    expect(summedText({ type: "amount" }, 1500000.4, "–")).toBe("1 500 000 kr");
    expect(summedText({ type: "number" }, 2.345, "–")).toBe("2,3");
    expect(summedText({ type: "number" }, null, "–")).toBe("–");
  });
});
