import { z } from "zod";
import { IsoDate, listOf, plain } from "./common.js";
import { DecisionBody, DocumentDeadline, DocumentTypeId } from "./documents.js";
import { SupportNeedRule } from "./support-needs.js";

/**
 * National rules as versioned data (R1-2, R4-1): one set of rules, each version applying from a date, each version
 * with its source and each value with its own source or marked unverified. Edited by the agency, exported and
 * imported as YAML. Every object is strict, so an unknown key in an imported file is refused.
 */

const Source = plain().trim().min(3, "Ange källan (dokument och dnr).").max(300);

/** A value with its source; `unverified: true` when the source could not be read or confirmed. */
export function sourced<T extends z.ZodType>(value: T) {
  return z
    .object({ value, source: Source.optional(), unverified: z.boolean().default(false) })
    .strict()
    .refine((v) => v.source !== undefined || v.unverified, {
      message: "Ange källan eller markera värdet som ej verifierat (unverified: true).",
      path: ["source"],
    });
}

export const MonthDay = z
  .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .strict()
  .refine((d) => d.day <= new Date(Date.UTC(2001, d.month, 0)).getUTCDate(), "Dagen finns inte i månaden.");
export type MonthDay = z.infer<typeof MonthDay>;

/** A day of the year that is a cut-off, and whether the day itself counts as before it. */
export const CutOffDay = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    inclusive: z.boolean().default(true),
  })
  .strict()
  .refine((d) => d.day <= new Date(Date.UTC(2001, d.month, 0)).getUTCDate(), "Dagen finns inte i månaden.");
export type CutOffDay = z.infer<typeof CutOffDay>;

export const NationalDocumentType = z
  .object({
    id: DocumentTypeId,
    name: plain().trim().min(3).max(200),
    nameEn: plain().trim().min(3).max(200),
    /** null: the municipality chooses the level (the RSA report). */
    requiredDecisionLevel: DecisionBody.nullable(),
    deadline: DocumentDeadline,
    /** Written feedback is expected on it (R2.3-3). */
    feedbackExpected: z.boolean(),
    position: z.number().int().min(1).max(50),
    source: Source.optional(),
    unverified: z.boolean().default(false),
  })
  .strict();
export type NationalDocumentType = z.infer<typeof NationalDocumentType>;

export const NationalRsaSection = z
  .object({
    position: z.number().int().min(1).max(50),
    title: plain().trim().min(3).max(300),
    keywords: z.array(plain().trim().toLowerCase().min(3).max(40)).min(1, "Ange minst ett nyckelord.").max(12),
    /** false: shown in the check, never flagged as missing (the indicator section belongs to § 5). */
    required: z.boolean(),
    /** Checked against the regulation's text. */
    verified: z.boolean().default(false),
  })
  .strict();
export type NationalRsaSection = z.infer<typeof NationalRsaSection>;

export const NationalCostCategory = z
  .object({
    code: z
      .string()
      .regex(
        /^[a-zA-Z0-9][a-zA-Z0-9-]{1,39}$/,
        "Kostnadsslagets kod ska vara 2–40 tecken: bokstäver, siffror och bindestreck.",
      ),
    name: plain().trim().min(3).max(200),
    nameEn: plain().trim().min(3).max(200),
    eligibility: z.enum(["eligible", "notEligible", "limited"]),
    /** The rule's text as the instructions put it. */
    rule: plain().trim().min(3).max(1000),
    source: Source.optional(),
    unverified: z.boolean().default(false),
  })
  .strict();
export type NationalCostCategory = z.infer<typeof NationalCostCategory>;

const Days = z.number().int().min(0).max(3650);
const Share = z.number().min(0).max(1);
const Count = z.number().int().min(0).max(100);

