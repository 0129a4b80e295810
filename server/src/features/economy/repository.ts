import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { agreements, counties, municipalities, users } from "../../db/schema/index.js";
import { warnings } from "../early-warnings/schema.js";
import { savingsPlans } from "../economic-reviews/schema.js";
import {
  compensationAmountHistory,
  compensationAmounts,
  compensationParts,
  costItems,
  costSets,
  largeSavingsDetections,
  openingBalances,
} from "./schema.js";

/* Every query of the economy feature (the only file besides schema.ts and demo.ts that imports its tables). */

export type PartRow = typeof compensationParts.$inferSelect & { agreementTitle: string | null };
export type PartInsert = typeof compensationParts.$inferInsert;

export async function findParts(db: Executor): Promise<PartRow[]> {
  const rows = await db
    .select({ part: compensationParts, agreementTitle: agreements.title })
    .from(compensationParts)
    .leftJoin(agreements, eq(agreements.id, compensationParts.agreementId))
    .orderBy(asc(compensationParts.position), asc(compensationParts.code));
  return rows.map((r) => ({ ...r.part, agreementTitle: r.agreementTitle }));
}

export async function partCodes(db: Executor): Promise<string[]> {
  return (await db.select({ code: compensationParts.code }).from(compensationParts)).map((r) => r.code);
}

export async function agreementIdsByTitle(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ id: agreements.id, title: agreements.title }).from(agreements);
  return new Map(rows.map((r) => [r.title, r.id]));
}

export async function agreementExists(db: Executor, id: string): Promise<boolean> {
  return (await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, id))).length > 0;
}

export async function insertParts(db: Executor, rows: PartInsert[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(compensationParts)
    .values(rows)
    .onConflictDoNothing()
    .returning({ code: compensationParts.code });
  return inserted.map((r) => r.code);
}

/** Updates at the given version; false when the version is stale. */
export async function updatePart(
  db: Executor,
  code: string,
  version: number,
  values: Partial<PartInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(compensationParts)
    .set({ ...values, version: sql`${compensationParts.version} + 1`, updatedAt: now })
    .where(and(eq(compensationParts.code, code), eq(compensationParts.version, version)))
    .returning({ code: compensationParts.code });
  return rows.length > 0;
}

export type AmountRow = typeof compensationAmounts.$inferSelect;

export async function findAmounts(db: Executor, codes: string[]): Promise<AmountRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(compensationAmounts).where(inArray(compensationAmounts.municipalityCode, codes));
}

export interface CostSetRow {
  id: string;
  municipalityCode: string;
  year: number;
  source: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
}
export type CostItemRow = typeof costItems.$inferSelect;

export async function findCostSets(
  db: Executor,
  codes: string[],
  year?: number,
): Promise<{ sets: CostSetRow[]; items: CostItemRow[] }> {
  if (codes.length === 0) return { sets: [], items: [] };
  const sets = await db
    .select({
      id: costSets.id,
      municipalityCode: costSets.municipalityCode,
      year: costSets.year,
      source: costSets.source,
      version: costSets.version,
      updatedAt: costSets.updatedAt,
      updatedBy: costSets.updatedBy,
      updatedByName: users.name,
    })
    .from(costSets)
    .leftJoin(users, eq(users.id, costSets.updatedBy))
    .where(
      year === undefined
        ? inArray(costSets.municipalityCode, codes)
        : and(inArray(costSets.municipalityCode, codes), eq(costSets.year, year)),
    );
  if (sets.length === 0) return { sets, items: [] };
  const items = await db
    .select()
    .from(costItems)
    .where(
      inArray(
        costItems.setId,
        sets.map((s) => s.id),
      ),
    );
  return { sets, items };
}

export interface CostItemValues {
  partCode: string;
  categoryCode: string;
  amount: number;
  manualCompilation: boolean;
}

/**
 * Replaces one source's set of a municipality and year. `version` 0 creates it (null when it already exists);
 * otherwise updates at the version (null when stale). Returns the new version.
 */
