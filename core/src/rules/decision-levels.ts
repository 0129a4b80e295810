import { DECISION_BODIES, type DecisionBody } from "../contracts/documents.js";

export const DECISION_BODY_LABELS: Record<DecisionBody, string> = {
  council: "Kommunfullmäktige",
  executiveBoard: "Kommunstyrelsen",
  chiefExecutive: "Kommundirektören",
  official: "Tjänsteperson",
};

export const levelRank = (body: DecisionBody): number => DECISION_BODIES.indexOf(body);

/** Whether a decision was made by a body below the required one; never when the municipality chooses. */
export function isBelowRequiredLevel(decidedBy: DecisionBody, required: DecisionBody | null): boolean {
  return required !== null && levelRank(decidedBy) < levelRank(required);
}
