import { and, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { annualForms, users } from "../../db/schema/index.js";

/** Every query of the yearly forms (R2.4-1). */

export type AnnualFormRow = typeof annualForms.$inferSelect;
export type AnnualFormInsert = typeof annualForms.$inferInsert;
export interface AnnualFormWithCreator {
  form: AnnualFormRow;
  createdByName: string | null;
}

const withCreator = { form: annualForms, createdByName: users.name };

/** The forms of a year (or all years), drafts only when asked, newest year and number first. */
export async function findForms(
  db: Executor,
  filter: { year?: number; drafts: boolean },
): Promise<AnnualFormWithCreator[]> {
  const where = and(
    filter.year === undefined ? undefined : eq(annualForms.year, filter.year),
    filter.drafts ? undefined : eq(annualForms.status, "published"),
  );
  return db
    .select(withCreator)
    .from(annualForms)
    .leftJoin(users, eq(users.id, annualForms.createdBy))
    .where(where)
    .orderBy(desc(annualForms.year), desc(annualForms.number));
}

export async function findFormWithCreator(db: Executor, id: string): Promise<AnnualFormWithCreator | undefined> {
  const [row] = await db
    .select(withCreator)
    .from(annualForms)
    .leftJoin(users, eq(users.id, annualForms.createdBy))
    .where(eq(annualForms.id, id));
  return row;
}

/** A form by id, draft or published (for other features). */
export async function findForm(db: Executor, id: string): Promise<AnnualFormRow | undefined> {
  const [row] = await db.select().from(annualForms).where(eq(annualForms.id, id));
  return row;
}

/** The year's current form: its latest published version (reports start on it). */
export async function findCurrentForm(db: Executor, year: number): Promise<AnnualFormRow | undefined> {
  const [row] = await db
    .select()
    .from(annualForms)
    .where(and(eq(annualForms.year, year), eq(annualForms.status, "published")))
    .orderBy(desc(annualForms.number))
    .limit(1);
  return row;
}

/** The current form of each year that has one. */
export async function findCurrentForms(db: Executor, years: readonly number[]): Promise<Map<number, AnnualFormRow>> {
  const out = new Map<number, AnnualFormRow>();
  if (years.length === 0) return out;
  const rows = await db
    .select()
    .from(annualForms)
    .where(and(inArray(annualForms.year, [...years]), eq(annualForms.status, "published")))
    .orderBy(asc(annualForms.year), desc(annualForms.number));
  for (const row of rows) if (!out.has(row.year)) out.set(row.year, row);
  return out;
}

/** The number of each year's current (latest published) form. */
export async function currentNumbers(db: Executor, years: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (years.length === 0) return out;
  const rows = await db
    .select({ year: annualForms.year, number: max(annualForms.number) })
    .from(annualForms)
    .where(and(inArray(annualForms.year, [...years]), eq(annualForms.status, "published")))
    .groupBy(annualForms.year);
  for (const r of rows) if (r.number !== null) out.set(r.year, r.number);
  return out;
}

export async function nextNumber(db: Executor, year: number): Promise<number> {
  const [row] = await db
    .select({ n: max(annualForms.number) })
    .from(annualForms)
    .where(eq(annualForms.year, year));
  return (row?.n ?? 0) + 1;
}

export async function findOpenDraft(db: Executor, year: number): Promise<AnnualFormRow | undefined> {
  const [row] = await db
    .select()
    .from(annualForms)
    .where(and(eq(annualForms.year, year), eq(annualForms.status, "draft")))
    .limit(1);
  return row;
}

/** Serializes the writes of one year's forms (numbering, one open draft). */
export async function lockYear(db: Executor, year: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7311014, ${year})`);
}

export async function insertForm(db: Executor, values: AnnualFormInsert): Promise<AnnualFormRow> {
  const [row] = await db.insert(annualForms).values(values).returning();
  return row!;
}

/** Updates a draft at the given version; undefined when stale or no longer a draft. */
export async function updateDraft(
  db: Executor,
  id: string,
  version: number,
  values: Partial<AnnualFormInsert>,
): Promise<AnnualFormRow | undefined> {
  const [row] = await db
    .update(annualForms)
    .set({ ...values, version: version + 1 })
    .where(and(eq(annualForms.id, id), eq(annualForms.version, version), eq(annualForms.status, "draft")))
    .returning();
  return row;
}
