import type { DecisionBody, DocumentTypeId } from "../contracts/documents.js";

/**
 * `reportedByOct31`: reported to the county by 31 October of the period's first year; lateness counts from the received date.
 * `decidedByDec31`: decided by 31 December of the period's first year; lateness counts from the decision date.
 */
export type DeadlineRule = "reportedByOct31" | "decidedByDec31";

export interface DocumentTypeRule {
  id: DocumentTypeId;
  name: string;
  nameEn: string;
  requiredLevel: DecisionBody | null;
  deadlineRule: DeadlineRule;
  /** Written feedback is expected on it (R2.3-3). */
  feedbackExpected: boolean;
  position: number;
}

/** Table 2.2 of the guidance; seeded as national reference data. */
export const DOCUMENT_TYPES: DocumentTypeRule[] = [
  {
    id: "rsa",
    name: "Risk- och sårbarhetsanalys (RSA)",
    nameEn: "Risk and vulnerability analysis (RSA)",
    requiredLevel: null,
    deadlineRule: "reportedByOct31",
    feedbackExpected: true,
    position: 1,
  },
  {
    id: "steeringDocument",
    name: "Styrdokument för krisberedskap",
    nameEn: "Steering document for crisis preparedness",
    requiredLevel: "council",
    deadlineRule: "decidedByDec31",
    feedbackExpected: true,
    position: 2,
  },
  {
    id: "crisisBoardRules",
    name: "Reglemente för krisledningsnämnden",
    nameEn: "Rules for the crisis management board",
    requiredLevel: "council",
    deadlineRule: "decidedByDec31",
    feedbackExpected: false,
    position: 3,
  },
  {
    id: "emergencyPlan",
    name: "Plan för hantering av extraordinära händelser",
    nameEn: "Plan for handling extraordinary events",
    requiredLevel: "chiefExecutive",
    deadlineRule: "decidedByDec31",
    feedbackExpected: false,
    position: 4,
  },
  {
    id: "trainingAndExercisePlan",
    name: "Utbildnings- och övningsplan",
    nameEn: "Training and exercise plan",
    requiredLevel: "chiefExecutive",
    deadlineRule: "decidedByDec31",
    feedbackExpected: true,
    position: 5,
  },
];
