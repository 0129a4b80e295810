import {
  type CaseForCompensation,
  type EffectOfReceipt,
  type ReductionCaseStatusCode,
  type ReductionOutcomeCode,
  decisionDueOn,
  effectOfReceipt,
  lastAppealDay,
  legallyFinalOn,
  outcomesFor,
  reductionCaseStatus,
} from "@uppsikt/core";
import type { NationalRulesReader } from "../national-rules/rules-on.js";
import { isNonWorkingDay } from "./holidays.js";
import type { CaseRow } from "./repository.js";

/*
 * What core's rules make of a case on a day, with the national values in force: the cut-off (in force on the day
 * received), the days to decide (likewise) and the weeks to appeal (in force on the day notified).
 */

export interface CaseFacts {
  effect: EffectOfReceipt;
  rule: { cutOffOn: string; inclusive: boolean; text: string; source: string | null; unverified: boolean };
  allowedOutcomes: ReductionOutcomeCode[];
  decisionDueOn: string;
  lastAppealDay: string | null;
  legallyFinalOn: string | null;
  status: ReductionCaseStatusCode;
  forCompensation: CaseForCompensation;
}

type CaseDates = Pick<
  CaseRow,
  "receivedOn" | "outcome" | "decidedOn" | "notifiedOn" | "appealLodgedOn" | "appealDecidedOn" | "partAmounts"
>;

export async function factsOf(reader: NationalRulesReader, c: CaseDates, today: string): Promise<CaseFacts> {
  const { rules } = await reader.on(c.receivedOn);
  const cutOff = rules.paymentStopCutOff;
  const effect = effectOfReceipt(c.receivedOn, cutOff.value);
  const appealWeeks = c.notifiedOn ? (await reader.on(c.notifiedOn)).rules.appealWeeks.value : null;
  const last = c.notifiedOn && appealWeeks !== null ? lastAppealDay(c.notifiedOn, appealWeeks, isNonWorkingDay) : null;
  const outcome = (c.outcome as ReductionOutcomeCode | null) ?? null;
  const finality = {
    notifiedOn: c.notifiedOn,
    lastAppealDay: last,
    appealLodgedOn: c.appealLodgedOn,
    appealDecidedOn: c.appealDecidedOn,
  };
  return {
    effect,
    rule: {
      cutOffOn: effect.cutOffOn,
      inclusive: cutOff.value.inclusive,
      text: effect.rule,
      source: cutOff.source ?? null,
      unverified: cutOff.unverified,
    },
    allowedOutcomes: [...outcomesFor(effect.effect)],
    decisionDueOn: decisionDueOn(c.receivedOn, rules.agencyDecisionDays.value),
    lastAppealDay: last,
    legallyFinalOn: outcome === null ? null : legallyFinalOn(finality),
    status: reductionCaseStatus({ ...finality, outcome }, today),
    forCompensation: {
      ...finality,
      receivedOn: c.receivedOn,
      effect: effect.effect,
      outcome,
      decidedOn: c.decidedOn,
      parts: c.partAmounts,
    },
  };
}
