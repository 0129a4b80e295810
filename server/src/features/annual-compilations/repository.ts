import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { counties, municipalities, users } from "../../db/schema/index.js";
import { annualForms } from "../annual-forms/schema.js";
import { annualReportRounds, annualReports } from "../annual-reports/schema.js";
import { compensationParts } from "../economy/schema.js";
import { annualCompilationDrafts, annualCompilationVersions } from "./schema.js";

/* Every query of the compilations (the only file besides schema.ts and demo.ts that imports the tables). */

export interface Ref {
  code: string;
  name: string;
}

export async function findCounties(db: Executor, code?: string): Promise<Ref[]> {
  return db
    .select({ code: counties.code, name: counties.name })
    .from(counties)
    .where(code ? eq(counties.code, code) : undefined)
    .orderBy(asc(counties.code));
}

export async function findMunicipalities(db: Executor, countyCode?: string): Promise<(Ref & { county: string })[]> {
  return db
    .select({ code: municipalities.code, name: municipalities.name, county: municipalities.countyCode })
    .from(municipalities)
    .where(countyCode ? eq(municipalities.countyCode, countyCode) : undefined)
    .orderBy(asc(municipalities.code));
}

export type FormRow = Pick<
  typeof annualForms.$inferSelect,
  "id" | "year" | "number" | "title" | "deadline" | "forwardingDeadline" | "definition" | "example"
>;

const formColumns = {
  id: annualForms.id,
  year: annualForms.year,
  number: annualForms.number,
  title: annualForms.title,
  deadline: annualForms.deadline,
  forwardingDeadline: annualForms.forwardingDeadline,
  definition: annualForms.definition,
  example: annualForms.example,
};

/** The year's published forms, the newest version (the current one) first. */
export async function findPublishedForms(db: Executor, year: number): Promise<FormRow[]> {
  return db
    .select(formColumns)
    .from(annualForms)
    .where(and(eq(annualForms.year, year), eq(annualForms.status, "published")))
    .orderBy(desc(annualForms.number));
}

/** Each year's current (newest published) form's forwarding deadline, for the years whose deadline is on or after `from`. */
export async function findForwardingDeadlines(db: Executor, from: string): Promise<{ year: number; due: string }[]> {
  const rows = await db
    .select({ year: annualForms.year, number: annualForms.number, due: annualForms.forwardingDeadline })
    .from(annualForms)
    .where(and(eq(annualForms.status, "published"), gte(annualForms.forwardingDeadline, from)))
    .orderBy(asc(annualForms.year), desc(annualForms.number));
  const out = new Map<number, string>();
  for (const r of rows) if (!out.has(r.year)) out.set(r.year, r.due);
  return [...out].map(([year, due]) => ({ year, due }));
}

export type ReportRow = Pick<
  typeof annualReports.$inferSelect,
  "id" | "municipalityCode" | "formId" | "updatedAt" | "source"
>;
export type RoundRow = Pick<
  typeof annualReportRounds.$inferSelect,
  "reportId" | "number" | "answers" | "costs" | "submittedOn" | "returnedOn" | "acceptedOn" | "submittedAt"
>;

/** The year's reports of the municipalities and every round of them, in order. */
export async function findReports(db: Executor, year: number, codes: string[]) {
  if (codes.length === 0) return { reports: [] as ReportRow[], rounds: [] as RoundRow[] };
  const reports = await db
    .select({
      id: annualReports.id,
      municipalityCode: annualReports.municipalityCode,
      formId: annualReports.formId,
      updatedAt: annualReports.updatedAt,
      source: annualReports.source,
    })
    .from(annualReports)
    .where(and(eq(annualReports.year, year), inArray(annualReports.municipalityCode, codes)));
  const rounds = reports.length
    ? await db
        .select({
          reportId: annualReportRounds.reportId,
          number: annualReportRounds.number,
          answers: annualReportRounds.answers,
          costs: annualReportRounds.costs,
          submittedAt: annualReportRounds.submittedAt,
          submittedOn: annualReportRounds.submittedOn,
          returnedOn: annualReportRounds.returnedOn,
          acceptedOn: annualReportRounds.acceptedOn,
        })
        .from(annualReportRounds)
        .where(
          inArray(
            annualReportRounds.reportId,
            reports.map((r) => r.id),
          ),
        )
        .orderBy(asc(annualReportRounds.reportId), asc(annualReportRounds.number))
    : [];
  return { reports, rounds };
}

/** The published forms' deadlines by id (a report stays on the form version it was started on). */
export async function findFormDeadlines(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: annualForms.id, deadline: annualForms.deadline })
    .from(annualForms)
    .where(inArray(annualForms.id, ids));
  return new Map(rows.map((r) => [r.id, r.deadline]));
}

export type DraftRow = typeof annualCompilationDrafts.$inferSelect;

export async function findDraft(db: Executor, county: string, year: number): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(annualCompilationDrafts)
    .where(and(eq(annualCompilationDrafts.countyCode, county), eq(annualCompilationDrafts.year, year)));
  return row;
}

