import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { clearances, users } from "../../db/schema/index.js";

// ---- Clearances ----

const grantor = alias(users, "grantor");
const withdrawer = alias(users, "withdrawer");

const clearanceColumns = {
  id: clearances.id,
  countyCode: clearances.countyCode,
  municipalityCode: clearances.municipalityCode,
  undertakingSignedOn: clearances.undertakingSignedOn,
  validUntil: clearances.validUntil,
  note: clearances.note,
  grantedAt: clearances.grantedAt,
  withdrawnAt: clearances.withdrawnAt,
  userId: users.id,
  userName: users.name,
  userEmail: users.email,
  userRole: users.role,
  grantedById: grantor.id,
  grantedByName: grantor.name,
  withdrawnById: withdrawer.id,
  withdrawnByName: withdrawer.name,
};

export interface ClearanceRow {
  id: string;
  countyCode: string;
  municipalityCode: string | null;
  undertakingSignedOn: string;
  validUntil: string | null;
  note: string | null;
  grantedAt: Date;
  withdrawnAt: Date | null;
  userId: string;
  userName: string;
  userEmail: string;
  userRole: string;
  grantedById: string;
  grantedByName: string;
  withdrawnById: string | null;
  withdrawnByName: string | null;
}

export interface ClearanceFilter {
  county?: string;
  /** Clearances for this municipality and whole-county clearances that cover it. */
  municipality?: string;
  userId?: string;
}

export async function findClearances(db: Executor, filter: ClearanceFilter): Promise<ClearanceRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.county ? eq(clearances.countyCode, filter.county) : undefined,
    filter.userId ? eq(clearances.userId, filter.userId) : undefined,
    filter.municipality
      ? or(
          eq(clearances.municipalityCode, filter.municipality),
          and(isNull(clearances.municipalityCode), eq(clearances.countyCode, filter.municipality.slice(0, 2))),
        )
      : undefined,
  ];
  return db
    .select(clearanceColumns)
    .from(clearances)
    .innerJoin(users, eq(users.id, clearances.userId))
    .innerJoin(grantor, eq(grantor.id, clearances.grantedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, clearances.withdrawnBy))
    .where(and(...conditions));
}

export async function findClearance(db: Executor, id: string): Promise<ClearanceRow | undefined> {
  const [row] = await db
    .select(clearanceColumns)
    .from(clearances)
    .innerJoin(users, eq(users.id, clearances.userId))
    .innerJoin(grantor, eq(grantor.id, clearances.grantedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, clearances.withdrawnBy))
    .where(eq(clearances.id, id))
    .limit(1);
  return row;
}

export async function insertClearance(db: Executor, values: typeof clearances.$inferInsert): Promise<string> {
  const [row] = await db.insert(clearances).values(values).returning({ id: clearances.id });
  return row!.id;
}

/** Withdraws unless already withdrawn; false when someone else was first. */
export async function withdrawClearance(db: Executor, id: string, by: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(clearances)
    .set({ withdrawnBy: by, withdrawnAt: at })
    .where(and(eq(clearances.id, id), isNull(clearances.withdrawnAt)))
    .returning({ id: clearances.id });
  return rows.length === 1;
}

export async function findUser(db: Executor, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}
