import { describe, expect, it } from "vitest";
import { AnnualFormDefinition, type Question } from "../contracts/annual-forms.js";
import {
  annualReportState,
  carryOverAnswers,
  checkAnswers,
  defaultAnnualReportDeadline,
  flattenQuestions,
  isWarningAnswer,
  isWorseThan,
  missingAnswers,
} from "./annual-reports.js";

const definition = AnnualFormDefinition.parse({
  indicators: {
    sections: [
      {
        key: "ledning",
        title: "Ledning",
        questions: [
          {
            key: "krisledningOvat",
            type: "yesNo",
            label: "Har krisledningsnämnden övat under året?",
            required: true,
            area: "crisisPreparedness",
            warning: { op: "equals", value: false, text: "Krisledningsnämnden har inte övat." },
            better: "higher",
          },
          {
            key: "ovningar",
            type: "number",
            label: "Antal genomförda övningar",
            area: "crisisPreparedness",
            warning: { op: "below", value: 1, text: "Inga övningar." },
            better: "higher",
          },
          {
            key: "mognad",
            type: "singleChoice",
            label: "Hur långt har arbetet med civilt försvar kommit?",
            area: "civilDefence",
            choices: [
              { value: "ejPaborjat", label: "Inte påbörjat" },
              { value: "paborjat", label: "Påbörjat" },
              { value: "etablerat", label: "Etablerat" },
            ],
            better: "higher",
          },
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
            key: "handelser",
            type: "group",
            label: "Händelser under året",
            area: "crisisPreparedness",
            fields: [
              { key: "datum", type: "date", label: "Datum", required: true },
              { key: "beskrivning", type: "text", label: "Beskrivning", required: true },
              { key: "sammankallad", type: "yesNo", label: "Sammankallades krisledningsnämnden?" },
            ],
          },
        ],
      },
    ],
  },
  activities: {
    sections: [
      {
        key: "atgarder",
        title: "Åtgärder",
        questions: [
          { key: "atgarderText", type: "text", label: "Vidtagna åtgärder", required: true, area: "crisisPreparedness" },
          {
            key: "slag",
            type: "multipleChoice",
            label: "Slag av åtgärder",
            area: "civilDefence",
            choices: [
              { value: "utbildning", label: "Utbildning" },
              { value: "ovning", label: "Övning" },
            ],
          },
        ],
      },
    ],
  },
});
const q = (key: string): Question => flattenQuestions(definition).find((f) => f.question.key === key)!.question;

describe("deadlines (R2.4-1)", () => {
  it("[R2.4-1] the report for 2026 is due on 15 February 2027 by default", () => {
    expect(defaultAnnualReportDeadline(2026, { month: 2, day: 15 })).toBe("2027-02-15");
    expect(defaultAnnualReportDeadline(2026, { month: 3, day: 31 })).toBe("2027-03-31");
  });
});

