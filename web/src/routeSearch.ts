import {
  AuditQuery,
  AwaitingFeedbackQuery,
  ClearanceQuery,
  CriteriaLibraryQuery,
  MUNICIPALITY_TAB_SLUGS,
  MatrixQuery,
  MunicipalityListQuery,
  MunicipalitySort,
  PeriodQuery,
  Role,
  UserListQuery,
  type MunicipalityTabSlug,
} from "@uppsikt/core";
import { z } from "zod";

/**
 * The URL search parameters each route understands, checked with core's query contracts where the API has one.
 * A malformed value is dropped (that field becomes undefined) rather than failing the page, since people edit and
 * share these addresses.
 */

/** An object schema whose every field drops a value it cannot read instead of failing. */
function lenient<Shape extends Record<string, z.ZodType>>(shape: Shape) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema.optional().catch(undefined)]),
  ) as { [K in keyof Shape]: z.ZodCatch<z.ZodOptional<Shape[K]>> };
  return z.object(fields);
}

/** A route's `validateSearch`: never throws, whatever the address holds. */
const searchOf =
  <S extends z.ZodType>(schema: S) =>
  (raw: Record<string, unknown>): z.output<S> =>
    schema.parse(raw);

/** Text as the router reads it (`?q=123` arrives as a number); blank is no value. */
const text = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim() || undefined)
    .pipe(schema.optional());
/** `?mine=true`. */
const flag = z.union([z.literal(true), z.literal("true")]).transform(() => true as const);
const int = z.coerce.number().int();
const order = z.enum(["asc", "desc"]);
const period = PeriodQuery.shape.period.unwrap();

export const LoginSearch = lenient({ redirect: text(z.string()), loggedOut: flag, expired: flag });
export type LoginSearch = z.output<typeof LoginSearch>;
export const parseLoginSearch = searchOf(LoginSearch);

export const MUNICIPALITY_SORTS = MunicipalitySort.options;
export type MunicipalitySortKey = z.infer<typeof MunicipalitySort>;
export const CountySearch = lenient({
  q: text(MunicipalityListQuery.shape.q.unwrap()),
  sort: MunicipalitySort,
  order,
  /** The review queue ("Att granska") for the whole county instead of the officer's own municipalities. */
  queue: z.literal("county"),
});
export type CountySearch = z.output<typeof CountySearch>;
export const parseCountySearch = searchOf(CountySearch);

/** The municipality page's tabs, by their Swedish slugs (`?flik=dialog`) from core's paths module. */
export const MUNICIPALITY_TABS = Object.values(MUNICIPALITY_TAB_SLUGS) as [
  MunicipalityTabSlug,
  ...MunicipalityTabSlug[],
];
export type MunicipalityTab = MunicipalityTabSlug;
export const MunicipalitySearch = lenient({ period, flik: z.enum(MUNICIPALITY_TABS) });
export type MunicipalitySearch = z.output<typeof MunicipalitySearch>;
export const parseMunicipalitySearch = searchOf(MunicipalitySearch);

/** The review page beside the document: the mandate period the version belongs to. */
export const ReviewPageSearch = lenient({ period });
export type ReviewPageSearch = z.output<typeof ReviewPageSearch>;
export const parseReviewPageSearch = searchOf(ReviewPageSearch);

export const UsersSearch = lenient({ q: text(UserListQuery.shape.q.unwrap()), role: Role, page: int });
export type UsersSearch = z.output<typeof UsersSearch>;
export const parseUsersSearch = searchOf(UsersSearch);

export const AuditSearch = lenient({
  action: text(AuditQuery.shape.action.unwrap()),
  actor: text(AuditQuery.shape.actor.unwrap()),
  from: AuditQuery.shape.from.unwrap(),
  to: AuditQuery.shape.to.unwrap(),
  page: int,
});
export type AuditSearch = z.output<typeof AuditSearch>;
export const parseAuditSearch = searchOf(AuditSearch);

export const AgreementsSearch = lenient({ period });
export type AgreementsSearch = z.output<typeof AgreementsSearch>;
export const parseAgreementsSearch = searchOf(AgreementsSearch);

export const MATRIX_SORTS = ["name", "responsibleOfficer", "flagged"] as const;
export type MatrixSortKey = (typeof MATRIX_SORTS)[number];
export const DocumentMatrixSearch = lenient({
  period,
  status: MatrixQuery.shape.status.unwrap(),
  flag: MatrixQuery.shape.flag.unwrap(),
  type: MatrixQuery.shape.type.unwrap(),
  q: text(MatrixQuery.shape.q.unwrap()),
  sort: z.enum(MATRIX_SORTS),
  order,
});
export type DocumentMatrixSearch = z.output<typeof DocumentMatrixSearch>;
export const parseDocumentMatrixSearch = searchOf(DocumentMatrixSearch);

export const YEAR_TWO_SHOWS = ["noPlan", "overdue"] as const;
export const YearTwoSearch = lenient({
  period,
  /** Only documents without an agreed date, or only those whose agreed date has passed. */
  show: z.enum(YEAR_TWO_SHOWS),
  /** Only the signed-in officer's municipalities. */
  mine: flag,
});
export type YearTwoSearch = z.output<typeof YearTwoSearch>;
export const parseYearTwoSearch = searchOf(YearTwoSearch);

export const AwaitingFeedbackSearch = lenient({
  period: AwaitingFeedbackQuery.shape.period.unwrap(),
  days: AwaitingFeedbackQuery.shape.days.unwrap(),
  mine: flag,
});
export type AwaitingFeedbackSearch = z.output<typeof AwaitingFeedbackSearch>;
export const parseAwaitingFeedbackSearch = searchOf(AwaitingFeedbackSearch);

// The search pages keep a too-short query in the address: the page itself says "Sök på minst två tecken".
const query = text(z.string().max(200));

export const DocumentSearchSearch = lenient({ q: query, period, page: int });
export type DocumentSearchSearch = z.output<typeof DocumentSearchSearch>;
export const parseDocumentSearchSearch = searchOf(DocumentSearchSearch);

export const DialogueSearchSearch = lenient({ q: query, page: int });
export type DialogueSearchSearch = z.output<typeof DialogueSearchSearch>;
export const parseDialogueSearchSearch = searchOf(DialogueSearchSearch);

export const ClearancesSearch = lenient({
  county: text(ClearanceQuery.shape.county.unwrap()),
  municipality: text(ClearanceQuery.shape.municipality.unwrap()),
  inactive: flag,
});
export type ClearancesSearch = z.output<typeof ClearancesSearch>;
export const parseClearancesSearch = searchOf(ClearancesSearch);

export const CriteriaSearch = lenient({ version: text(CriteriaLibraryQuery.shape.version.unwrap()) });
export type CriteriaSearch = z.output<typeof CriteriaSearch>;
export const parseCriteriaSearch = searchOf(CriteriaSearch);

/** The visit plan and the national visit coverage: the mandate period (the current one when left out). */
export const VisitPlanSearch = lenient({ period });
export type VisitPlanSearch = z.output<typeof VisitPlanSearch>;
export const parseVisitPlanSearch = searchOf(VisitPlanSearch);
