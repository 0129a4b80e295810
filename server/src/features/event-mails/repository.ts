import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { eventMailAttachments, eventMails, municipalities, reminderPreferences, users } from "../../db/schema/index.js";

export type EventMailRow = typeof eventMails.$inferSelect;
export type NewEventMail = typeof eventMails.$inferInsert;

export interface MailRecipient {
  id: string;
  name: string;
  email: string;
}

const recipientColumns = { id: users.id, name: users.name, email: users.email };

/** The active coordinators of a municipality (municipality users that are not read-only), with an address. */
export function findCoordinators(db: Executor, municipalityCode: string): Promise<MailRecipient[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .where(
      and(
        eq(users.active, true),
        eq(users.role, "municipality"),
        eq(users.readOnly, false),
        eq(users.municipalityCode, municipalityCode),
        sql`${users.email} <> ''`,
      ),
    )
    .orderBy(users.email);
}

/** The municipality's responsible officer at the county, when one is assigned and active. */
export async function findResponsibleOfficer(db: Executor, municipalityCode: string): Promise<MailRecipient | null> {
  const [row] = await db
    .select(recipientColumns)
    .from(municipalities)
    .innerJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(and(eq(municipalities.code, municipalityCode), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}

export async function findActiveUser(db: Executor, id: string): Promise<MailRecipient | null> {
  const [row] = await db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}

/** The users among these who have turned the kind off. */
export async function findTurnedOff(db: Executor, userIds: string[], kind: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: reminderPreferences.userId })
    .from(reminderPreferences)
    .where(
      and(
        inArray(reminderPreferences.userId, userIds),
        eq(reminderPreferences.kind, kind),
        eq(reminderPreferences.enabled, false),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export async function insertAttachment(
  tx: Executor,
  file: { fileName: string; mediaType: string; content: Buffer; createdAt: Date },
): Promise<string> {
  const [row] = await tx.insert(eventMailAttachments).values(file).returning({ id: eventMailAttachments.id });
  return row!.id;
}

export function insertMails(tx: Executor, rows: NewEventMail[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return tx.insert(eventMails).values(rows).returning({ id: eventMails.id });
}

/**
 * Claims up to `limit` mails due for sending: pending ones whose time has come, and ones left "sending" since
 * before `staleBefore` (a process stopped mid-send). One UPDATE … RETURNING: the status is checked again on the
 * locked row, and rows another run holds are skipped, so two runs (in one or several processes) never claim one.
 */
export async function claimDue(db: Executor, now: Date, staleBefore: Date, limit: number): Promise<EventMailRow[]> {
  const due = or(
    and(eq(eventMails.status, "pending"), lte(eventMails.nextAttemptAt, now)),
    and(eq(eventMails.status, "sending"), lte(eventMails.claimedAt, staleBefore)),
  );
  const candidates = db
    .select({ id: eventMails.id })
    .from(eventMails)
    .where(due)
    .orderBy(eventMails.createdAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(eventMails)
    .set({ status: "sending", claimedAt: now, attempts: sql`${eventMails.attempts} + 1` })
    .where(and(inArray(eventMails.id, candidates), due))
    .returning();
}

export async function findAttachments(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(eventMailAttachments).where(inArray(eventMailAttachments.id, ids));
}

export function markSent(db: Executor, id: string, sentAt: Date) {
  return db
    .update(eventMails)
    .set({ status: "sent", sentAt, error: null })
    .where(and(eq(eventMails.id, id), eq(eventMails.status, "sending")));
}

export function markFailed(db: Executor, id: string, values: { error: string; retryAt: Date | null }) {
  return db
    .update(eventMails)
    .set(
      values.retryAt
        ? { status: "pending", nextAttemptAt: values.retryAt, error: values.error }
        : { status: "failed", error: values.error },
    )
    .where(and(eq(eventMails.id, id), eq(eventMails.status, "sending")));
}

/** Test and inspection support: the mails of an entity. */
export function findForEntity(db: Executor, entityType: string, entityId: string) {
  return db
    .select()
    .from(eventMails)
    .where(and(eq(eventMails.entityType, entityType), eq(eventMails.entityId, entityId)))
    .orderBy(eventMails.toAddress);
}
