import { z } from "zod";
import { CountyCode, IsoDate, MunicipalityCode, listOf } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";
import { MunicipalityRef, Uuid, plain, text } from "./fields.js";
import { COMPENSATION_STATUSES, COST_SOURCES, ELIGIBILITIES } from "../rules/savings.js";
import { ECONOMIC_REVIEW_WARNINGS } from "../rules/economic-reviews.js";

/*
 * The economy (R1-5, R2.5-2, R2.5-3, R2.6-1): compensation per part and year, costs per part and category with their
 * eligibility, accumulated savings and large savings. Amounts are whole kronor. A confidential part's amounts are null
 * for a user without clearance, and so is every total that includes them (otherwise found by subtraction).
 */

export const CompensationStatus = z.enum(COMPENSATION_STATUSES);
export type CompensationStatus = z.infer<typeof CompensationStatus>;
export const Eligibility = z.enum(ELIGIBILITIES);
export type Eligibility = z.infer<typeof Eligibility>;
export const CostSource = z.enum(COST_SOURCES);
export type CostSource = z.infer<typeof CostSource>;
export const EconomicReviewWarning = z.enum(ECONOMIC_REVIEW_WARNINGS);

/** Whole kronor, never negative; at most 10 000 000 000 kr. */
export const Kronor = z
  .number({ error: "Ange beloppet i hela kronor." })
  .int("Ange beloppet i hela kronor.")
  .min(0, "Beloppet får inte vara negativt.")
  .max(10_000_000_000, "Beloppet är orimligt stort.");
export const Year = z.coerce
  .number({ error: "Ange året, t.ex. 2026." })
  .int("Ange året, t.ex. 2026.")
  .min(2000, "Året ska vara 2000 eller senare.")
  .max(2100, "Året ska vara 2100 eller tidigare.");
export const PartCode = plain()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "Delens kod ska vara 2–40 tecken: små bokstäver a–z, siffror och bindestreck.");
export const CategoryCode = plain()
  .trim()
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9-]{1,39}$/,
    "Kostnadsslagets kod ska vara 2–40 tecken: bokstäver a–z, siffror och bindestreck.",
  );

// ---- Compensation parts (reference data kept by the agency) ----

const PartFields = z.object({
  name: text(3, 200, "delens namn"),
  nameEn: text(3, 200, "delens engelska namn"),
  /** The agreement the part belongs to; null for money outside the agreements. */
  agreementId: Uuid.nullable().default(null),
  firstYear: Year,
  /** null: open-ended. */
  lastYear: Year.nullable().default(null),
  /** false for money outside the agreements (e.g. the special support for command posts). */
  countsTowardSavings: z.boolean(),
  /** Its amounts are confidential (content for cleared users only, reads audited). */
  confidentialBasis: ConfidentialBasis.nullable().default(null),
  /** The part it succeeds: its opening balance is the predecessor's closing. */
  predecessor: PartCode.nullable().default(null),
  position: z.number().int().min(1).max(100),
  source: text(3, 300, "källan").nullable().default(null),
  unverified: z.boolean().default(false),
});
const partChecks = <T extends z.ZodType<z.infer<typeof PartFields>>>(schema: T) =>
  schema
    .refine((p) => p.lastYear === null || p.lastYear >= p.firstYear, {
      message: "Sista året får inte vara före första året.",
      path: ["lastYear"],
    })
    .refine((p) => p.source !== null || p.unverified, {
      message: "Ange källan eller markera delen som ej verifierad.",
      path: ["source"],
    });

export const CompensationPartCreate = partChecks(PartFields.extend({ code: PartCode }).strict());
export type CompensationPartCreate = z.infer<typeof CompensationPartCreate>;
export const CompensationPartUpdate = partChecks(PartFields.extend({ version: z.number().int().min(1) }).strict());
export type CompensationPartUpdate = z.infer<typeof CompensationPartUpdate>;
export const CompensationPartParams = z.object({ code: PartCode });

export const CompensationPart = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  agreement: z.object({ id: z.string(), title: z.string() }).nullable(),
  firstYear: z.number().int(),
  lastYear: z.number().int().nullable(),
  countsTowardSavings: z.boolean(),
  confidentialBasis: z.string().nullable(),
  predecessor: z.string().nullable(),
  position: z.number().int(),
  source: z.string().nullable(),
  unverified: z.boolean(),
  version: z.number().int(),
});
export type CompensationPart = z.infer<typeof CompensationPart>;
export const CompensationPartList = listOf(CompensationPart);

// ---- Cost categories (national rules, by the instructions in force in a year) ----

