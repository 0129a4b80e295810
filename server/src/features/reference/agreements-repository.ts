import { asc, eq } from "drizzle-orm";
import type { AgreementInput } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { agreements } from "../../db/schema/index.js";

export const findAgreements = (db: Executor) =>
  db.select().from(agreements).orderBy(asc(agreements.firstYear), asc(agreements.title));

export async function findAgreement(db: Executor, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id)).limit(1);
  return row;
}

export async function insertAgreement(db: Executor, input: AgreementInput) {
  const [row] = await db.insert(agreements).values(input).returning();
  return row!;
}

export async function updateAgreement(db: Executor, id: string, input: AgreementInput, now: Date) {
  const [row] = await db
    .update(agreements)
    .set({ ...input, updatedAt: now })
    .where(eq(agreements.id, id))
    .returning();
  return row!;
}