describe("a report's status (R2.4-2)", () => {
  const deadline = "2026-02-15";
  const round = (submittedOn: string, over: { returnedOn?: string; acceptedOn?: string } = {}) => ({
    submittedOn,
    returnedOn: over.returnedOn ?? null,
    acceptedOn: over.acceptedOn ?? null,
  });

  it("[R2.4-2] not started, then a draft with the day it was saved", () => {
    expect(annualReportState({ started: false, savedOn: null, rounds: [] }, deadline, "2026-01-10")).toEqual({
      status: "notStarted",
      statusOn: null,
      submittedOn: null,
      late: false,
      missing: false,
    });
    expect(
      annualReportState({ started: true, savedOn: "2026-01-12", rounds: [] }, deadline, "2026-01-13"),
    ).toMatchObject({ status: "draft", statusOn: "2026-01-12" });
  });

  it("[R2.4-2] submitted on the deadline day (a Sunday) is in time; the day after is late", () => {
    const onDay = annualReportState(
      { started: true, savedOn: null, rounds: [round("2026-02-15")] },
      deadline,
      "2026-03-01",
    );
    expect(onDay).toMatchObject({ status: "submitted", late: false, missing: false, submittedOn: "2026-02-15" });
    const after = annualReportState(
      { started: true, savedOn: null, rounds: [round("2026-02-16")] },
      deadline,
      "2026-03-01",
    );
    expect(after).toMatchObject({ status: "submitted", late: true });
  });

  it("[R2.4-2] missing once the deadline has passed with nothing submitted, not on the deadline day", () => {
    expect(
      annualReportState({ started: true, savedOn: "2026-02-01", rounds: [] }, deadline, "2026-02-15").missing,
    ).toBe(false);
    expect(annualReportState({ started: false, savedOn: null, rounds: [] }, deadline, "2026-02-16").missing).toBe(true);
  });

  it("[R2.4-2] lateness is judged on the first submission: a resubmission after a return is not late", () => {
    const s = annualReportState(
      {
        started: true,
        savedOn: null,
        rounds: [round("2026-02-10", { returnedOn: "2026-02-20" }), round("2026-03-01", { acceptedOn: "2026-03-05" })],
      },
      deadline,
      "2026-03-10",
    );
    expect(s).toEqual({
      status: "accepted",
      statusOn: "2026-03-05",
      submittedOn: "2026-02-10",
      late: false,
      missing: false,
    });
  });

  it("[R2.4-2] returned while the latest round is returned", () => {
    const s = annualReportState(
      { started: true, savedOn: null, rounds: [round("2026-02-10", { returnedOn: "2026-02-20" })] },
      deadline,
      "2026-02-21",
    );
    expect(s).toMatchObject({ status: "returned", statusOn: "2026-02-20" });
  });
});

describe("answers against the form (R2.4-2)", () => {
  it("[R2.4-2] lists every missing required answer, including a group row's required fields", () => {
    const missing = missingAnswers(definition, {
      handelser: [{ datum: "2026-03-02", beskrivning: "" }],
    });
    expect(missing.map((m) => [m.questionKey, m.field ?? null])).toEqual([
      ["krisledningOvat", null],
      ["handelser", "beskrivning"],
      ["atgarderText", null],
    ]);
  });

  it("[R2.4-2] refuses a value of the wrong type, an unknown choice and an unknown key", () => {
    const issues = checkAnswers(definition, {
      krisledningOvat: "ja",
      mognad: "klart",
      slag: ["utbildning", "utbildning"],
      okand: 1,
      handelser: [{ datum: "2026-02-30" }],
    });
    expect(issues.map((i) => i.path.join("."))).toEqual([
      "krisledningOvat",
      "mognad",
      "slag",
      "okand",
      "handelser.0.datum",
    ]);
  });

  it("[R2.4-1] a new version carries answers over by stable key and drops the rest", () => {
    const next = AnnualFormDefinition.parse({
      ...definition,
      indicators: {
        sections: [
          {
            ...definition.indicators.sections[0]!,
            questions: definition.indicators.sections[0]!.questions.filter((x) => x.key !== "ovningar"),
          },
        ],
      },
    });
    expect(carryOverAnswers({ krisledningOvat: true, ovningar: 3, atgarderText: "Övning i mars" }, next)).toEqual({
      krisledningOvat: true,
      atgarderText: "Övning i mars",
    });
  });
});

describe("warning signs and trends (R2.4-3)", () => {
  it("[R2.4-3] a 'no' to an exercised crisis board is a warning sign; a number below the limit too", () => {
    expect(isWarningAnswer(q("krisledningOvat"), false)).toBe(true);
    expect(isWarningAnswer(q("krisledningOvat"), true)).toBe(false);
    expect(isWarningAnswer(q("ovningar"), 0)).toBe(true);
    expect(isWarningAnswer(q("ovningar"), 1)).toBe(false);
    expect(isWarningAnswer(q("ovningar"), null)).toBe(false);
  });

  it("[R2.4-3] worse than last year by the question's direction; no direction or no answer is never worse", () => {
    expect(isWorseThan(q("krisledningOvat"), false, true)).toBe(true);
    expect(isWorseThan(q("krisledningOvat"), true, false)).toBe(false);
    expect(isWorseThan(q("mognad"), "paborjat", "etablerat")).toBe(true);
    expect(isWorseThan(q("ovningar"), 2, 2)).toBe(false);
    expect(isWorseThan(q("ovningar"), 2, null)).toBe(false);
    expect(isWorseThan(q("atgarderText"), "a", "b")).toBe(false);
  });
});
