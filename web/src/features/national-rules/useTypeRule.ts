import { useQuery } from "@tanstack/react-query";
import type { DecisionBody, DocumentDeadline, DocumentTypeId } from "@uppsikt/core";
import { currentNationalRulesQuery } from "./api";

export interface TypeRule {
  requiredLevel: DecisionBody | null;
  deadline: DocumentDeadline;
  feedbackExpected: boolean;
}

/** A document type's national rule (decision level, deadline, feedback expected) from the rules in force today. */
export function useTypeRule(id: DocumentTypeId): TypeRule | undefined {
  const { data } = useQuery(currentNationalRulesQuery);
  const found = data?.rules.documentTypes.find((t) => t.id === id);
  return found
    ? { requiredLevel: found.requiredDecisionLevel, deadline: found.deadline, feedbackExpected: found.feedbackExpected }
    : undefined;
}