export async function replaceCostSet(
  db: Executor,
  key: { municipalityCode: string; year: number; source: string },
  version: number | "any",
  items: CostItemValues[],
  by: string | null,
  now: Date,
): Promise<{ id: string; version: number; before: number } | null> {
  const [existing] = await db
    .select({ id: costSets.id, version: costSets.version })
    .from(costSets)
    .where(
      and(
        eq(costSets.municipalityCode, key.municipalityCode),
        eq(costSets.year, key.year),
        eq(costSets.source, key.source),
      ),
    )
    .for("update");
  let id: string;
  let next: number;
  if (!existing) {
    if (version !== 0 && version !== "any") return null;
    const [row] = await db
      .insert(costSets)
      .values({ ...key, version: 1, updatedAt: now, updatedBy: by })
      .onConflictDoNothing()
      .returning({ id: costSets.id });
    if (!row) return null;
    id = row.id;
    next = 1;
  } else {
    if (version !== "any" && existing.version !== version) return null;
    next = existing.version + 1;
    id = existing.id;
    await db.update(costSets).set({ version: next, updatedAt: now, updatedBy: by }).where(eq(costSets.id, id));
    await db.delete(costItems).where(eq(costItems.setId, id));
  }
  if (items.length) await db.insert(costItems).values(items.map((i) => ({ ...i, setId: id })));
  return { id, version: next, before: existing?.version ?? 0 };
}

export type OpeningRow = typeof openingBalances.$inferSelect;

export async function findOpenings(db: Executor, codes: string[]): Promise<OpeningRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(openingBalances).where(inArray(openingBalances.municipalityCode, codes));
}

/** Upserts an opening balance at the version (0 = new); false when stale. */
export async function putOpening(
  db: Executor,
  key: { municipalityCode: string; partCode: string; year: number },
  version: number,
  amount: number,
  by: string | null,
  now: Date,
): Promise<{ version: number; before: number | null } | null> {
  const where = and(
    eq(openingBalances.municipalityCode, key.municipalityCode),
    eq(openingBalances.partCode, key.partCode),
    eq(openingBalances.year, key.year),
  );
  const [existing] = await db.select().from(openingBalances).where(where).for("update");
  if (!existing) {
    if (version !== 0) return null;
    const rows = await db
      .insert(openingBalances)
      .values({ ...key, amount, version: 1, updatedAt: now, updatedBy: by })
      .onConflictDoNothing()
      .returning({ v: openingBalances.version });
    return rows.length ? { version: 1, before: null } : null;
  }
  if (existing.version !== version) return null;
  await db
    .update(openingBalances)
    .set({ amount, version: existing.version + 1, updatedAt: now, updatedBy: by })
    .where(where);
  return { version: existing.version + 1, before: existing.amount };
}

export type DetectionRow = typeof largeSavingsDetections.$inferSelect;

export async function findOpenDetections(db: Executor, codes: string[]): Promise<DetectionRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(largeSavingsDetections)
    .where(and(inArray(largeSavingsDetections.municipalityCode, codes), isNull(largeSavingsDetections.clearedOn)));
}

export async function insertDetection(
  db: Executor,
  row: { municipalityCode: string; detectedOn: string; judgedYear: number; planDueOn: string; createdAt: Date },
): Promise<string> {
  const [r] = await db.insert(largeSavingsDetections).values(row).returning({ id: largeSavingsDetections.id });
  return r!.id;
}

export async function clearDetection(db: Executor, id: string, on: string): Promise<void> {
  await db.update(largeSavingsDetections).set({ clearedOn: on }).where(eq(largeSavingsDetections.id, id));
}

export async function updateDetectionDue(db: Executor, id: string, planDueOn: string): Promise<void> {
  await db.update(largeSavingsDetections).set({ planDueOn }).where(eq(largeSavingsDetections.id, id));
}

export async function findOpenDetection(db: Executor, code: string): Promise<DetectionRow | undefined> {
  return (await findOpenDetections(db, [code]))[0];
}

export async function findAmount(
  db: Executor,
  key: { municipalityCode: string; year: number; partCode: string },
): Promise<AmountRow | undefined> {
  const [row] = await db
    .select()
    .from(compensationAmounts)
    .where(
      and(
        eq(compensationAmounts.municipalityCode, key.municipalityCode),
        eq(compensationAmounts.year, key.year),
        eq(compensationAmounts.partCode, key.partCode),
      ),
    )
    .for("update");
  return row;
}

export type AmountInsert = typeof compensationAmounts.$inferInsert;

export async function insertAmounts(db: Executor, rows: AmountInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(compensationAmounts).values(rows.slice(i, i + 500));
}