export const NationalRules = z
  .object({
    documentTypes: z
      .array(NationalDocumentType)
      .min(1)
      .max(20)
      .refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, "Varje dokumenttyp får bara finnas en gång."),
    /** Swedish general elections; each opens a mandate period on 1 January of the following year. */
    electionYears: sourced(
      z
        .array(z.number().int().min(1970).max(2200))
        .min(1)
        .refine((ys) => ys.every((y, i) => i === 0 || y > ys[i - 1]!), "Valåren ska stå i stigande ordning."),
    ),
    periodLength: sourced(z.number().int().min(1).max(8)),
    /** Days a received document may wait for written feedback before it is listed (R2.3-3). */
    feedbackWaitDays: sourced(Days),
    /** Days before a late single visit that feedback on the documents is due. */
    lateVisitFeedbackDays: sourced(Days),
    /** The documents the first of two visits covers (R2.7-4). */
    firstVisitDocumentTypes: sourced(z.array(DocumentTypeId).max(20)),
    /** The directing documents whose feedback must be sent before a late single visit (R2.7-4). */
    lateVisitFeedbackDocumentTypes: sourced(z.array(DocumentTypeId).max(20)),
    /** Days the municipality has to reply to a factual review (sakgranskning). */
    factualReviewReplyDays: sourced(Days),
    /** Days after an action is reported done within which the county verifies it. */
    verificationAfterReportedDoneDays: sourced(Days),
    /** Accumulated savings as a share of the latest annual compensation that count as "large savings". */
    largeSavingsShare: sourced(Share),
    /** Allowed deviation from a savings plan, as a share. */
    savingsPlanTolerance: sourced(Share),
    /** Days the municipality has to hand in a savings plan once asked. */
    savingsPlanDueDays: sourced(Days),
    /** The municipality reports the annual follow-up to its county by this day of the following year. */
    annualReportDeadline: sourced(MonthDay),
    /** Days a municipality has to complete a report the county returned. */
    annualReportCompletionDays: sourced(Days),
    /** Days within which the county reviews a submitted annual report. */
    annualReportReviewDays: sourced(Days),
    /** The county reports on to the agency by this day. */
    countyForwardingDeadline: sourced(MonthDay),
    /** Days the agency has to decide on a county statement. */
    agencyDecisionDays: sourced(Days),
    /**
     * A county statement received before this day stops that year's payment ("före 30 april"); `inclusive`: the day
     * itself counts as before (Uppsikt's reading, since the payment is made in June and can still be stopped).
     */
    paymentStopCutOff: sourced(CutOffDay),
    /** Weeks to appeal a decision (förvaltningslagen 44 §). */
    appealWeeks: sourced(z.number().int().min(1).max(52)),
    /** Actions overdue that make a ground for a statement. */
    overdueActionsForGround: sourced(Count),
    /** The weight of each reason on the list of municipalities that may need support (R2.4-3); 0 turns one off. */
    supportNeedWeights: sourced(z.record(SupportNeedRule, z.number().min(0).max(100))),
    /** Whether limited investments may be financed by the compensation. */
    limitedInvestmentsAllowed: sourced(z.boolean()),
    /** The cost categories and what the compensation may finance (Anvisningar, R2.5-3, R4-1). */
    costCategories: z
      .object({
        /** The instructions' title and dnr. */
        instructions: Source,
        /** An example list until the agency imports the official one. */
        example: z.boolean().default(false),
        items: z
          .array(NationalCostCategory)
          .min(1)
          .max(60)
          .refine(
            (cs) => new Set(cs.map((c) => c.code)).size === cs.length,
            "Varje kostnadsslag får bara finnas en gång.",
          ),
      })
      .strict(),
    /** The RSA report's disposition (MSBFS 2015:5 § 4), to verify against the regulation. */
    rsaDisposition: z
      .object({
        sections: z
          .array(NationalRsaSection)
          .min(1)
          .max(30)
          .refine(
            (ss) => new Set(ss.map((s) => s.position)).size === ss.length,
            "Varje avsnitt ska ha ett eget nummer.",
          ),
        source: Source.optional(),
        unverified: z.boolean().default(false),
      })
      .strict(),
  })
  .strict();
export type NationalRules = z.infer<typeof NationalRules>;
export type NationalRulesInput = z.input<typeof NationalRules>;

export const NationalRuleVersionInput = z
  .object({
    appliesFrom: IsoDate,
    sourceTitle: plain().trim().min(3, "Ange källans titel.").max(300),
    sourceDnr: plain().trim().max(100).nullable().default(null),
    rules: NationalRules,
  })
  .strict();
export type NationalRuleVersionInput = z.input<typeof NationalRuleVersionInput>;

export const NationalRuleVersionUpdate = NationalRuleVersionInput.extend({
  /** Optimistic locking: the version the editor started from. */
  version: z.number().int().min(1),
}).strict();

export const NationalRuleVersion = z.object({
  id: z.string(),
  appliesFrom: IsoDate,
  sourceTitle: z.string(),
  sourceDnr: z.string().nullable(),
  rules: NationalRules,
  version: z.number().int(),
  /** In force today (the latest version whose appliesFrom is today or earlier). */
  inForce: z.boolean(),
  /** Applies from a later day: may still be edited. */
  upcoming: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type NationalRuleVersion = z.infer<typeof NationalRuleVersion>;
export const NationalRuleVersionList = listOf(NationalRuleVersion);

export const NationalRuleVersionParams = z.object({ id: z.string().uuid("Ogiltigt id.") });

/** The YAML file: `format: uppsikt-national-rules/1` and the versions, oldest first. */
export const NATIONAL_RULES_FORMAT = "uppsikt-national-rules/1";
export const NationalRulesFile = z
  .object({
    format: z.literal(NATIONAL_RULES_FORMAT, { error: `Formatet ska vara ${NATIONAL_RULES_FORMAT}.` }).optional(),
    versions: z.array(NationalRuleVersionInput).min(1, "Filen ska innehålla minst en version.").max(50),
  })
  .strict();

export const NationalRulesImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** The import's body: the YAML file's text (the web reads the chosen file and sends its text). */
export const NationalRulesImportBody = z
  .object({ content: plain().min(1, "Filen är tom.").max(2_000_000, "Filen är för stor (högst 2 MB).") })
  .strict();
