import type { CriterionTier } from "../contracts/criteria.js";

/*
 * The assessment of a visit (R2.8-1), kept apart for the two agreement areas (R2.1-2): for crisis preparedness
 * *has the task been performed*, for civil defence *has work on the prioritised tasks started*.
 */

export const AGREEMENT_AREAS = ["crisisPreparedness", "civilDefence"] as const;
type AgreementArea = (typeof AGREEMENT_AREAS)[number];

/** A criterion's result on the common scale of its area's agreement area. */
export const CRITERION_RESULTS = {
  crisisPreparedness: ["met", "partlyMet", "notMet", "notAssessed"],
  civilDefence: ["started", "notStarted", "notAssessed"],
} as const;
export type CrisisCriterionResult = (typeof CRITERION_RESULTS.crisisPreparedness)[number];
export type CivilCriterionResult = (typeof CRITERION_RESULTS.civilDefence)[number];
export type CriterionResult = CrisisCriterionResult | CivilCriterionResult;

/** An area's (or the overall) result: civil defence adds `partlyStarted`. */
export const AREA_RESULTS = {
  crisisPreparedness: ["met", "partlyMet", "notMet", "notAssessed"],
  civilDefence: ["started", "partlyStarted", "notStarted", "notAssessed"],
} as const;
export type AreaResult = (typeof AREA_RESULTS.crisisPreparedness)[number] | (typeof AREA_RESULTS.civilDefence)[number];

export const isCriterionResultOf = (agreementArea: AgreementArea, result: string): result is CriterionResult =>
  (CRITERION_RESULTS[agreementArea] as readonly string[]).includes(result);
export const isAreaResultOf = (agreementArea: AgreementArea, result: string): result is AreaResult =>
  (AREA_RESULTS[agreementArea] as readonly string[]).includes(result);

const SCALE = {
  crisisPreparedness: { full: "met", partly: "partlyMet", failed: "notMet" },
  civilDefence: { full: "started", partly: "partlyStarted", failed: "notStarted" },
} as const;

/**
 * One rule for an area and for the overall result. Left out: `notAssessed`. None left → `notAssessed`; a failed
 * basic requirement, or every one failed → failed (`notMet` / `notStarted`); every one in full → in full (`met` /
 * `started`); otherwise partly (`partlyMet` / `partlyStarted`).
 */
function combine(agreementArea: AgreementArea, results: ReadonlyArray<{ result: string; basic: boolean }>): AreaResult {
  const { full, partly, failed } = SCALE[agreementArea];
  const assessed = results.filter((r) => r.result !== "notAssessed");
  if (assessed.length === 0) return "notAssessed";
  if (assessed.some((r) => r.basic && r.result === failed) || assessed.every((r) => r.result === failed)) return failed;
  if (assessed.every((r) => r.result === full)) return full;
  return partly;
}

/** An area's computed result from its criteria's results. */
export function areaResult(
  agreementArea: AgreementArea,
  items: ReadonlyArray<{ tier: CriterionTier; result: CriterionResult }>,
): AreaResult {
  return combine(
    agreementArea,
    items.map((i) => ({ result: i.result, basic: i.tier === "basic" })),
  );
}

/** The overall result of one agreement area from its areas' results (after any override): a failed area counts as a
 * failed basic requirement, `notAssessed` areas are left out. */
export function overallResult(agreementArea: AgreementArea, areaResults: readonly AreaResult[]): AreaResult {
  return combine(
    agreementArea,
    areaResults.map((result) => ({ result, basic: true })),
  );
}

export interface AssessmentArea {
  code: string;
  agreementArea: AgreementArea;
  items: ReadonlyArray<{ tier: CriterionTier; result: CriterionResult }>;
}
export interface AssessmentOverride {
  /** An area's code, or none with `agreementArea` for the overall result. */
  area?: string;
  agreementArea?: AgreementArea;
  result: AreaResult;
  reason: string;
}
export interface ComputedResult {
  computed: AreaResult;
  /** The override's result, else the computed one. */
  result: AreaResult;
  /** Why the officer overrode the computed result; null when not overridden. */
  reason: string | null;
}
export interface VisitAssessmentResult {
  areas: Array<{ area: string; agreementArea: AgreementArea } & ComputedResult>;
  overall: Record<AgreementArea, ComputedResult>;
}

const apply = (computed: AreaResult, override: AssessmentOverride | undefined): ComputedResult =>
  override
    ? { computed, result: override.result, reason: override.reason }
    : { computed, result: computed, reason: null };

/** Every area's result and the overall result per agreement area, with the officer's overrides applied (R2.8-1). */
export function assessVisit(
  areas: readonly AssessmentArea[],
  overrides: readonly AssessmentOverride[] = [],
): VisitAssessmentResult {
  const resultAreas = areas.map((a) => ({
    area: a.code,
    agreementArea: a.agreementArea,
    ...apply(
      areaResult(a.agreementArea, a.items),
      overrides.find((o) => o.area === a.code),
    ),
  }));
  const overall = Object.fromEntries(
    AGREEMENT_AREAS.map((agreementArea) => [
      agreementArea,
      apply(
        overallResult(
          agreementArea,
          resultAreas.filter((a) => a.agreementArea === agreementArea).map((a) => a.result),
        ),
        overrides.find((o) => o.area === undefined && o.agreementArea === agreementArea),
      ),
    ]),
  ) as Record<AgreementArea, ComputedResult>;
  return { areas: resultAreas, overall };
}