/** Saves the draft assessment if it is still at `version` (0: none saved yet); the new version, or null when stale. */
export async function saveDraft(
  db: Executor,
  row: { county: string; year: number; assessment: string; version: number; at: Date; by: string },
): Promise<number | null> {
  if (row.version === 0) {
    const inserted = await db
      .insert(annualCompilationDrafts)
      .values({
        countyCode: row.county,
        year: row.year,
        assessment: row.assessment,
        version: 1,
        updatedAt: row.at,
        updatedBy: row.by,
      })
      .onConflictDoNothing()
      .returning({ version: annualCompilationDrafts.version });
    return inserted[0]?.version ?? null;
  }
  const updated = await db
    .update(annualCompilationDrafts)
    .set({
      assessment: row.assessment,
      version: sql`${annualCompilationDrafts.version} + 1`,
      updatedAt: row.at,
      updatedBy: row.by,
    })
    .where(
      and(
        eq(annualCompilationDrafts.countyCode, row.county),
        eq(annualCompilationDrafts.year, row.year),
        eq(annualCompilationDrafts.version, row.version),
      ),
    )
    .returning({ version: annualCompilationDrafts.version });
  return updated[0]?.version ?? null;
}

export type VersionRow = typeof annualCompilationVersions.$inferSelect & { forwardedByName: string | null };

const versionSelect = { version: annualCompilationVersions, forwardedByName: users.name };
const toVersionRow = (r: { version: typeof annualCompilationVersions.$inferSelect; forwardedByName: string | null }) =>
  ({ ...r.version, forwardedByName: r.forwardedByName }) satisfies VersionRow;

/** The county's forwarded versions of the year, newest first. */
export async function findVersions(db: Executor, county: string, year: number): Promise<VersionRow[]> {
  const rows = await db
    .select(versionSelect)
    .from(annualCompilationVersions)
    .leftJoin(users, eq(users.id, annualCompilationVersions.forwardedBy))
    .where(and(eq(annualCompilationVersions.countyCode, county), eq(annualCompilationVersions.year, year)))
    .orderBy(desc(annualCompilationVersions.number));
  return rows.map(toVersionRow);
}

/** Every county's newest forwarded version of the year (one query). */
export async function findNewestVersionsOfYear(db: Executor, year: number): Promise<VersionRow[]> {
  const rows = await db
    .select(versionSelect)
    .from(annualCompilationVersions)
    .leftJoin(users, eq(users.id, annualCompilationVersions.forwardedBy))
    .where(eq(annualCompilationVersions.year, year))
    .orderBy(asc(annualCompilationVersions.countyCode), desc(annualCompilationVersions.number));
  return newestPerCounty(rows.map(toVersionRow));
}

/** Each county's newest forwarded version of every year before `year`: rows and questions only, for trends. */
export async function findNewestVersionsBefore(db: Executor, year: number) {
  const rows = await db
    .select({
      countyCode: annualCompilationVersions.countyCode,
      year: annualCompilationVersions.year,
      number: annualCompilationVersions.number,
      rows: annualCompilationVersions.rows,
    })
    .from(annualCompilationVersions)
    .where(lt(annualCompilationVersions.year, year))
    .orderBy(
      asc(annualCompilationVersions.year),
      asc(annualCompilationVersions.countyCode),
      desc(annualCompilationVersions.number),
    );
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.year}|${r.countyCode}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function newestPerCounty<T extends { countyCode: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.countyCode) && seen.add(r.countyCode));
}

/** Which counties have forwarded a compilation of each of the years. */
export async function findForwardedCounties(db: Executor, years: number[]): Promise<Set<string>> {
  if (years.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ county: annualCompilationVersions.countyCode, year: annualCompilationVersions.year })
    .from(annualCompilationVersions)
    .where(inArray(annualCompilationVersions.year, years));
  return new Set(rows.map((r) => `${r.county}|${r.year}`));
}

export type VersionInsert = typeof annualCompilationVersions.$inferInsert;

/** A new forwarded version numbered after the county's newest of the year; null when another forwarding won. */
export async function insertVersion(db: Executor, row: Omit<VersionInsert, "number">) {
  const [last] = await db
    .select({ number: annualCompilationVersions.number })
    .from(annualCompilationVersions)
    .where(and(eq(annualCompilationVersions.countyCode, row.countyCode), eq(annualCompilationVersions.year, row.year)))
    .orderBy(desc(annualCompilationVersions.number))
    .limit(1);
  const number = (last?.number ?? 0) + 1;
  const [inserted] = await db
    .insert(annualCompilationVersions)
    .values({ ...row, number })
    .onConflictDoNothing()
    .returning({ id: annualCompilationVersions.id, number: annualCompilationVersions.number });
  return inserted ?? null;
}

/** The compensation parts in their order, for the economy sheet's columns. */
export async function findParts(db: Executor) {
  return db
    .select({
      code: compensationParts.code,
      name: compensationParts.name,
      firstYear: compensationParts.firstYear,
      lastYear: compensationParts.lastYear,
    })
    .from(compensationParts)
    .orderBy(asc(compensationParts.position), asc(compensationParts.code));
}
