import { NationalRuleVersionInput, type NationalRuleVersion, type NationalRules } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { contractErrors } from "../../forms/contractErrors";
import { rulesFieldFor, rulesFormValues, rulesVersionBody } from "./rulesForm";

const src = { source: "Överenskommelse 2023, dnr MSB 2023-01234", unverified: false };
const rules: NationalRules = {
  documentTypes: [
    {
      id: "steeringDocument",
      name: "Styrdokument",
      nameEn: "Steering document",
      requiredDecisionLevel: "council",
      deadline: { yearOfPeriod: 1, month: 12, day: 31, measuredFrom: "decided" },
      feedbackExpected: true,
      position: 2,
      unverified: true,
    },
    {
      id: "rsa",
      name: "Risk- och sårbarhetsanalys",
      nameEn: "Risk and vulnerability analysis",
      requiredDecisionLevel: null,
      deadline: { yearOfPeriod: 1, month: 10, day: 31, measuredFrom: "received" },
      feedbackExpected: true,
      position: 1,
      ...src,
    },
  ],
  electionYears: { value: [2018, 2022, 2026], ...src },
  periodLength: { value: 4, ...src },
  feedbackWaitDays: { value: 60, ...src },
  lateVisitFeedbackDays: { value: 30, unverified: true },
  firstVisitDocumentTypes: { value: ["rsa"], ...src },
  lateVisitFeedbackDocumentTypes: { value: ["rsa", "steeringDocument"], ...src },
  factualReviewReplyDays: { value: 21, ...src },
  verificationAfterReportedDoneDays: { value: 30, ...src },
  largeSavingsShare: { value: 0.5, ...src },
  savingsPlanTolerance: { value: 0.1, ...src },
  savingsPlanDueDays: { value: 90, ...src },
  annualReportDeadline: { value: { month: 3, day: 31 }, ...src },
  annualReportCompletionDays: { value: 30, ...src },
  annualReportReviewDays: { value: 45, unverified: true },
  countyForwardingDeadline: { value: { month: 4, day: 15 }, ...src },
  agencyDecisionDays: { value: 60, ...src },
  paymentStopCutOff: { value: { month: 4, day: 30, inclusive: true }, ...src },
  appealWeeks: { value: 3, ...src },
  overdueActionsForGround: { value: 2, ...src },
  supportNeedWeights: {
    value: {
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
    },
    unverified: true,
  },
  limitedInvestmentsAllowed: { value: true, unverified: true },
  costCategories: {
    instructions: "Anvisningar 2019, dnr MSB 2019-00001",
    example: true,
    items: [
      {
        code: "staff",
        name: "Personal",
        nameEn: "Staff",
        eligibility: "eligible",
        rule: "Lön för samordnaren.",
        ...src,
      },
    ],
  },
  rsaDisposition: {
    sections: [
      {
        position: 2,
        title: "Identifierad samhällsviktig verksamhet",
        keywords: ["samhällsviktig"],
        required: true,
        verified: true,
      },
      {
        position: 1,
        title: "Beskrivning av kommunen",
        keywords: ["beskrivning", "kommunen"],
        required: true,
        verified: false,
      },
    ],
    unverified: true,
  },
};
const version: NationalRuleVersion = {
  id: "00000000-0000-4000-8000-000000000001",
  appliesFrom: "2023-01-01",
  sourceTitle: "Överenskommelse om kommunernas krisberedskap 2023",
  sourceDnr: null,
  rules,
  version: 1,
  inForce: true,
  upcoming: false,
  createdAt: "2023-01-01T00:00:00Z",
  createdBy: null,
};

