import { asc, eq, max } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { oslGrounds } from "../../db/schema/index.js";

export type OslGroundRow = typeof oslGrounds.$inferSelect;

export async function findOslGrounds(db: Executor): Promise<OslGroundRow[]> {
  return db.select().from(oslGrounds).orderBy(asc(oslGrounds.position), asc(oslGrounds.reference));
}

export async function findOslGround(db: Executor, id: string): Promise<OslGroundRow | undefined> {
  const [row] = await db.select().from(oslGrounds).where(eq(oslGrounds.id, id)).limit(1);
  return row;
}

export async function findOslGroundByReference(db: Executor, reference: string): Promise<OslGroundRow | undefined> {
  const [row] = await db.select().from(oslGrounds).where(eq(oslGrounds.reference, reference)).limit(1);
  return row;
}

export async function insertOslGround(
  db: Executor,
  values: { reference: string; description: string; active: boolean },
): Promise<OslGroundRow> {
  const [last] = await db.select({ position: max(oslGrounds.position) }).from(oslGrounds);
  const [row] = await db
    .insert(oslGrounds)
    .values({ ...values, position: (last?.position ?? 0) + 10 })
    .returning();
  return row!;
}

export async function updateOslGround(
  db: Executor,
  id: string,
  values: { reference: string; description: string; active: boolean },
): Promise<OslGroundRow> {
  const [row] = await db.update(oslGrounds).set(values).where(eq(oslGrounds.id, id)).returning();
  return row!;
}

/** Inserts the starter grounds not yet there; conflicts on the fixed id or on the reference are skipped. */
export function insertMissingGrounds(db: Executor, grounds: (typeof oslGrounds.$inferInsert)[]) {
  return db
    .insert(oslGrounds)
    .values(grounds)
    .onConflictDoNothing()
    .returning({ id: oslGrounds.id, reference: oslGrounds.reference });
}
