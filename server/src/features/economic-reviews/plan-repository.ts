import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { largeSavingsDetections, municipalities, savingsPlans, users } from "../../db/schema/index.js";
import type { WatchQuery } from "../../platform/watch/registry.js";

export type PlanInsert = typeof savingsPlans.$inferInsert;

/** The municipality's savings plans, newest version first, with who created each. */
export async function findPlans(db: Executor, code: string) {
  return db
    .select({ plan: savingsPlans, createdByName: users.name })
    .from(savingsPlans)
    .innerJoin(users, eq(users.id, savingsPlans.createdBy))
    .where(eq(savingsPlans.municipalityCode, code))
    .orderBy(desc(savingsPlans.number));
}

/** The open large-savings detection of a municipality (at most one; written by the economy feature). */
export async function findOpenDetection(db: Executor, code: string) {
  const [row] = await db
    .select({
      id: largeSavingsDetections.id,
      detectedOn: largeSavingsDetections.detectedOn,
      planDueOn: largeSavingsDetections.planDueOn,
    })
    .from(largeSavingsDetections)
    .where(and(eq(largeSavingsDetections.municipalityCode, code), isNull(largeSavingsDetections.clearedOn)))
    .limit(1);
  return row;
}

/** A new version: its number is one above the municipality's latest (versions are never rewritten). */
export async function insertPlan(tx: Executor, row: Omit<PlanInsert, "number">) {
  // Serialise concurrent versions of one municipality's plan on its reference row.
  await tx
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, row.municipalityCode))
    .for("update");
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${savingsPlans.number}), 0)`.mapWith(Number) })
    .from(savingsPlans)
    .where(eq(savingsPlans.municipalityCode, row.municipalityCode));
  const number = (last?.n ?? 0) + 1;
  const [r] = await tx
    .insert(savingsPlans)
    .values({ ...row, number })
    .returning({ id: savingsPlans.id, number: savingsPlans.number });
  return r!;
}

/**
 * Open large-savings detections (R2.6-2) with the municipality and its responsible officer; the watch source keeps
 * those core's savingsPlanOwed says are owed.
 */
export async function findOpenDetectionsForWatch(db: Executor, q: WatchQuery) {
  if (q.counties?.length === 0 || q.municipalities?.length === 0) return [];
  return db
    .select({
      detectionId: largeSavingsDetections.id,
      municipalityCode: largeSavingsDetections.municipalityCode,
      detectedOn: largeSavingsDetections.detectedOn,
      planDueOn: largeSavingsDetections.planDueOn,
      countyCode: municipalities.countyCode,
      municipalityName: municipalities.name,
      officerId: municipalities.responsibleOfficerId,
      officerName: users.name,
    })
    .from(largeSavingsDetections)
    .innerJoin(municipalities, eq(municipalities.code, largeSavingsDetections.municipalityCode))
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(
      and(
        isNull(largeSavingsDetections.clearedOn),
        q.counties ? inArray(municipalities.countyCode, [...q.counties]) : undefined,
        q.municipalities ? inArray(largeSavingsDetections.municipalityCode, [...q.municipalities]) : undefined,
      ),
    );
}

/** The submitted savings plans of the municipalities (one query): when each was submitted. */
export async function findSubmittedPlans(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      municipalityCode: savingsPlans.municipalityCode,
      submitted: savingsPlans.submitted,
      submittedAt: savingsPlans.submittedAt,
    })
    .from(savingsPlans)
    .where(and(inArray(savingsPlans.municipalityCode, [...codes]), eq(savingsPlans.submitted, true)));
}
