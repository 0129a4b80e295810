import { describe, expect, it } from "vitest";
import {
  type PreconditionFacts,
  correctionState,
  evaluatePreconditions,
  mayApproveStatement,
  maySendStatement,
  missingPreconditions,
  savingsKeepGrowing,
} from "./statements.js";

const ev = (text: string, date = "2026-05-01") => ({ text, date, link: null });

/** Every precondition met: a ground communicated by a protocol, a plan, both dialogues, a past action deadline. */
const allMet = (over: Partial<PreconditionFacts> = {}): PreconditionFacts => ({
  initiatedBy: "county",
  today: "2026-11-27",
  grounds: [{ ground: "repeatedFailure", communicatedBy: [ev("Protokoll 2026-03-12")] }],
  actionPlan: [ev("Åtgärd: uppdatera RSA")],
  closingSavings: 1_200_000,
  savingsPlans: [ev("Plan för sparande 2026")],
  oralDialogue: [ev("Möte 2026-04-02")],
  writtenDialogue: [ev("Protokoll 2026-03-12")],
  linkedActions: [{ ...ev("Åtgärd"), due: "2026-09-30" }],
  correctionOpportunities: [],
  ...over,
});

describe("[R3.2-1] the preconditions before a statement is sent", () => {
  it("[R3.2-1] are all met with the evidence of each", () => {
    const list = evaluatePreconditions(allMet());
    expect(missingPreconditions(list)).toEqual([]);
    expect(list.map((p) => p.key)).toEqual([
      "communicated",
      "actionPlan",
      "savingsPlan",
      "oralDialogue",
      "writtenDialogue",
      "timeToRemedy",
      "chanceToCorrect",
    ]);
    expect(list.find((p) => p.key === "oralDialogue")!.evidence).toEqual([ev("Möte 2026-04-02")]);
    expect(list.find((p) => p.key === "chanceToCorrect")!.applies).toBe(false);
  });

  it("[R3.2-1] a ground not linked to a sent letter or protocol is not communicated", () => {
    const facts = allMet({
      grounds: [
        { ground: "repeatedFailure", communicatedBy: [ev("Protokoll")] },
        { ground: "noRsaReport", communicatedBy: [] },
      ],
    });
    expect(missingPreconditions(evaluatePreconditions(facts))).toEqual(["communicated"]);
  });

  it.each([
    ["actionPlan", { actionPlan: [] }],
    ["savingsPlan", { savingsPlans: [] }],
    ["oralDialogue", { oralDialogue: [] }],
    ["writtenDialogue", { writtenDialogue: [] }],
    ["timeToRemedy", { linkedActions: [] }],
  ] as const)("[R3.2-1] %s is missing without its evidence", (key, over) => {
    expect(missingPreconditions(evaluatePreconditions(allMet(over)))).toEqual([key]);
  });

  it("[R3.2-1] a savings plan is asked for only when there are savings (closing above zero)", () => {
    const none = evaluatePreconditions(allMet({ closingSavings: 0, savingsPlans: [] }));
    expect(none.find((p) => p.key === "savingsPlan")).toMatchObject({ applies: false, met: true });
    const one = evaluatePreconditions(allMet({ closingSavings: 1, savingsPlans: [] }));
    expect(one.find((p) => p.key === "savingsPlan")).toMatchObject({ applies: true, met: false });
  });

  it("[R3.2-1] reasonable time has passed only when every linked action's deadline has passed", () => {
    const due = (d: string) => ({ ...ev("Åtgärd"), due: d });
    const onTheDay = allMet({ linkedActions: [due("2026-09-30"), due("2026-11-27")] });
    expect(missingPreconditions(evaluatePreconditions(onTheDay))).toEqual(["timeToRemedy"]);
    const dayAfter = allMet({ today: "2026-11-28", linkedActions: [due("2026-09-30"), due("2026-11-27")] });
    expect(missingPreconditions(evaluatePreconditions(dayAfter))).toEqual([]);
  });
});

