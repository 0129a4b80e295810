import {
  SUPPORT_NEED_RULES,
  type DecisionBody,
  type DocumentTypeId,
  type NationalCostCategory,
  type NationalRuleVersion,
  type NationalRuleVersionInput,
  type NationalRules,
  type SupportNeedRule,
} from "@uppsikt/core";

/** A number field's value: Mantine's NumberInput gives a number, or a string while empty or half typed. */
export type Num = number | string;

type Kind = "years" | "integer" | "share" | "monthDay" | "cutOff" | "types" | "boolean" | "weights";

/** The rules that are one value with its source (everything but the lists of document types, sections and costs). */
export type SourcedKey = Exclude<keyof NationalRules, "documentTypes" | "costCategories" | "rsaDisposition">;

/** How each sourced rule is edited, in the order the form shows them. */
export const VALUE_KINDS = {
  electionYears: "years",
  periodLength: "integer",
  feedbackWaitDays: "integer",
  lateVisitFeedbackDays: "integer",
  firstVisitDocumentTypes: "types",
  lateVisitFeedbackDocumentTypes: "types",
  factualReviewReplyDays: "integer",
  verificationAfterReportedDoneDays: "integer",
  largeSavingsShare: "share",
  savingsPlanTolerance: "share",
  savingsPlanDueDays: "integer",
  annualReportDeadline: "monthDay",
  annualReportCompletionDays: "integer",
  annualReportReviewDays: "integer",
  countyForwardingDeadline: "monthDay",
  agencyDecisionDays: "integer",
  paymentStopCutOff: "cutOff",
  appealWeeks: "integer",
  overdueActionsForGround: "integer",
  supportNeedWeights: "weights",
  limitedInvestmentsAllowed: "boolean",
} as const satisfies Record<SourcedKey, Kind>;

export const SOURCED_KEYS = Object.keys(VALUE_KINDS) as SourcedKey[];

interface FormValueOfKind {
  /** The years as typed: "2022, 2026". */
  years: string;
  integer: Num;
  share: Num;
  monthDay: { month: Num; day: Num };
  /** A cut-off day and whether the day itself counts as before it. */
  cutOff: { month: Num; day: Num; inclusive: boolean };
  types: string[];
  boolean: boolean;
  /** One weight per reason on the list of municipalities that may need support (R2.4-3). */
  weights: Record<SupportNeedRule, Num>;
}

export interface SourcedValues<V> {
  value: V;
  source: string;
  unverified: boolean;
}

export type SourcedForm = { [K in SourcedKey]: SourcedValues<FormValueOfKind[(typeof VALUE_KINDS)[K]]> };

export interface DocumentTypeValues {
  id: DocumentTypeId;
  name: string;
  nameEn: string;
  position: number;
  /** "" when the municipality chooses the level (the RSA report). */
  requiredDecisionLevel: DecisionBody | "";
  deadline: { yearOfPeriod: Num; month: Num; day: Num; measuredFrom: "decided" | "received" };
  feedbackExpected: boolean;
  source: string;
  unverified: boolean;
}

export interface RsaSectionValues {
  /** React's key for the row (not sent). */
  key: string;
  position: Num;
  title: string;
  /** The keywords as typed: "risk, sårbarhet". */
  keywords: string;
  required: boolean;
  verified: boolean;
}

export interface CostCategoryValues {
  key: string;
  code: string;
  name: string;
  nameEn: string;
  eligibility: NationalCostCategory["eligibility"];
  rule: string;
  source: string;
  unverified: boolean;
}

export interface RulesFormValues {
  [key: string]: unknown;
  appliesFrom: string;
  sourceTitle: string;
  sourceDnr: string;
  rules: SourcedForm & {
    documentTypes: DocumentTypeValues[];
    rsaDisposition: { sections: RsaSectionValues[]; source: string; unverified: boolean };
    costCategories: { instructions: string; example: boolean; items: CostCategoryValues[] };
  };
}

let counter = 0;
export const rowKey = () => `row-${++counter}`;

const formValue = (kind: Kind, value: unknown): unknown => {
  switch (kind) {
    case "years":
      return (value as number[]).join(", ");
    case "monthDay":
      return { ...(value as { month: number; day: number }) };
    case "cutOff": {
      const d = value as { month: number; day: number; inclusive?: boolean };
      return { month: d.month, day: d.day, inclusive: d.inclusive ?? true };
    }
    case "types":
      return [...(value as string[])];
    case "weights": {
      const w = value as Partial<Record<SupportNeedRule, number>>;
      // A reason the version has no weight for starts empty (the contract then asks for it).
      return Object.fromEntries(SUPPORT_NEED_RULES.map((rule) => [rule, w[rule] ?? ""]));
    }
    default:
      return value;
  }
};

