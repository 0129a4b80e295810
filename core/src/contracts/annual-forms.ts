import { z } from "zod";
import { IsoDate, plain } from "./common.js";
import { PersonRef } from "./confidentiality.js";
import { Uuid, text } from "./fields.js";

/*
 * The agency's yearly form for the annual follow-up (R2.4-1). A form has four parts: indicators (MSBFS 2015:5's
 * appendix), events (händelser), activities (measures taken) and the economy. The first three are sections of
 * questions; the economy part is structured (compensation received and costs per part and cost category, from the
 * economy feature). A form is a draft until published, then frozen; a change is a new version of the year's form.
 */

export const ANNUAL_FORM_QUESTION_PARTS = ["indicators", "events", "activities"] as const;
export const ANNUAL_FORM_PARTS = [...ANNUAL_FORM_QUESTION_PARTS, "economy"] as const;
export const AnnualFormPart = z.enum(ANNUAL_FORM_PARTS);
export type AnnualFormPart = z.infer<typeof AnnualFormPart>;
export type AnnualFormQuestionPart = (typeof ANNUAL_FORM_QUESTION_PARTS)[number];

/** Crisis preparedness and civil defence are judged differently and kept apart in every view (R2.1-2). */
export const AgreementAreaCode = z.enum(["crisisPreparedness", "civilDefence"]);
export type AgreementAreaCode = z.infer<typeof AgreementAreaCode>;

export const QUESTION_TYPES = [
  "yesNo",
  "singleChoice",
  "multipleChoice",
  "number",
  "amount",
  "text",
  "date",
  "group",
] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;
/** The types a repeating group's fields may have (no group in a group). */
export const FIELD_TYPES = QUESTION_TYPES.filter((t) => t !== "group") as Exclude<QuestionType, "group">[];
export const FieldType = z.enum(FIELD_TYPES as [Exclude<QuestionType, "group">, ...Exclude<QuestionType, "group">[]]);
export type FieldType = z.infer<typeof FieldType>;

/**
 * A question's stable key: it keeps a question's identity across the years' forms and versions (answers carry over
 * by it, trends are drawn by it, the Excel columns are named by it).
 */
export const QuestionKey = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9]{1,59}$/,
    "Frågans nyckel ska vara 2–60 tecken: börja med en liten bokstav, sedan bokstäver och siffror (t.ex. krisledningOvat).",
  );
export type QuestionKey = z.infer<typeof QuestionKey>;

export const Choice = z
  .object({
    value: QuestionKey,
    label: text(1, 300, "svarsalternativet"),
  })
  .strict();
export type Choice = z.infer<typeof Choice>;

/**
 * When an answer is a warning sign (R2.4-3): `equals` a value (yes/no: true/false; a choice's value), `includes` a
 * choice (multiple choice), `below`/`above` a number. `text` says in words why it matters.
 */
export const WarningCondition = z
  .object({
    op: z.enum(["equals", "includes", "below", "above"]),
    value: z.union([z.boolean(), z.number(), plain().max(60)]),
    text: text(3, 300, "varningens text"),
  })
  .strict();
export type WarningCondition = z.infer<typeof WarningCondition>;

/**
 * For trends: which direction is better. Yes/no: yes is higher; a single choice: later choices are higher; numbers
 * and amounts by value. null: no direction (no "worse than last year").
 */
export const BetterDirection = z.enum(["higher", "lower"]);
export type BetterDirection = z.infer<typeof BetterDirection>;

const questionBase = {
  key: QuestionKey,
  label: text(3, 500, "frågan"),
  help: text(0, 2000, "hjälptexten").default(""),
  required: z.boolean().default(false),
  choices: z.array(Choice).max(30).optional(),
};

export const GroupField = z
  .object({ ...questionBase, type: FieldType })
  .strict()
  .superRefine(checkChoices);
export type GroupField = z.infer<typeof GroupField>;

export const Question = z
  .object({
    ...questionBase,
    type: QuestionType,
    area: AgreementAreaCode,
    /** A repeating group's fields, e.g. one row per event: date, kind, description, crisis board convened. */
    fields: z.array(GroupField).min(1).max(20).optional(),
    warning: WarningCondition.nullable().default(null),
    better: BetterDirection.nullable().default(null),
  })
  .strict()
  .superRefine((q, ctx) => {
    checkChoices(q, ctx);
    if (q.type === "group" && !q.fields)
      ctx.addIssue({ code: "custom", message: "En upprepad grupp ska ha minst ett fält.", path: ["fields"] });
    if (q.type !== "group" && q.fields)
      ctx.addIssue({ code: "custom", message: "Bara en upprepad grupp har fält.", path: ["fields"] });
    if (q.fields && new Set(q.fields.map((f) => f.key)).size !== q.fields.length)
      ctx.addIssue({ code: "custom", message: "Varje fält i gruppen ska ha en egen nyckel.", path: ["fields"] });
    if ((q.type === "group" || q.type === "text" || q.type === "date") && (q.warning || q.better))
      ctx.addIssue({
        code: "custom",
        message: "Varningstecken och riktning gäller ja/nej-, val- och talfrågor.",
        path: ["warning"],
      });
  });
