import {
  type NationalRules,
  type MandatePeriod,
  NationalRules as RulesSchema,
  documentRulesDate,
  nationalDocumentType,
  nationalPeriodOn,
  nationalPeriods,
  ruleVersionOn,
} from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { AppError } from "../../platform/errors.js";
import { type NationalRuleVersionRow, findVersions } from "./repository.js";

export interface EffectiveRules {
  id: string;
  /** The version's optimistic-locking counter (every edit raises it). */
  version: number;
  appliesFrom: string;
  rules: NationalRules;
}

/**
 * The national rules as the server's rules read them: load the versions once (per request or job), then ask for
 * the version in force on a date. No constant decides a national value; callers ask `on(date)`.
 */
export interface NationalRulesReader {
  versions(): Promise<NationalRuleVersionRow[]>;
  /** The version in force on a Stockholm calendar date; before the first version, the first one. */
  on(date: string): Promise<EffectiveRules>;
  /** The version that decides a period's required documents (in force on 1 January of its first year). */
  forPeriod(period: Pick<MandatePeriod, "firstYear">): Promise<EffectiveRules>;
}

export function nationalRulesReader(db: Executor): NationalRulesReader {
  let loaded: Promise<NationalRuleVersionRow[]> | undefined;
  const versions = () => (loaded ??= findVersions(db));
  const on = async (date: string): Promise<EffectiveRules> => {
    const all = await versions();
    const found = ruleVersionOn(all, date) ?? all[0];
    if (!found) throw new AppError(500, "internal", "De nationella reglerna saknas i databasen.");
    return {
      id: found.id,
      version: found.version,
      appliesFrom: found.appliesFrom,
      rules: RulesSchema.parse(found.rules),
    };
  };
  return { versions, on, forPeriod: (period) => on(documentRulesDate(period)) };
}

/** The document types of a period as rows for the document rules: names, decision level, deadline, feedback. */
export async function documentTypesOfPeriod(reader: NationalRulesReader, period: Pick<MandatePeriod, "firstYear">) {
  const { rules } = await reader.forPeriod(period);
  return [...rules.documentTypes]
    .sort((a, b) => a.position - b.position)
    .map((t) => ({
      id: t.id,
      name: t.name,
      nameEn: t.nameEn,
      requiredLevel: t.requiredDecisionLevel,
      deadline: t.deadline,
      feedbackExpected: t.feedbackExpected,
      position: t.position,
    }));
}
export type PeriodDocumentType = Awaited<ReturnType<typeof documentTypesOfPeriod>>[number];

export { nationalDocumentType, nationalPeriodOn, nationalPeriods };

/** The rules in force on a day, the current period by them, and that period's document types. */
export async function rulesToday(reader: NationalRulesReader, today: string) {
  const { rules } = await reader.on(today);
  const period = nationalPeriodOn(rules, today);
  const types = await documentTypesOfPeriod(reader, period);
  return { rules, period, types };
}

/** The document types whose documents expect written feedback (R2.3-3), by the rules in force on the day. */
export async function feedbackExpectedTypeIds(reader: NationalRulesReader, today: string): Promise<string[]> {
  const { rules } = await reader.on(today);
  return rules.documentTypes.filter((t) => t.feedbackExpected).map((t) => t.id);
}