describe("national rules form → contract body", () => {
  it("[R1-2] an unchanged copy with a new date gives the version's own rules back", () => {
    const values = { ...rulesFormValues(version), appliesFrom: "2027-01-01" };
    const checked = contractErrors(NationalRuleVersionInput, rulesVersionBody(values));
    expect(checked.success).toBe(true);
    if (!checked.success) return;
    const sortedTypes = [...rules.documentTypes].sort((a, b) => a.position - b.position);
    const sortedSections = [...rules.rsaDisposition.sections].sort((a, b) => a.position - b.position);
    expect(checked.data).toEqual({
      appliesFrom: "2027-01-01",
      sourceTitle: version.sourceTitle,
      sourceDnr: null,
      rules: {
        ...rules,
        documentTypes: sortedTypes,
        rsaDisposition: { ...rules.rsaDisposition, sections: sortedSections },
      },
    });
  });

  it("[R1-2] maps typed text: years and keywords as lists, numbers with a comma, empty source and level", () => {
    const values = rulesFormValues(version);
    values.appliesFrom = "2027-01-01";
    values.sourceDnr = "  MSB 2026-0042 ";
    values.rules.electionYears.value = "2022, 2026; 2030";
    values.rules.largeSavingsShare.value = "0,4";
    values.rules.feedbackWaitDays = { value: 45, source: "  ", unverified: true };
    values.rules.annualReportDeadline.value = { month: "2", day: 28 };
    values.rules.documentTypes[1]!.requiredDecisionLevel = "";
    values.rules.documentTypes[1]!.deadline.day = "30";
    values.rules.rsaDisposition.sections[0]!.keywords = "Beskrivning ,, kommunen";
    const body = rulesVersionBody(values);
    expect(body.sourceDnr).toBe("MSB 2026-0042");
    expect(body.rules.electionYears.value).toEqual([2022, 2026, 2030]);
    expect(body.rules.largeSavingsShare.value).toBe(0.4);
    expect(body.rules.feedbackWaitDays).toEqual({ value: 45, source: undefined, unverified: true });
    expect(body.rules.annualReportDeadline.value).toEqual({ month: 2, day: 28 });
    expect(body.rules.documentTypes[1]).toMatchObject({ id: "steeringDocument", requiredDecisionLevel: null });
    expect(body.rules.documentTypes[1]!.deadline.day).toBe(30);
    const checked = contractErrors(NationalRuleVersionInput, body);
    expect(checked.success).toBe(true);
    if (checked.success)
      expect(checked.data.rules.rsaDisposition.sections[0]!.keywords).toEqual(["beskrivning", "kommunen"]);
  });

  it("[R3.3-2] the payment cut-off: month and day as typed, and whether the day itself counts as before", () => {
    const values = rulesFormValues(version);
    values.appliesFrom = "2027-01-01";
    expect(values.rules.paymentStopCutOff.value).toEqual({ month: 4, day: 30, inclusive: true });
    values.rules.paymentStopCutOff.value = { month: "5", day: "1", inclusive: false };
    const body = rulesVersionBody(values);
    expect(body.rules.paymentStopCutOff.value).toEqual({ month: 5, day: 1, inclusive: false });
    const checked = contractErrors(NationalRuleVersionInput, body);
    expect(checked.success).toBe(true);
    if (checked.success) expect(checked.data.rules.paymentStopCutOff.value.inclusive).toBe(false);
  });

  it("[R1-2] empty and impossible values are refused on their own fields, in Swedish", () => {
    const values = rulesFormValues(version);
    values.rules.periodLength.value = "";
    values.rules.appealWeeks.source = "";
    values.rules.paymentStopCutOff.value = { month: 2, day: 30, inclusive: true };
    values.rules.documentTypes[0]!.deadline = { yearOfPeriod: 1, month: 2, day: 31, measuredFrom: "received" };
    const checked = contractErrors(NationalRuleVersionInput, rulesVersionBody(values));
    expect(checked.success).toBe(false);
    if (checked.success) return;
    expect(checked.errors["rules.periodLength.value"]).toBe("Fältet måste fyllas i.");
    expect(checked.errors["rules.appealWeeks.source"]).toBe(
      "Ange källan eller markera värdet som ej verifierat (unverified: true).",
    );
    expect(checked.errors["rules.paymentStopCutOff.value"]).toBe("Dagen finns inte i månaden.");
    expect(rulesFieldFor("rules.paymentStopCutOff.value")).toBe("rules.paymentStopCutOff.value.day");
    expect(checked.errors["rules.documentTypes.0.deadline"]).toBe("Dagen finns inte i månaden.");
    expect(rulesFieldFor("rules.documentTypes.0.deadline")).toBe("rules.documentTypes.0.deadline.day");
    expect(checked.errors.appliesFrom).toBeDefined();
    expect(rulesFieldFor("rules.firstVisitDocumentTypes.value.0")).toBe("rules.firstVisitDocumentTypes.value");
    expect(rulesFieldFor("rules.costCategories.items")).toBe("form");
    expect(rulesFieldFor("rules.periodLength.value")).toBeUndefined();
  });

  it("[R2.4-3] the support list's weights: one number per reason, typed with a comma; an empty one is refused", () => {
    const values = rulesFormValues(version);
    values.appliesFrom = "2027-01-01";
    expect(Object.keys(values.rules.supportNeedWeights.value)).toHaveLength(10);
    values.rules.supportNeedWeights.value.warningAnswer = "1,5";
    values.rules.annualReportReviewDays.value = "30";
    const body = rulesVersionBody(values);
    expect(body.rules.supportNeedWeights.value).toMatchObject({ warningAnswer: 1.5, annualReportMissing: 5 });
    expect(body.rules.annualReportReviewDays.value).toBe(30);
    expect(contractErrors(NationalRuleVersionInput, body).success).toBe(true);

    values.rules.supportNeedWeights.value.largeSavings = "";
    values.rules.annualReportCompletionDays.value = "";
    const checked = contractErrors(NationalRuleVersionInput, rulesVersionBody(values));
    expect(checked.success).toBe(false);
    if (checked.success) return;
    expect(checked.errors["rules.supportNeedWeights.value.largeSavings"]).toBeDefined();
    expect(checked.errors["rules.annualReportCompletionDays.value"]).toBe("Fältet måste fyllas i.");
  });
});
