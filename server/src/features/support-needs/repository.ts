import { and, asc, desc, eq, inArray, isNull, lt, notInArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  actions,
  annualForms,
  annualReportRounds,
  annualReports,
  counties,
  largeSavingsDetections,
  municipalities,
  warnings,
} from "../../db/schema/index.js";

/* Every query of the support list: each reads all the county's municipalities at once (no per-municipality loop). */

export async function countyExists(db: Executor, code: string) {
  const [row] = await db.select({ code: counties.code }).from(counties).where(eq(counties.code, code)).limit(1);
  return row !== undefined;
}

export function findMunicipalities(db: Executor, county: string) {
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.countyCode, county));
}

/** The latest year with a published form whose deadline has passed (the deadline day itself is in time). */
export async function latestDueYear(db: Executor, today: string): Promise<number | undefined> {
  const [row] = await db
    .select({ year: annualForms.year })
    .from(annualForms)
    .where(and(eq(annualForms.status, "published"), lt(annualForms.deadline, today)))
    .orderBy(desc(annualForms.year))
    .limit(1);
  return row?.year;
}

/** The published form versions of these years, latest version first. */
export function findPublishedForms(db: Executor, years: number[]) {
  return db
    .select({
      id: annualForms.id,
      year: annualForms.year,
      number: annualForms.number,
      deadline: annualForms.deadline,
      definition: annualForms.definition,
    })
    .from(annualForms)
    .where(and(eq(annualForms.status, "published"), inArray(annualForms.year, years)))
    .orderBy(asc(annualForms.year), desc(annualForms.number));
}

/** The municipalities' reports of these years with their rounds (rounds in order). */
export async function findReports(db: Executor, codes: string[], years: number[]) {
  if (codes.length === 0) return { reports: [], rounds: [] };
  const reports = await db
    .select({
      id: annualReports.id,
      municipalityCode: annualReports.municipalityCode,
      year: annualReports.year,
      formId: annualReports.formId,
      updatedAt: annualReports.updatedAt,
    })
    .from(annualReports)
    .where(and(inArray(annualReports.municipalityCode, codes), inArray(annualReports.year, years)));
  const rounds = reports.length
    ? await db
        .select({
          reportId: annualReportRounds.reportId,
          number: annualReportRounds.number,
          answers: annualReportRounds.answers,
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
        .orderBy(asc(annualReportRounds.number))
    : [];
  return { reports, rounds };
}

export function findOpenDetections(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({
      municipalityCode: largeSavingsDetections.municipalityCode,
      detectedOn: largeSavingsDetections.detectedOn,
      judgedYear: largeSavingsDetections.judgedYear,
    })
    .from(largeSavingsDetections)
    .where(and(inArray(largeSavingsDetections.municipalityCode, codes), isNull(largeSavingsDetections.clearedOn)));
}

/** Actions past their deadline and not reported done (core's isActionOverdue decides). */
export function findLateActions(db: Executor, codes: string[], today: string) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({ municipalityCode: actions.municipalityCode, due: actions.due, status: actions.status })
    .from(actions)
    .where(
      and(
        inArray(actions.municipalityCode, codes),
        lt(actions.due, today),
        notInArray(actions.status, ["reportedDone", "verified"]),
      ),
    );
}

export function findOpenWarnings(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({ municipalityCode: warnings.municipalityCode })
    .from(warnings)
    .where(and(inArray(warnings.municipalityCode, codes), isNull(warnings.resolvedAt)));
}