describe("[R3.2-3] the chance to correct wrongful use", () => {
  const wrongful = (opportunities: PreconditionFacts["correctionOpportunities"]) =>
    allMet({
      grounds: [{ ground: "wrongfulUse", communicatedBy: [ev("Återkoppling")] }],
      correctionOpportunities: opportunities,
    });
  const offered = { ...ev("Rakelterminaler bokförda på ersättningen", "2026-09-01"), lapsesOn: "2026-11-27" };

  it("[R3.2-3] applies to wrongful use and is missing while no chance was given", () => {
    expect(missingPreconditions(evaluatePreconditions(wrongful([])))).toEqual(["chanceToCorrect"]);
  });

  it("[R3.2-3] an open chance is not enough; answered or lapsed is", () => {
    expect(missingPreconditions(evaluatePreconditions(wrongful([{ ...offered, answeredOn: null }])))).toEqual([
      "chanceToCorrect",
    ]);
    const answered = wrongful([{ ...offered, answeredOn: "2026-10-15" }]);
    expect(missingPreconditions(evaluatePreconditions(answered))).toEqual([]);
    const lapsed = { ...wrongful([{ ...offered, answeredOn: null }]), today: "2026-11-28" };
    expect(missingPreconditions(evaluatePreconditions(lapsed))).toEqual([]);
  });

  it("[R3.2-3] open until its last day has passed", () => {
    expect(correctionState({ answeredOn: null, lapsesOn: "2026-11-27" }, "2026-11-27")).toBe("open");
    expect(correctionState({ answeredOn: null, lapsesOn: "2026-11-27" }, "2026-11-28")).toBe("lapsed");
    expect(correctionState({ answeredOn: "2026-11-30", lapsesOn: "2026-11-27" }, "2026-12-01")).toBe("answered");
  });
});

describe("[R3.3-3] a case the municipality initiated", () => {
  it("[R3.3-3] skips the deficiency checks", () => {
    const facts: PreconditionFacts = {
      ...allMet(),
      initiatedBy: "municipality",
      grounds: [],
      actionPlan: [],
      savingsPlans: [],
      oralDialogue: [],
      writtenDialogue: [],
      linkedActions: [],
    };
    const list = evaluatePreconditions(facts);
    expect(missingPreconditions(list)).toEqual([]);
    expect(list.every((p) => !p.applies)).toBe(true);
  });
});

describe("[R3.1-1] who approves and sends", () => {
  const drafter = { id: "a", countyHead: true };
  const otherHead = { id: "b", countyHead: true };
  const officer = { id: "c", countyHead: false };
  it("[R3.1-1] the drafter cannot approve, even as a county head; another county head can", () => {
    const draft = { state: "draft" as const, draftedBy: "a" };
    expect(mayApproveStatement(draft, drafter)).toBe(false);
    expect(mayApproveStatement(draft, officer)).toBe(false);
    expect(mayApproveStatement(draft, otherHead)).toBe(true);
    expect(mayApproveStatement({ ...draft, state: "approved" }, otherHead)).toBe(false);
  });
  it("[R3.1-1] only an approved statement is sent, by a county head who did not draft it", () => {
    const approved = { state: "approved" as const, draftedBy: "a" };
    expect(maySendStatement(approved, otherHead)).toBe(true);
    expect(maySendStatement(approved, drafter)).toBe(false);
    expect(maySendStatement({ ...approved, state: "draft" }, otherHead)).toBe(false);
  });
});

describe("[R3.2-2] savings that keep growing", () => {
  it("[R3.2-2] up two years running, by the last three closings", () => {
    const c = (year: number, closing: number) => ({ year, closing });
    expect(savingsKeepGrowing([c(2023, 100), c(2024, 200), c(2025, 300)])).toBe(true);
    expect(savingsKeepGrowing([c(2025, 300), c(2023, 100), c(2024, 200)])).toBe(true);
    expect(savingsKeepGrowing([c(2023, 100), c(2024, 200), c(2025, 200)])).toBe(false);
    expect(savingsKeepGrowing([c(2022, 500), c(2023, 100), c(2024, 200), c(2025, 300)])).toBe(true);
    expect(savingsKeepGrowing([c(2024, 200), c(2025, 300)])).toBe(false);
  });
});
