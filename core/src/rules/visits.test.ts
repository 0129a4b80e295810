import { describe, expect, it } from "vitest";
import type { ParticipantRole } from "../contracts/visits.js";
import { feedbackBeforeVisit, participantWarnings, plannedDueOn, plannedFrom, visitCoverage } from "./visits.js";

describe("visits: planned dates", () => {
  it("[R2.7-3] a month-only visit is due on the month's last day and counts from its first", () => {
    expect(plannedDueOn("2025-03")).toBe("2025-03-31");
    expect(plannedDueOn("2028-02")).toBe("2028-02-29");
    expect(plannedDueOn("2027-02")).toBe("2027-02-28");
    expect(plannedDueOn("2025-12")).toBe("2025-12-31");
    expect(plannedFrom("2025-03")).toBe("2025-03-01");
    expect(plannedDueOn("2025-03-12")).toBe("2025-03-12");
    expect(plannedFrom("2025-03-12")).toBe("2025-03-12");
    expect(() => plannedDueOn("2025-3")).toThrow(RangeError);
  });
});

describe("visits: coverage", () => {
  it("[R2.7-1] counts municipalities with none, one and two or more visits; cancelled visits are left out", () => {
    const coverage = visitCoverage([
      { visits: [] },
      { visits: [{ status: "cancelled" }] },
      { visits: [{ status: "held" }] },
      { visits: [{ status: "planned" }, { status: "cancelled" }] },
      { visits: [{ status: "held" }, { status: "planned" }] },
      { visits: [{ status: "held" }, { status: "held" }, { status: "planned" }] },
    ]);
    expect(coverage).toEqual({ none: 2, one: 2, twoOrMore: 2, held: 4, planned: 3 });
  });
});

const people = (...roles: ParticipantRole[]) => roles.map((role) => ({ role, attended: true }));

describe("visits: participants", () => {
  it("[R2.7-2] warns when leadership, political leadership or the coordinator is missing", () => {
    expect(participantWarnings(people("countyOfficer"), false).map((w) => [w.code, w.severity])).toEqual([
      ["leadershipMissing", "warning"],
      ["politicalLeadershipMissing", "advice"],
      ["coordinatorMissing", "warning"],
    ]);
    expect(participantWarnings(people("coordinator", "chiefExecutive", "boardChair"), false)).toEqual([]);
    expect(participantWarnings(people("coordinator", "seniorOfficial", "commissioner"), false)).toEqual([]);
    expect(participantWarnings(people("coordinator", "commissioner"), false).map((w) => w.code)).toEqual([
      "leadershipMissing",
    ]);
    expect(participantWarnings(people("coordinator", "chiefExecutive"), false).map((w) => w.code)).toEqual([
      "politicalLeadershipMissing",
    ]);
  });

  it("[R2.7-2] judges the invited until the visit is held, then only those who attended", () => {
    const invited = [
      { role: "coordinator" as const, attended: true },
      { role: "chiefExecutive" as const, attended: false },
      { role: "boardChair" as const, attended: true },
    ];
    expect(participantWarnings(invited, false)).toEqual([]);
    const held = participantWarnings(invited, true);
    expect(held.map((w) => [w.code, w.over])).toEqual([["leadershipMissing", "attended"]]);
    expect(held[0]!.rule).toMatch(/kommundirektören/);
  });
});

describe("visits: feedback before a late only visit", () => {
  const rules = { documentTypes: ["rsa", "steeringDocument", "trainingAndExercisePlan"] as const, daysBefore: 30 };
  const period = { firstYear: 2023 };
  const none = new Set<never>();

  it("[R2.7-4] warns for a single visit in the period's third or fourth year until feedback has been sent", () => {
    const third = feedbackBeforeVisit(
      { planned: "2025-03", status: "planned" },
      { period, countedVisits: 1, sentFeedback: none },
      rules,
    );
    expect(third).toEqual({ missing: ["rsa", "steeringDocument", "trainingAndExercisePlan"], dueOn: "2025-01-30" });
    const partly = feedbackBeforeVisit(
      { planned: "2026-05-20", status: "planned" },
      { period, countedVisits: 1, sentFeedback: new Set(["rsa", "steeringDocument"]) },
      rules,
    );
    expect(partly).toEqual({ missing: ["trainingAndExercisePlan"], dueOn: "2026-04-20" });
    const all = new Set(["rsa", "steeringDocument", "trainingAndExercisePlan"] as const);
    expect(
      feedbackBeforeVisit(
        { planned: "2026-05", status: "planned" },
        { period, countedVisits: 1, sentFeedback: all },
        rules,
      ),
    ).toBeNull();
  });

  it("[R2.7-4] no warning in the second year, with two visits, or once the visit is held or cancelled", () => {
    const facts = { period, countedVisits: 1, sentFeedback: none };
    expect(feedbackBeforeVisit({ planned: "2024-12", status: "planned" }, facts, rules)).toBeNull();
    expect(feedbackBeforeVisit({ planned: "2025-01", status: "planned" }, facts, rules)).not.toBeNull();
    expect(
      feedbackBeforeVisit({ planned: "2025-03", status: "planned" }, { ...facts, countedVisits: 2 }, rules),
    ).toBeNull();
    expect(feedbackBeforeVisit({ planned: "2025-03", status: "held" }, facts, rules)).toBeNull();
    expect(feedbackBeforeVisit({ planned: "2025-03", status: "cancelled" }, facts, rules)).toBeNull();
  });
});