/** The form's values for a new version: a copy of `version`'s rules and source, with no date yet. */
export function rulesFormValues(version: NationalRuleVersion): RulesFormValues {
  const r = version.rules;
  const sourced = Object.fromEntries(
    SOURCED_KEYS.map((key) => [
      key,
      {
        value: formValue(VALUE_KINDS[key], r[key].value),
        source: r[key].source ?? "",
        unverified: r[key].unverified,
      },
    ]),
  ) as SourcedForm;
  return {
    appliesFrom: "",
    sourceTitle: version.sourceTitle,
    sourceDnr: version.sourceDnr ?? "",
    rules: {
      ...sourced,
      documentTypes: [...r.documentTypes]
        .sort((a, b) => a.position - b.position)
        .map((d) => ({
          id: d.id,
          name: d.name,
          nameEn: d.nameEn,
          position: d.position,
          requiredDecisionLevel: d.requiredDecisionLevel ?? "",
          deadline: { ...d.deadline },
          feedbackExpected: d.feedbackExpected,
          source: d.source ?? "",
          unverified: d.unverified,
        })),
      rsaDisposition: {
        sections: [...r.rsaDisposition.sections]
          .sort((a, b) => a.position - b.position)
          .map((s) => ({
            key: rowKey(),
            position: s.position,
            title: s.title,
            keywords: s.keywords.join(", "),
            required: s.required,
            verified: s.verified,
          })),
        source: r.rsaDisposition.source ?? "",
        unverified: r.rsaDisposition.unverified,
      },
      costCategories: {
        instructions: r.costCategories.instructions,
        example: r.costCategories.example,
        items: r.costCategories.items.map((c) => ({
          key: rowKey(),
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          eligibility: c.eligibility,
          rule: c.rule,
          source: c.source ?? "",
          unverified: c.unverified,
        })),
      },
    },
  };
}

/** A typed number, or undefined when empty (the contract says "Fältet måste fyllas i"); NaN when it is no number. */
export const numberOf = (v: Num): number | undefined => {
  if (typeof v === "number") return v;
  const text = v.trim().replace(",", ".");
  return text === "" ? undefined : Number(text);
};

const sourceOf = (source: string) => source.trim() || undefined;

const list = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const bodyValue = (kind: Kind, value: unknown): unknown => {
  switch (kind) {
    case "years":
      return list(value as string).map((y) => numberOf(y) ?? Number.NaN);
    case "integer":
    case "share":
      return numberOf(value as Num);
    case "monthDay": {
      const d = value as { month: Num; day: Num };
      return { month: numberOf(d.month), day: numberOf(d.day) };
    }
    case "cutOff": {
      const d = value as { month: Num; day: Num; inclusive: boolean };
      return { month: numberOf(d.month), day: numberOf(d.day), inclusive: d.inclusive };
    }
    case "weights": {
      const w = value as Record<SupportNeedRule, Num>;
      return Object.fromEntries(SUPPORT_NEED_RULES.map((rule) => [rule, numberOf(w[rule])]));
    }
    default:
      return value;
  }
};

/** The request body (`NationalRuleVersionInput`, POST /api/v1/national-rules) from the form's values. */
export function rulesVersionBody(values: RulesFormValues): NationalRuleVersionInput {
  const r = values.rules;
  const sourced = Object.fromEntries(
    SOURCED_KEYS.map((key) => [
      key,
      {
        value: bodyValue(VALUE_KINDS[key], r[key].value),
        source: sourceOf(r[key].source),
        unverified: r[key].unverified,
      },
    ]),
  );
  return {
    appliesFrom: values.appliesFrom,
    sourceTitle: values.sourceTitle,
    sourceDnr: values.sourceDnr.trim() || null,
    rules: {
      ...sourced,
      documentTypes: r.documentTypes.map((d) => ({
        id: d.id,
        name: d.name,
        nameEn: d.nameEn,
        requiredDecisionLevel: d.requiredDecisionLevel || null,
        deadline: {
          yearOfPeriod: numberOf(d.deadline.yearOfPeriod),
          month: numberOf(d.deadline.month),
          day: numberOf(d.deadline.day),
          measuredFrom: d.deadline.measuredFrom,
        },
        feedbackExpected: d.feedbackExpected,
        position: d.position,
        source: sourceOf(d.source),
        unverified: d.unverified,
      })),
      rsaDisposition: {
        sections: r.rsaDisposition.sections.map((s) => ({
          position: numberOf(s.position),
          title: s.title,
          keywords: list(s.keywords),
          required: s.required,
          verified: s.verified,
        })),
        source: sourceOf(r.rsaDisposition.source),
        unverified: r.rsaDisposition.unverified,
      },
      costCategories: {
        instructions: r.costCategories.instructions,
        example: r.costCategories.example,
        items: r.costCategories.items.map((c) => ({
          code: c.code.trim(),
          name: c.name,
          nameEn: c.nameEn,
          eligibility: c.eligibility,
          rule: c.rule,
          source: sourceOf(c.source),
          unverified: c.unverified,
        })),
      },
    },
  } as NationalRuleVersionInput;
}

const LIST_VALUES = new Set<string>(SOURCED_KEYS.filter((k) => VALUE_KINDS[k] === "types"));
const MONTH_DAYS = new Set<string>(
  SOURCED_KEYS.filter((k) => VALUE_KINDS[k] === "monthDay" || VALUE_KINDS[k] === "cutOff"),
);
const WHOLE_LISTS = new Set(["rules.documentTypes", "rules.rsaDisposition.sections", "rules.costCategories.items"]);

/**
 * The form's field for a contract path the names do not match: a rule on a whole list goes to the form, a day that
 * is not in its month to the day, a wrong document type to its list of choices.
 */
export function rulesFieldFor(path: string): string | undefined {
  if (WHOLE_LISTS.has(path)) return "form";
  const parts = path.split(".");
  if (parts[0] !== "rules") return undefined;
  const key = parts[1] ?? "";
  if (LIST_VALUES.has(key) && parts[2] === "value") return `rules.${key}.value`;
  if (MONTH_DAYS.has(key) && parts[2] === "value" && parts.length === 3) return `rules.${key}.value.day`;
  if (key === "documentTypes" && parts[3] === "deadline" && parts.length === 4) return `${path}.day`;
  return undefined;
}
