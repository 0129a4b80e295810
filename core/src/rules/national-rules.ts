import type { DocumentDeadline, DocumentTypeId } from "../contracts/documents.js";
import type { MonthDay, NationalDocumentType, NationalRules } from "../contracts/national-rules.js";
import { yearOf } from "./calendar.js";
import type { MandatePeriod } from "./periods.js";

/** What `ruleVersionOn` needs of a stored version. */
export interface DatedVersion {
  appliesFrom: string;
}

/**
 * The version of the national rules in force on a Stockholm calendar date (YYYY-MM-DD): the latest version whose
 * appliesFrom is that day or earlier. undefined before the first version applies.
 */
export function ruleVersionOn<V extends DatedVersion>(versions: readonly V[], date: string): V | undefined {
  let found: V | undefined;
  for (const v of versions) {
    if (v.appliesFrom <= date && (!found || v.appliesFrom > found.appliesFrom)) found = v;
  }
  return found;
}

/**
 * The date whose rule version decides a period's required documents: 1 January of the period's first year. A
 * document's deadline and decision level are known when its period starts, so a version applying from a later day
 * (e.g. 2024-01-01, mid-period) governs the next period's documents, and the dated values (days, shares) from its day.
 */
export const documentRulesDate = (period: Pick<MandatePeriod, "firstYear">): string => `${period.firstYear}-01-01`;

const pad = (n: number) => String(n).padStart(2, "0");

/** The deadline day of a document in a period: `month`-`day` of the period's `yearOfPeriod`:th year. */
export function deadlineDate(deadline: DocumentDeadline, period: Pick<MandatePeriod, "firstYear">): string {
  return `${period.firstYear + deadline.yearOfPeriod - 1}-${pad(deadline.month)}-${pad(deadline.day)}`;
}

/** A day of the year as a date in `year`, e.g. the annual report's 15 February. */
export const monthDayIn = (d: MonthDay, year: number): string => `${year}-${pad(d.month)}-${pad(d.day)}`;

export function nationalDocumentType(rules: NationalRules, id: DocumentTypeId): NationalDocumentType | undefined {
  return rules.documentTypes.find((t) => t.id === id);
}

/** The mandate periods the rules know, one per election year. */
export function nationalPeriods(rules: Pick<NationalRules, "electionYears" | "periodLength">): MandatePeriod[] {
  const length = rules.periodLength.value;
  return rules.electionYears.value.map((electionYear) => {
    const firstYear = electionYear + 1;
    return { id: firstYear, firstYear, lastYear: firstYear + length - 1, electionYear };
  });
}

/** The period that contains a year, extrapolated from the first election year every `periodLength` years. */
export function nationalPeriodForYear(
  rules: Pick<NationalRules, "electionYears" | "periodLength">,
  year: number,
): MandatePeriod {
  const length = rules.periodLength.value;
  const known = nationalPeriods(rules).find((p) => p.firstYear <= year && year <= p.lastYear);
  if (known) return known;
  const base = rules.electionYears.value[0]! + 1;
  const firstYear = base + Math.floor((year - base) / length) * length;
  return { id: firstYear, firstYear, lastYear: firstYear + length - 1, electionYear: firstYear - 1 };
}

export const nationalPeriodOn = (rules: Pick<NationalRules, "electionYears" | "periodLength">, isoDate: string) =>
  nationalPeriodForYear(rules, yearOf(isoDate));

const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
const ORDINALS_SV = ["första", "andra", "tredje", "fjärde"];

/** A deadline in words, e.g. "31 oktober mandatperiodens första år", from the rule's data (never restated). */
export function deadlineInWords(deadline: DocumentDeadline): string {
  return `${deadline.day} ${MONTHS_SV[deadline.month - 1]} mandatperiodens ${ORDINALS_SV[deadline.yearOfPeriod - 1] ?? `${deadline.yearOfPeriod}:e`} år`;
}

/** The deadline rule in one sentence, e.g. for the matrix export's legend. */
export function deadlineRuleText(deadline: DocumentDeadline): string {
  return deadline.measuredFrom === "received"
    ? `Ska ha kommit in till länsstyrelsen senast ${deadlineInWords(deadline)}; sen räknas från inkomstdatum.`
    : `Ska vara beslutat senast ${deadlineInWords(deadline)}; sen räknas från beslutsdatum.`;
}