export type Question = z.infer<typeof Question>;

function checkChoices(q: { type: string; choices?: unknown[] | undefined }, ctx: z.RefinementCtx) {
  const choosing = q.type === "singleChoice" || q.type === "multipleChoice";
  if (choosing && (!q.choices || q.choices.length < 2))
    ctx.addIssue({ code: "custom", message: "En valfråga ska ha minst två svarsalternativ.", path: ["choices"] });
  if (!choosing && q.choices)
    ctx.addIssue({ code: "custom", message: "Bara valfrågor har svarsalternativ.", path: ["choices"] });
}

export const FormSection = z
  .object({
    key: QuestionKey,
    title: text(2, 300, "avsnittets rubrik"),
    questions: z.array(Question).min(1).max(100),
  })
  .strict();
export type FormSection = z.infer<typeof FormSection>;

export const FormPartDefinition = z.object({ sections: z.array(FormSection).max(40) }).strict();

export const AnnualFormDefinition = z
  .object({
    indicators: FormPartDefinition,
    events: FormPartDefinition,
    activities: FormPartDefinition,
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    for (const part of ANNUAL_FORM_QUESTION_PARTS)
      d[part].sections.forEach((s, si) =>
        s.questions.forEach((q, qi) => {
          if (seen.has(q.key))
            ctx.addIssue({
              code: "custom",
              message: `Nyckeln ${q.key} finns två gånger i blanketten.`,
              path: [part, "sections", si, "questions", qi, "key"],
            });
          seen.add(q.key);
        }),
      );
  });
export type AnnualFormDefinition = z.infer<typeof AnnualFormDefinition>;

export const AnnualFormStatus = z.enum(["draft", "published"]);
export type AnnualFormStatus = z.infer<typeof AnnualFormStatus>;

const FormYear = z.coerce.number().int().min(2019, "Året ska vara 2019 eller senare.").max(2100);

export const AnnualFormCreate = z
  .object({
    /** The year reported on (the report for 2026 is due in 2027). */
    year: FormYear,
    title: text(3, 300, "blankettens namn"),
    /** Default: the national rule `annualReportDeadline` in the following year (2027-02-15 for 2026). */
    deadline: IsoDate.optional(),
    /** The counties forward their compilations by this day. Default: the national rule `countyForwardingDeadline`. */
    forwardingDeadline: IsoDate.optional(),
    /** An example form (the official indicator list is imported by the agency). */
    example: z.boolean().default(false),
    definition: AnnualFormDefinition,
  })
  .strict();
export type AnnualFormCreate = z.infer<typeof AnnualFormCreate>;

export const AnnualFormUpdate = z
  .object({
    version: z.number().int().min(1),
    title: text(3, 300, "blankettens namn"),
    deadline: IsoDate,
    forwardingDeadline: IsoDate,
    example: z.boolean(),
    definition: AnnualFormDefinition,
  })
  .strict();
export type AnnualFormUpdate = z.infer<typeof AnnualFormUpdate>;

export const AnnualFormPublish = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .default({});

export const AnnualForm = z.object({
  id: z.string(),
  year: z.number().int(),
  /** The version of the year's form: 1, 2, … (a published form is changed by a new one). */
  number: z.number().int(),
  /** Optimistic lock of a draft. */
  version: z.number().int(),
  status: AnnualFormStatus,
  title: z.string(),
  deadline: IsoDate,
  forwardingDeadline: IsoDate,
  example: z.boolean(),
  definition: AnnualFormDefinition,
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: PersonRef.nullable(),
  /** The year's form reports use when they start: the latest published version. */
  current: z.boolean(),
});
export type AnnualForm = z.infer<typeof AnnualForm>;

export const AnnualFormSummary = AnnualForm.omit({ definition: true }).extend({ questions: z.number().int() });
export type AnnualFormSummary = z.infer<typeof AnnualFormSummary>;
export const AnnualFormList = z.object({ items: z.array(AnnualFormSummary) });
export type AnnualFormList = z.infer<typeof AnnualFormList>;
export const AnnualFormQuery = z.object({ year: FormYear.optional() });
export const AnnualFormParams = z.object({ id: Uuid });
/** `POST /annual-forms/:id/versions`: a new draft version of a published form, started from it. */
export const AnnualFormNewVersion = z.object({}).strict();
