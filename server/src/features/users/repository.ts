import { and, eq, ilike, inArray, isNull, or } from "drizzle-orm";
import { forgetSessionsOf } from "../../platform/auth/sessions.js";
import { forgetReferenceData } from "../../platform/cache/reference-cache.js";
import type { Executor } from "../../db/client.js";
import { clearances, municipalities, sessions, users } from "../../db/schema/index.js";

export type UserRow = typeof users.$inferSelect;

export async function findUsers(db: Executor, filter: { q?: string; role?: string; county?: string }) {
  const q = filter.q?.replace(/[%_\\]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(users)
    .where(
      and(
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.county
          ? or(
              eq(users.countyCode, filter.county),
              inArray(
                users.municipalityCode,
                db
                  .select({ code: municipalities.code })
                  .from(municipalities)
                  .where(eq(municipalities.countyCode, filter.county)),
              ),
            )
          : undefined,
        q ? or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined,
      ),
    );
}

export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  db: Executor,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  forgetSessionsOf(id);
  forgetReferenceData();
  return row!;
}

export async function endSessionsOf(db: Executor, userId: string) {
  forgetSessionsOf(userId);
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Municipalities whose responsible officer this user is (cleared when the user leaves the county role). */
export async function clearResponsibility(db: Executor, userId: string) {
  await db
    .update(municipalities)
    .set({ responsibleOfficerId: null })
    .where(eq(municipalities.responsibleOfficerId, userId));
  forgetReferenceData();
}

/** A user who moves to another role or scope keeps no clearance from before; returns how many were withdrawn. */
export async function withdrawClearancesOf(db: Executor, userId: string, by: string, at: Date): Promise<number> {
  const rows = await db
    .update(clearances)
    .set({ withdrawnAt: at, withdrawnBy: by })
    .where(and(eq(clearances.userId, userId), isNull(clearances.withdrawnAt)))
    .returning({ id: clearances.id });
  return rows.length;
}