export const CostCategory = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  eligibility: Eligibility,
  /** The rule's text, e.g. "Inköp av Rakelutrustning får inte finansieras med ersättningen." */
  rule: z.string(),
  source: z.string().nullable(),
  unverified: z.boolean(),
});
export type CostCategory = z.infer<typeof CostCategory>;
export const CostCategoryList = z.object({
  year: z.number().int(),
  /** The instructions (Anvisningar) the categories come from, with dnr. */
  instructions: z.string(),
  /** An example list until the agency imports the official one. */
  example: z.boolean(),
  items: z.array(CostCategory),
});
export const YearQuery = z.object({ year: Year.optional() });
/**
 * The year of the county's and the nation's economy tables and the large-savings list: without `year`, the previous
 * calendar year, since a year's costs come in with its annual follow-up after the year has ended.
 */
export const EconomyTableQuery = z.object({
  year: Year.optional().describe(
    "The year shown; by default the previous calendar year by the clock (a year's costs come in with its annual follow-up after the year ends).",
  ),
});

// ---- Compensation amounts and the payout-list import ----

export const CompensationAmount = z.object({
  municipality: MunicipalityRef,
  year: z.number().int(),
  part: z.string(),
  /** null without clearance for a confidential part. */
  amount: z.number().int().nullable(),
  status: CompensationStatus,
  /** For `reduced` the reduction, for `repaid` the amount repaid. */
  adjustment: z.number().int().nullable(),
  statusOn: IsoDate.nullable(),
  confidential: ConfidentialMark.nullable(),
  version: z.number().int(),
});
export type CompensationAmount = z.infer<typeof CompensationAmount>;

