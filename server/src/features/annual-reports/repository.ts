import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { municipalities, users } from "../../db/schema/index.js";
import { annualForms } from "../annual-forms/schema.js";
import { annualReportFiles, annualReportRounds, annualReports } from "./schema.js";

/* Every query of the annual reports (the only file besides schema.ts and demo.ts that imports their tables). */

export type ReportRow = typeof annualReports.$inferSelect;
export type RoundRow = typeof annualReportRounds.$inferSelect;
export type FormRow = Pick<
  typeof annualForms.$inferSelect,
  "id" | "year" | "number" | "title" | "example" | "deadline" | "definition"
>;

const formColumns = {
  id: annualForms.id,
  year: annualForms.year,
  number: annualForms.number,
  title: annualForms.title,
  example: annualForms.example,
  deadline: annualForms.deadline,
  definition: annualForms.definition,
};

export async function findReport(db: Executor, code: string, year: number): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.municipalityCode, code), eq(annualReports.year, year)))
    .limit(1);
  return row;
}

/** The reports of many municipalities for a year (or years), one query. */
export async function findReports(db: Executor, codes: readonly string[], years: readonly number[]) {
  if (codes.length === 0 || years.length === 0) return [];
  return db
    .select()
    .from(annualReports)
    .where(and(inArray(annualReports.municipalityCode, [...codes]), inArray(annualReports.year, [...years])));
}

/** The rounds of the reports, first first. */
export async function findRounds(db: Executor, reportIds: readonly string[]): Promise<RoundRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(annualReportRounds)
    .where(inArray(annualReportRounds.reportId, [...reportIds]))
    .orderBy(asc(annualReportRounds.reportId), asc(annualReportRounds.number));
}

export async function userNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findForm(db: Executor, id: string): Promise<FormRow | undefined> {
  const [row] = await db.select(formColumns).from(annualForms).where(eq(annualForms.id, id)).limit(1);
  return row;
}

/** The year's current form: its latest published version. */
export async function findCurrentForm(db: Executor, year: number): Promise<FormRow | undefined> {
  const [row] = await db
    .select(formColumns)
    .from(annualForms)
    .where(and(eq(annualForms.year, year), eq(annualForms.status, "published")))
    .orderBy(desc(annualForms.number))
    .limit(1);
  return row;
}

/** The current (latest published) form of each of the years; without definitions. */
export async function findCurrentForms(db: Executor, years: readonly number[]) {
  if (years.length === 0) return new Map<number, { id: string; number: number; deadline: string }>();
  const rows = await db
    .select({ id: annualForms.id, year: annualForms.year, number: annualForms.number, deadline: annualForms.deadline })
    .from(annualForms)
    .where(and(inArray(annualForms.year, [...years]), eq(annualForms.status, "published")))
    .orderBy(asc(annualForms.year), asc(annualForms.number));
  return new Map(rows.map((r) => [r.year, r]));
}

/** The latest year (up to `maxYear`) with a published form. */
export async function latestPublishedYear(db: Executor, maxYear: number): Promise<number | undefined> {
  const [row] = await db
    .select({ year: sql<number>`max(${annualForms.year})` })
    .from(annualForms)
    .where(and(eq(annualForms.status, "published"), sql`${annualForms.year} <= ${maxYear}`));
  return row?.year == null ? undefined : Number(row.year);
}

/** The deadlines of the given forms (by id). */
export async function formDeadlines(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: annualForms.id, deadline: annualForms.deadline })
    .from(annualForms)
    .where(inArray(annualForms.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.deadline]));
}

/** undefined when the municipality already has a report for the year (a concurrent start). */
export async function insertReport(
  db: Executor,
  row: typeof annualReports.$inferInsert,
): Promise<ReportRow | undefined> {
  const [inserted] = await db.insert(annualReports).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Updates at the given version, raising it; undefined when the version is stale. */
export async function updateReport(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Pick<ReportRow, "answers" | "costs" | "formId" | "source">> & { updatedAt: Date; updatedBy: string },
): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(annualReports)
    .set({ ...values, version: sql`${annualReports.version} + 1` })
    .where(and(eq(annualReports.id, id), eq(annualReports.version, version)))
    .returning();
  return row;
}

export async function insertRound(db: Executor, row: typeof annualReportRounds.$inferInsert): Promise<void> {
  await db.insert(annualReportRounds).values(row);
}

export async function updateRound(
  db: Executor,
  id: string,
  values: Partial<Omit<typeof annualReportRounds.$inferInsert, "id" | "reportId">>,
): Promise<void> {
  await db.update(annualReportRounds).set(values).where(eq(annualReportRounds.id, id));
}

/** File metadata of a report (never the content). */
export async function findFiles(db: Executor, reportId: string) {
  return db
    .select({
      id: annualReportFiles.id,
      fileName: annualReportFiles.fileName,
      mediaType: annualReportFiles.mediaType,
      sizeBytes: annualReportFiles.sizeBytes,
      createdAt: annualReportFiles.createdAt,
    })
    .from(annualReportFiles)
    .where(eq(annualReportFiles.reportId, reportId))
    .orderBy(asc(annualReportFiles.createdAt), asc(annualReportFiles.id));
}

export async function insertFile(db: Executor, row: typeof annualReportFiles.$inferInsert): Promise<string> {
  const [r] = await db.insert(annualReportFiles).values(row).returning({ id: annualReportFiles.id });
  return r!.id;
}

/** A file with what decides who may read it. */
export async function findFile(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: annualReportFiles.id,
      reportId: annualReportFiles.reportId,
      fileName: annualReportFiles.fileName,
      mediaType: annualReportFiles.mediaType,
      content: annualReportFiles.content,
      year: annualReports.year,
      municipalityCode: annualReports.municipalityCode,
      countyCode: municipalities.countyCode,
    })
    .from(annualReportFiles)
    .innerJoin(annualReports, eq(annualReports.id, annualReportFiles.reportId))
    .innerJoin(municipalities, eq(municipalities.code, annualReports.municipalityCode))
    .where(eq(annualReportFiles.id, id))
    .limit(1);
  return row;
}

/** The municipalities (with their responsible officer) of counties or by code; undefined filters: all. */
export async function findMunicipalities(db: Executor, q: { counties?: readonly string[]; codes?: readonly string[] }) {
  if (q.counties?.length === 0 || q.codes?.length === 0) return [];
  return db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      officerId: municipalities.responsibleOfficerId,
      officerName: users.name,
    })
    .from(municipalities)
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(
      and(
        q.counties ? inArray(municipalities.countyCode, [...q.counties]) : undefined,
        q.codes ? inArray(municipalities.code, [...q.codes]) : undefined,
      ),
    );
}
