import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { counties, countyDialogueFollowUps, countyDialogues, users } from "../../db/schema/index.js";

export type DialogueRow = typeof countyDialogues.$inferSelect;
export type FollowUpRow = typeof countyDialogueFollowUps.$inferSelect;

export async function insertDialogue(
  tx: Executor,
  dialogue: typeof countyDialogues.$inferInsert,
  followUps: Omit<typeof countyDialogueFollowUps.$inferInsert, "dialogueId">[],
) {
  const [row] = await tx.insert(countyDialogues).values(dialogue).returning();
  if (followUps.length)
    await tx.insert(countyDialogueFollowUps).values(followUps.map((f) => ({ ...f, dialogueId: row!.id })));
  return row!;
}

/** Active agency users among these ids (an owner of a follow-up item must be one). */
export async function findAgencyUsers(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, "agency"), eq(users.active, true)));
}

export async function countyName(db: Executor, code: string) {
  const [row] = await db.select({ name: counties.name }).from(counties).where(eq(counties.code, code)).limit(1);
  return row?.name;
}

const creator = alias(users, "creator");

/** The dialogues of the given ids, or of a county, newest first. */
export async function findDialogues(db: Executor, where: { county?: string; ids?: string[] }) {
  return db
    .select({ dialogue: countyDialogues, countyName: counties.name, createdByName: creator.name })
    .from(countyDialogues)
    .innerJoin(counties, eq(counties.code, countyDialogues.countyCode))
    .leftJoin(creator, eq(creator.id, countyDialogues.createdBy))
    .where(
      and(
        where.county ? eq(countyDialogues.countyCode, where.county) : undefined,
        where.ids ? inArray(countyDialogues.id, where.ids) : undefined,
      ),
    )
    .orderBy(desc(countyDialogues.heldOn), desc(countyDialogues.createdAt));
}

const owner = alias(users, "owner");
const doer = alias(users, "doer");

export async function findFollowUps(db: Executor, dialogueIds: string[]) {
  if (dialogueIds.length === 0) return [];
  return db
    .select({ followUp: countyDialogueFollowUps, ownerName: owner.name, doneByName: doer.name })
    .from(countyDialogueFollowUps)
    .leftJoin(owner, eq(owner.id, countyDialogueFollowUps.ownerId))
    .leftJoin(doer, eq(doer.id, countyDialogueFollowUps.doneBy))
    .where(inArray(countyDialogueFollowUps.dialogueId, dialogueIds))
    .orderBy(asc(countyDialogueFollowUps.dueOn), asc(countyDialogueFollowUps.text));
}

export async function findFollowUp(db: Executor, id: string) {
  const [row] = await db
    .select({ followUp: countyDialogueFollowUps, countyCode: countyDialogues.countyCode })
    .from(countyDialogueFollowUps)
    .innerJoin(countyDialogues, eq(countyDialogues.id, countyDialogueFollowUps.dialogueId))
    .where(eq(countyDialogueFollowUps.id, id))
    .limit(1);
  return row;
}

export async function markDone(tx: Executor, id: string, by: string, at: Date, note: string) {
  const rows = await tx
    .update(countyDialogueFollowUps)
    .set({ doneAt: at, doneBy: by, note })
    .where(and(eq(countyDialogueFollowUps.id, id), isNull(countyDialogueFollowUps.doneAt)))
    .returning({ id: countyDialogueFollowUps.id });
  return rows.length > 0;
}

/** Open follow-up items for the watch list (county filter when given). */
export async function findOpenFollowUps(db: Executor, countyCodes?: string[]) {
  if (countyCodes?.length === 0) return [];
  return db
    .select({
      id: countyDialogueFollowUps.id,
      text: countyDialogueFollowUps.text,
      dueOn: countyDialogueFollowUps.dueOn,
      ownerId: countyDialogueFollowUps.ownerId,
      ownerName: owner.name,
      countyCode: countyDialogues.countyCode,
      countyName: counties.name,
    })
    .from(countyDialogueFollowUps)
    .innerJoin(countyDialogues, eq(countyDialogues.id, countyDialogueFollowUps.dialogueId))
    .innerJoin(counties, eq(counties.code, countyDialogues.countyCode))
    .leftJoin(owner, eq(owner.id, countyDialogueFollowUps.ownerId))
    .where(
      and(
        isNull(countyDialogueFollowUps.doneAt),
        countyCodes ? inArray(countyDialogues.countyCode, countyCodes) : undefined,
      ),
    );
}
