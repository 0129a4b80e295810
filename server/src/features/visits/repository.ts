import type { ParticipantRole } from "@uppsikt/core";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  counties,
  documentFeedback,
  documentVersions,
  documents,
  municipalities,
  users,
  visitAssessmentItems,
  visitLetterTemplates,
  visitParticipants,
  visitPlanRevisions,
  visitPlans,
  visits,
} from "../../db/schema/index.js";

export type VisitRow = typeof visits.$inferSelect;
export type PlanRow = typeof visitPlans.$inferSelect;

export async function findPlan(db: Executor, county: string, period: number): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(visitPlans)
    .where(and(eq(visitPlans.countyCode, county), eq(visitPlans.period, period)));
  return row;
}

/** The plan row, created (as a draft) when the county has none for the period; locked for the transaction. */
export async function lockPlan(tx: Executor, county: string, period: number, visitsPerYear: number) {
  await tx
    .insert(visitPlans)
    .values({ countyCode: county, period, visitsPerYear })
    .onConflictDoNothing({ target: [visitPlans.countyCode, visitPlans.period] });
  const [row] = await tx
    .select()
    .from(visitPlans)
    .where(and(eq(visitPlans.countyCode, county), eq(visitPlans.period, period)))
    .for("update");
  return row!;
}

export async function updatePlan(tx: Executor, id: string, values: Partial<typeof visitPlans.$inferInsert>) {
  await tx.update(visitPlans).set(values).where(eq(visitPlans.id, id));
}

export async function insertRevision(tx: Executor, values: typeof visitPlanRevisions.$inferInsert) {
  await tx.insert(visitPlanRevisions).values(values);
}

export async function findRevisions(db: Executor, planId: string) {
  return db
    .select({
      revision: visitPlanRevisions.revision,
      at: visitPlanRevisions.at,
      reason: visitPlanRevisions.reason,
      by: users.name,
    })
    .from(visitPlanRevisions)
    .leftJoin(users, eq(users.id, visitPlanRevisions.by))
    .where(eq(visitPlanRevisions.planId, planId))
    .orderBy(asc(visitPlanRevisions.revision));
}

export async function findCounty(db: Executor, code: string) {
  const [row] = await db.select().from(counties).where(eq(counties.code, code));
  return row;
}

/** The county's municipalities with their responsible officer. */
export async function findCountyMunicipalities(db: Executor, county: string) {
  return db
    .select({ code: municipalities.code, name: municipalities.name, officerId: municipalities.responsibleOfficerId })
    .from(municipalities)
    .where(eq(municipalities.countyCode, county));
}

/** The visits of the given municipalities in a period, in planned order. */
export async function findVisitsOf(db: Executor, codes: readonly string[], period: number): Promise<VisitRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(visits)
    .where(and(inArray(visits.municipalityCode, [...codes]), eq(visits.period, period)))
    .orderBy(asc(visits.planned), asc(visits.createdAt));
}

/** Every visit of a period with its municipality's county (national coverage). */
export async function findVisitsOfPeriod(db: Executor, period: number) {
  return db
    .select({ municipalityCode: visits.municipalityCode, status: visits.status })
    .from(visits)
    .where(eq(visits.period, period));
}

export async function findAllMunicipalities(db: Executor) {
  return db
    .select({ code: municipalities.code, county: municipalities.countyCode })
    .from(municipalities)
    .orderBy(asc(municipalities.code));
}

export async function findPublishedPlans(db: Executor, period: number) {
  return db
    .select({ county: visitPlans.countyCode, publishedAt: visitPlans.publishedAt })
    .from(visitPlans)
    .where(and(eq(visitPlans.period, period), isNotNull(visitPlans.publishedAt)));
}

export async function findVisit(db: Executor, id: string) {
  const [row] = await db
    .select({ visit: visits, countyCode: municipalities.countyCode, municipalityName: municipalities.name })
    .from(visits)
    .innerJoin(municipalities, eq(municipalities.code, visits.municipalityCode))
    .where(eq(visits.id, id));
  return row;
}

export async function lockVisit(tx: Executor, id: string) {
  const [row] = await tx.select().from(visits).where(eq(visits.id, id)).for("update");
  return row;
}

