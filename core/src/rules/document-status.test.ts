import { describe, expect, it } from "vitest";
import { isBelowRequiredLevel } from "./decision-levels.js";
import type { DecisionBody, DocumentDeadline, DocumentTypeId } from "../contracts/documents.js";
import { assessDocument, documentDeadline, documentWatchDate, isDocumentMissing, isLate } from "./document-status.js";
import type { MandatePeriod } from "./periods.js";

const periodFromElectionYear = (e: number): MandatePeriod => ({
  id: e + 1,
  firstYear: e + 1,
  lastYear: e + 4,
  electionYear: e,
});

/* The 2019 national rules (table 2.2 of the guidance); the server's defaults hold them as data with their source. */
const byOct31: DocumentDeadline = { yearOfPeriod: 1, month: 10, day: 31, measuredFrom: "received" };
const byDec31: DocumentDeadline = { yearOfPeriod: 1, month: 12, day: 31, measuredFrom: "decided" };
const TYPES: Record<DocumentTypeId, { requiredLevel: DecisionBody | null; deadlineRule: DocumentDeadline }> = {
  rsa: { requiredLevel: null, deadlineRule: byOct31 },
  steeringDocument: { requiredLevel: "council", deadlineRule: byDec31 },
  crisisBoardRules: { requiredLevel: "council", deadlineRule: byDec31 },
  emergencyPlan: { requiredLevel: "chiefExecutive", deadlineRule: byDec31 },
  trainingAndExercisePlan: { requiredLevel: "chiefExecutive", deadlineRule: byDec31 },
};
const type = (id: DocumentTypeId) => TYPES[id];
const p2023 = periodFromElectionYear(2022);
const p2027 = periodFromElectionYear(2026);
const version = (over: Partial<Parameters<typeof assessDocument>[3] & object> = {}) => ({
  status: "received" as const,
  decidedBy: "council" as const,
  decidedOn: "2023-06-01",
  receivedOn: "2023-06-05",
  ...over,
});

describe("required documents: deadlines", () => {
  it("[R2.2-1] computes deadlines from the period: RSA 31 October, the others 31 December of the first year", () => {
    expect(documentDeadline(byOct31, p2023)).toBe("2023-10-31");
    expect(documentDeadline(byDec31, p2023)).toBe("2023-12-31");
    expect(documentDeadline(byOct31, p2027)).toBe("2027-10-31");
  });
});

describe("required documents: status and flags", () => {
  it("[R2.2-2] with no version: notYetDue up to and including the deadline, then missing", () => {
    expect(assessDocument(type("rsa"), p2023, "2023-10-31", null)).toMatchObject({ status: "notYetDue", flags: [] });
    expect(assessDocument(type("rsa"), p2023, "2023-11-01", null)).toMatchObject({
      status: "missing",
      flags: ["missing"],
    });
    expect(assessDocument(type("emergencyPlan"), p2023, "2023-12-31", null).status).toBe("notYetDue");
    expect(assessDocument(type("emergencyPlan"), p2023, "2024-01-01", null).status).toBe("missing");
  });

  it("[R2.2-2] RSA lateness counts from the received date; a deadline day is in time", () => {
    expect(
      assessDocument(type("rsa"), p2023, "2024-03-01", version({ receivedOn: "2023-10-31", decidedOn: "2023-11-15" }))
        .flags,
    ).toEqual([]);
    expect(
      assessDocument(type("rsa"), p2023, "2024-03-01", version({ receivedOn: "2023-11-01", decidedOn: "2023-09-01" }))
        .flags,
    ).toEqual(["late"]);
  });

  it("[R2.2-2] other documents' lateness counts from the decision date", () => {
    const t = type("steeringDocument");
    expect(
      assessDocument(t, p2023, "2024-03-01", version({ decidedOn: "2023-12-31", receivedOn: "2024-02-01" })).flags,
    ).toEqual([]);
    const late = assessDocument(t, p2023, "2024-03-01", version({ decidedOn: "2024-01-01", receivedOn: "2024-01-02" }));
    expect(late.flags).toEqual(["late"]);
    expect(late.checks.find((c) => c.flag === "late")).toMatchObject({
      raised: true,
      inputs: { deadline: "2023-12-31", decidedOn: "2024-01-01" },
    });
  });

  it("[R2.2-2] flags a plan decided below kommundirektören and a styrdokument below fullmäktige", () => {
    expect(
      assessDocument(type("emergencyPlan"), p2023, "2024-01-10", version({ decidedBy: "official" })).flags,
    ).toEqual(["belowRequiredLevel"]);
    expect(
      assessDocument(type("emergencyPlan"), p2023, "2024-01-10", version({ decidedBy: "chiefExecutive" })).flags,
    ).toEqual([]);
    expect(
      assessDocument(type("steeringDocument"), p2023, "2024-01-10", version({ decidedBy: "executiveBoard" })).flags,
    ).toEqual(["belowRequiredLevel"]);
    expect(assessDocument(type("rsa"), p2023, "2024-01-10", version({ decidedBy: "official" })).flags).toEqual([]);
    expect(isBelowRequiredLevel("council", "chiefExecutive")).toBe(false);
  });

  it("[R2.2-2] the latest version's review status is the document's status", () => {
    expect(assessDocument(type("rsa"), p2023, "2024-01-10", version({ status: "supplementRequested" })).status).toBe(
      "supplementRequested",
    );
  });
});

describe("required documents: missing, late and watched, at the boundary days", () => {
  it("[R2.2-2] a document is missing from the day after its deadline, while no version has come in", () => {
    expect(isDocumentMissing({ hasVersion: false }, "2027-10-31", "2027-10-31")).toBe(false);
    expect(isDocumentMissing({ hasVersion: false }, "2027-10-31", "2027-11-01")).toBe(true);
    expect(isDocumentMissing({ hasVersion: true }, "2027-10-31", "2028-01-01")).toBe(false);
  });

  it("[R2.2-2] a version on the deadline day is in time, the day after is late", () => {
    expect(isLate("2027-12-31", "2027-12-31")).toBe(false);
    expect(isLate("2028-01-01", "2027-12-31")).toBe(true);
  });

  it("[R2.2-4] the watch follows the deadline until a date is agreed, then that date, and nothing once it has come in", () => {
    expect(documentWatchDate({ hasVersion: false, agreedDate: null }, "2027-10-31")).toEqual({
      kind: "documentDeadline",
      due: "2027-10-31",
    });
    expect(documentWatchDate({ hasVersion: false, agreedDate: "2028-03-01" }, "2027-10-31")).toEqual({
      kind: "yearTwoAgreedDate",
      due: "2028-03-01",
    });
    expect(documentWatchDate({ hasVersion: true, agreedDate: "2028-03-01" }, "2027-10-31")).toBeNull();
  });
});