export const CompensationAmountUpdate = z
  .object({
    version: z.number().int().min(1),
    amount: Kronor,
    status: CompensationStatus,
    adjustment: Kronor.nullable().default(null),
    statusOn: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((u) => u.adjustment === null || u.adjustment <= u.amount, {
    message: "Justeringen får inte vara större än beloppet.",
    path: ["adjustment"],
  });
export const CompensationAmountParams = z.object({ code: MunicipalityCode, year: Year, part: PartCode });

export const ImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
export const CompensationImportRow = z.object({
  row: z.number().int(),
  municipality: z.string(),
  year: z.number().int(),
  part: z.string(),
  amount: z.number().int(),
  status: CompensationStatus,
  adjustment: z.number().int().nullable(),
  statusOn: IsoDate.nullable(),
  change: z.enum(["new", "updated", "unchanged"]),
});
export const CompensationImportResult = z.object({
  dryRun: z.boolean(),
  saved: z.boolean(),
  rows: z.array(CompensationImportRow),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  counts: z.object({ new: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
});
export type CompensationImportResult = z.infer<typeof CompensationImportResult>;

// ---- Costs and opening balances (entered by the county) ----

export const CostItemInput = z
  .object({
    part: PartCode,
    category: CategoryCode,
    amount: Kronor,
    /** The accounting could not separate the costs: a manual compilation, shown as such. */
    manualCompilation: z.boolean().default(false),
  })
  .strict();
export const CostsPut = z
  .object({
    /** The version of the county's entry for the year the editor started from; 0 when there is none yet. */
    version: z.number().int().min(0),
    year: Year,
    items: z.array(CostItemInput).max(200, "Högst 200 kostnadsposter per år."),
  })
  .strict()
  .refine((c) => new Set(c.items.map((i) => `${i.part}|${i.category}`)).size === c.items.length, {
    message: "Varje kombination av del och kostnadsslag får bara finnas en gång.",
    path: ["items"],
  });
export type CostsPut = z.infer<typeof CostsPut>;

export const CostFlag = z.object({
  year: z.number().int(),
  part: z.string(),
  category: z.string(),
  categoryName: z.string(),
  /** null without clearance for a confidential part. */
  amount: z.number().int().nullable(),
  eligibility: z.enum(["notEligible", "limited"]),
  rule: z.string(),
  source: z.string().nullable(),
});
export type CostFlag = z.infer<typeof CostFlag>;

export const CostItem = z.object({
  part: z.string(),
  category: z.string(),
  categoryName: z.string(),
  amount: z.number().int().nullable(),
  manualCompilation: z.boolean(),
  eligibility: Eligibility,
  confidential: ConfidentialMark.nullable(),
});
export const CostSet = z.object({
  source: CostSource,
  version: z.number().int(),
  /** This set decides the year's costs (the county's supersedes the annual report's). */
  effective: z.boolean(),
  items: z.array(CostItem),
  updatedAt: z.string(),
  updatedBy: PersonRef.nullable(),
});
export const MunicipalityCosts = z.object({
  municipality: MunicipalityRef,
  year: z.number().int(),
  sets: z.array(CostSet),
});
export type MunicipalityCosts = z.infer<typeof MunicipalityCosts>;

export const OpeningBalancePut = z
  .object({ version: z.number().int().min(0), part: PartCode, year: Year, amount: Kronor })
  .strict();
export const OpeningBalance = z.object({
  part: z.string(),
  year: z.number().int(),
  amount: z.number().int().nullable(),
  version: z.number().int(),
});

export const MunicipalityCodeParams = z.object({ code: MunicipalityCode });
export const CountyCodeParams = z.object({ code: CountyCode });

// ---- The economy views ----

const Amount = z.number().int().nullable();

export const EconomyPartYear = z.object({
  part: z.string(),
  name: z.string(),
  countsTowardSavings: z.boolean(),
  confidential: ConfidentialMark.nullable(),
  status: CompensationStatus.nullable(),
  announced: Amount,
  received: Amount,
  usedCosts: Amount,
  flaggedCosts: Amount,
  limitedCosts: Amount,
  ownFunding: Amount,
  /** null for a part that does not count toward savings, or without clearance. */
  opening: Amount,
  closing: Amount,
});
export const EconomyTotal = z.object({
  announced: Amount,
  received: Amount,
  usedCosts: Amount,
  flaggedCosts: Amount,
  closing: Amount,
  /** Σ closing / Σ announced over the parts that count. */
  share: z.number().nullable(),
});
/** The national value that decides a status, shown with it. */
export const RuleValue = z.object({ value: z.number(), source: z.string().nullable(), unverified: z.boolean() });

export const EconomyYear = z.object({
  year: z.number().int(),
  parts: z.array(EconomyPartYear),
  /** Over the parts that count toward savings; amounts null when they include a confidential part the user may not read. */
  total: EconomyTotal,
  /** Set when the total includes confidential amounts (then it is itself confidential). */
  totalConfidential: ConfidentialMark.nullable(),
  largeSavings: z.boolean(),
  /** The year's costs are in (the year large savings are judged on is the latest such). */
  costsIn: z.boolean(),
  /** Which entry decided the year's costs. */
  costSource: CostSource.nullable(),
  manualCompilation: z.boolean(),
});
export const LargeSavingsStatus = z.object({
  /** The rule is true on the judged year. */
  status: z.boolean(),
  judgedYear: z.number().int().nullable(),
  share: z.number().nullable(),
  /** The day the rule first became true (stored). */
  since: IsoDate.nullable(),
  /** The savings plan's due date while large savings are open. */
  planDueOn: IsoDate.nullable(),
});
export const MunicipalityEconomy = z.object({
  municipality: MunicipalityRef,
  years: z.array(EconomyYear),
  flags: z.array(CostFlag),
  largeSavings: LargeSavingsStatus,
  openingBalances: z.array(OpeningBalance),
  rules: z.object({ largeSavingsShare: RuleValue, savingsPlanTolerance: RuleValue }),
});
export type MunicipalityEconomy = z.infer<typeof MunicipalityEconomy>;
export const EconomyQuery = z.object({ from: Year.optional(), to: Year.optional() });

export const CountyEconomyRow = z.object({
  municipality: MunicipalityRef,
  announced: Amount,
  received: Amount,
  usedCosts: Amount,
  flaggedCosts: Amount,
  closing: Amount,
  share: z.number().nullable(),
  confidential: z.boolean(),
  largeSavings: z.boolean(),
  /** The year's costs are in for the municipality (without them the year's savings decide nothing). */
  costsIn: z.boolean(),
  flags: z.number().int(),
  reviews: z.object({ held: z.number().int(), planned: z.number().int(), warnings: z.array(EconomicReviewWarning) }),
});
export type CountyEconomyRow = z.infer<typeof CountyEconomyRow>;
export const CountyEconomy = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  items: z.array(CountyEconomyRow),
  rules: z.object({ largeSavingsShare: RuleValue }),
});
export type CountyEconomy = z.infer<typeof CountyEconomy>;

export const LargeSavingsItem = z.object({
  municipality: MunicipalityRef,
  closing: Amount,
  announced: Amount,
  share: z.number().nullable(),
  since: IsoDate.nullable(),
  planDueOn: IsoDate.nullable(),
  savingsPlan: z.boolean(),
  warningOpen: z.boolean(),
});
export const LargeSavingsList = z.object({
  year: z.number().int(),
  items: z.array(LargeSavingsItem),
  rules: z.object({ largeSavingsShare: RuleValue }),
});
export const LargeSavingsDuePut = z.object({ planDueOn: IsoDate }).strict();

export const NationalEconomyRow = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  municipalities: z.number().int(),
  announced: Amount,
  received: Amount,
  usedCosts: Amount,
  flaggedCosts: Amount,
  closing: Amount,
  share: z.number().nullable(),
  largeSavings: z.number().int(),
  reviewsShort: z.number().int(),
});
export const NationalEconomy = z.object({
  year: z.number().int(),
  items: z.array(NationalEconomyRow),
  nation: NationalEconomyRow.omit({ county: true }),
  rules: z.object({ largeSavingsShare: RuleValue }),
});