export async function insertVisits(tx: Executor, values: (typeof visits.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(visits).values(values).returning();
}

export async function updateVisit(tx: Executor, id: string, values: Partial<typeof visits.$inferInsert>) {
  const [row] = await tx.update(visits).set(values).where(eq(visits.id, id)).returning();
  return row!;
}

/** Removes planned visits (not held, not cancelled) of a county's period before a new proposal. */
export async function deletePlannedVisits(tx: Executor, codes: readonly string[], period: number) {
  if (codes.length === 0) return;
  const planned = await tx
    .select({ id: visits.id })
    .from(visits)
    .where(and(inArray(visits.municipalityCode, [...codes]), eq(visits.period, period), eq(visits.status, "planned")));
  const ids = planned.map((p) => p.id);
  if (ids.length === 0) return;
  await tx.delete(visitParticipants).where(inArray(visitParticipants.visitId, ids));
  await tx.delete(visitAssessmentItems).where(inArray(visitAssessmentItems.visitId, ids));
  await tx.delete(visits).where(inArray(visits.id, ids));
}

export async function findParticipants(db: Executor, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select()
    .from(visitParticipants)
    .where(inArray(visitParticipants.visitId, [...visitIds]))
    .orderBy(asc(visitParticipants.position));
}

export async function replaceParticipants(
  tx: Executor,
  visitId: string,
  participants: ReadonlyArray<{ name: string; role: ParticipantRole; attended: boolean }>,
) {
  await tx.delete(visitParticipants).where(eq(visitParticipants.visitId, visitId));
  if (participants.length)
    await tx.insert(visitParticipants).values(participants.map((p, i) => ({ ...p, visitId, position: i + 1 })));
}

export async function findAssessmentItems(db: Executor, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select()
    .from(visitAssessmentItems)
    .where(inArray(visitAssessmentItems.visitId, [...visitIds]));
}

export async function replaceAssessmentItems(
  tx: Executor,
  visitId: string,
  items: ReadonlyArray<{
    criterionCode: string;
    result: string;
    note: string;
    evidence: { kind: string; id: string }[];
  }>,
) {
  await tx.delete(visitAssessmentItems).where(eq(visitAssessmentItems.visitId, visitId));
  if (items.length) await tx.insert(visitAssessmentItems).values(items.map((i) => ({ ...i, visitId })));
}

/** The document types of a municipality's period with written feedback sent on some version (R2.7-4). */
export async function findSentFeedbackTypes(db: Executor, codes: readonly string[], period: number) {
  if (codes.length === 0) return [];
  return db
    .selectDistinct({ code: documents.municipalityCode, typeId: documents.typeId })
    .from(documentFeedback)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFeedback.versionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(
      and(
        inArray(documents.municipalityCode, [...codes]),
        eq(documents.period, period),
        isNotNull(documentFeedback.sentOn),
      ),
    );
}

/** Planned visits to watch (R1-3): within the counties or municipalities, with the responsible officer. */
export async function findPlannedVisitsToWatch(
  db: Executor,
  q: { counties?: string[]; municipalities?: string[]; periods: number[] },
) {
  if (q.counties?.length === 0 || q.municipalities?.length === 0 || q.periods.length === 0) return [];
  return db
    .select({
      visit: visits,
      municipalityName: municipalities.name,
      countyCode: municipalities.countyCode,
      officerId: municipalities.responsibleOfficerId,
      officerName: users.name,
      published: sql<boolean>`${visitPlans.publishedAt} is not null`,
    })
    .from(visits)
    .innerJoin(municipalities, eq(municipalities.code, visits.municipalityCode))
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .leftJoin(
      visitPlans,
      and(eq(visitPlans.countyCode, municipalities.countyCode), eq(visitPlans.period, visits.period)),
    )
    .where(
      and(
        q.counties ? inArray(municipalities.countyCode, q.counties) : undefined,
        q.municipalities ? inArray(municipalities.code, q.municipalities) : undefined,
        inArray(visits.period, q.periods),
        eq(visits.status, "planned"),
      ),
    );
}

/** Visits of a period counted per municipality of the given ones (for the feedback-before-visit rule). */
export async function findCountedVisits(db: Executor, codes: readonly string[], periods: readonly number[]) {
  if (codes.length === 0 || periods.length === 0) return [];
  return db
    .select({ code: visits.municipalityCode, period: visits.period, status: visits.status })
    .from(visits)
    .where(and(inArray(visits.municipalityCode, [...codes]), inArray(visits.period, [...periods])));
}

export async function findTemplate(db: Executor, county: string, lock = false) {
  const q = db.select().from(visitLetterTemplates).where(eq(visitLetterTemplates.countyCode, county));
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function saveTemplate(
  tx: Executor,
  county: string,
  exists: boolean,
  values: Omit<typeof visitLetterTemplates.$inferInsert, "countyCode">,
) {
  if (exists) await tx.update(visitLetterTemplates).set(values).where(eq(visitLetterTemplates.countyCode, county));
  else await tx.insert(visitLetterTemplates).values({ countyCode: county, ...values });
}