/** Keeps the current values in the history and writes the new ones at version + 1; false when the version is stale. */
export async function updateAmount(
  db: Executor,
  current: AmountRow,
  values: { amount: number; status: string; adjustment: number | null; statusOn: string | null },
  by: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(compensationAmounts)
    .set({ ...values, version: current.version + 1, updatedAt: now })
    .where(and(eq(compensationAmounts.id, current.id), eq(compensationAmounts.version, current.version)))
    .returning({ id: compensationAmounts.id });
  if (rows.length === 0) return false;
  await db.insert(compensationAmountHistory).values({
    amountId: current.id,
    version: current.version,
    amount: current.amount,
    status: current.status,
    adjustment: current.adjustment,
    statusOn: current.statusOn,
    replacedAt: now,
    replacedBy: by,
  });
  return true;
}

export async function findAmountHistory(db: Executor, amountId: string) {
  return db
    .select()
    .from(compensationAmountHistory)
    .where(eq(compensationAmountHistory.amountId, amountId))
    .orderBy(asc(compensationAmountHistory.version));
}

export interface MunicipalityRef {
  code: string;
  name: string;
  countyCode: string;
}

/** The municipalities of one county, or of all counties. */
export async function findMunicipalityRefs(db: Executor, countyCode?: string): Promise<MunicipalityRef[]> {
  return db
    .select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode })
    .from(municipalities)
    .where(countyCode ? eq(municipalities.countyCode, countyCode) : undefined)
    .orderBy(asc(municipalities.code));
}

export async function findCountyRefs(db: Executor, code?: string): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: counties.code, name: counties.name })
    .from(counties)
    .where(code ? eq(counties.code, code) : undefined)
    .orderBy(asc(counties.code));
}

/** Submitted savings plans of the municipalities: when each was created. */
export async function findSubmittedPlans(
  db: Executor,
  codes: string[],
): Promise<{ municipalityCode: string; createdAt: Date; submittedAt: Date | null }[]> {
  if (codes.length === 0) return [];
  return db
    .select({
      municipalityCode: savingsPlans.municipalityCode,
      createdAt: savingsPlans.createdAt,
      submittedAt: savingsPlans.submittedAt,
    })
    .from(savingsPlans)
    .where(and(inArray(savingsPlans.municipalityCode, codes), eq(savingsPlans.submitted, true)));
}

/** The municipalities with an open early warning about savings. */
export async function findOpenSavingsWarnings(db: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: warnings.municipalityCode })
    .from(warnings)
    .where(
      and(inArray(warnings.municipalityCode, codes), eq(warnings.kind, "largeSavings"), isNull(warnings.resolvedAt)),
    );
  return new Set(rows.map((r) => r.code));
}

// ---- The status a reduction case gives a year's compensation (R3.3-2) ----

/** A municipality's compensation of one year, per part with its name and confidential basis, locked for a change. */
export async function findYearAmounts(db: Executor, code: string, year: number, lock = false) {
  const q = db
    .select({
      amount: compensationAmounts,
      partName: compensationParts.name,
      confidentialBasis: compensationParts.confidentialBasis,
      position: compensationParts.position,
    })
    .from(compensationAmounts)
    .innerJoin(compensationParts, eq(compensationParts.code, compensationAmounts.partCode))
    .where(and(eq(compensationAmounts.municipalityCode, code), eq(compensationAmounts.year, year)))
    .orderBy(asc(compensationParts.position), asc(compensationParts.code));
  return lock ? q.for("update", { of: compensationAmounts }) : q;
}
export type YearAmountRow = Awaited<ReturnType<typeof findYearAmounts>>[number];

/**
 * Sets a compensation row's status, adjustment and status date (the amount stays), keeping the earlier values in the
 * history; false when the row changed meanwhile. The caller audits it in the same transaction.
 */
export async function setAmountStatus(
  tx: Executor,
  current: AmountRow,
  values: { status: string; adjustment: number | null; statusOn: string | null },
  by: string | null,
  now: Date,
): Promise<boolean> {
  return updateAmount(tx, current, { amount: current.amount, ...values }, by, now);
}

/** The latest earlier values of a compensation row whose status differs from the given one (to restore them). */
export async function findEarlierStatus(db: Executor, amountId: string, notStatus: string) {
  const [row] = await db
    .select({
      status: compensationAmountHistory.status,
      adjustment: compensationAmountHistory.adjustment,
      statusOn: compensationAmountHistory.statusOn,
    })
    .from(compensationAmountHistory)
    .where(
      and(eq(compensationAmountHistory.amountId, amountId), sql`${compensationAmountHistory.status} <> ${notStatus}`),
    )
    .orderBy(sql`${compensationAmountHistory.version} desc`)
    .limit(1);
  return row;
}
