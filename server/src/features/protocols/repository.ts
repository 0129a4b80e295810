import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  protocolTemplates,
  users,
  visitProtocolComments,
  visitProtocolVersions,
  visitProtocols,
} from "../../db/schema/index.js";

export type ProtocolRow = typeof visitProtocols.$inferSelect;

export async function findProtocol(db: Executor, visitId: string): Promise<ProtocolRow | undefined> {
  const [row] = await db.select().from(visitProtocols).where(eq(visitProtocols.visitId, visitId));
  return row;
}

/** The protocol row for the transaction, created (an empty draft) when the visit has none. */
export async function lockProtocol(tx: Executor, visitId: string, now: Date): Promise<ProtocolRow> {
  await tx.insert(visitProtocols).values({ visitId, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(visitProtocols).where(eq(visitProtocols.visitId, visitId)).for("update");
  return row!;
}

export async function updateProtocol(
  tx: Executor,
  visitId: string,
  values: Partial<typeof visitProtocols.$inferInsert>,
) {
  const [row] = await tx.update(visitProtocols).set(values).where(eq(visitProtocols.visitId, visitId)).returning();
  return row!;
}

const versionColumns = {
  id: visitProtocolVersions.id,
  versionNo: visitProtocolVersions.versionNo,
  registrationNumber: visitProtocolVersions.registrationNumber,
  sentOn: visitProtocolVersions.sentOn,
  sentBy: visitProtocolVersions.sentBy,
  approvedBy: visitProtocolVersions.approvedBy,
  corrects: visitProtocolVersions.corrects,
  content: visitProtocolVersions.content,
  createdAt: visitProtocolVersions.createdAt,
};

/** The sent versions, newest first, without their files. */
export function findVersions(db: Executor, visitId: string) {
  return db
    .select(versionColumns)
    .from(visitProtocolVersions)
    .where(eq(visitProtocolVersions.visitId, visitId))
    .orderBy(desc(visitProtocolVersions.versionNo));
}

export async function findVersionFiles(db: Executor, visitId: string, versionNo: number) {
  const [row] = await db
    .select({
      versionNo: visitProtocolVersions.versionNo,
      pdf: visitProtocolVersions.pdf,
      docx: visitProtocolVersions.docx,
      appendixPdf: visitProtocolVersions.appendixPdf,
      appendixDocx: visitProtocolVersions.appendixDocx,
      content: visitProtocolVersions.content,
    })
    .from(visitProtocolVersions)
    .where(and(eq(visitProtocolVersions.visitId, visitId), eq(visitProtocolVersions.versionNo, versionNo)));
  return row;
}

export async function insertVersion(tx: Executor, values: typeof visitProtocolVersions.$inferInsert) {
  await tx.insert(visitProtocolVersions).values(values);
}

export function findComments(db: Executor, visitId: string) {
  return db
    .select({
      id: visitProtocolComments.id,
      round: visitProtocolComments.round,
      text: visitProtocolComments.text,
      createdAt: visitProtocolComments.createdAt,
      authorId: users.id,
      authorName: users.name,
    })
    .from(visitProtocolComments)
    .innerJoin(users, eq(users.id, visitProtocolComments.authorId))
    .where(eq(visitProtocolComments.visitId, visitId))
    .orderBy(asc(visitProtocolComments.createdAt));
}

export async function insertComment(tx: Executor, values: typeof visitProtocolComments.$inferInsert) {
  const [row] = await tx.insert(visitProtocolComments).values(values).returning();
  return row!;
}

/** The users' names by id (protocol comments, action owners); unknown ids are left out. */
export async function findUserNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The municipality's active coordinators (not read-only leadership), who are told of a sent protocol. */
export function findCoordinators(db: Executor, municipalityCode: string) {
  return db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.municipalityCode, municipalityCode),
        eq(users.role, "municipality"),
        eq(users.readOnly, false),
        eq(users.active, true),
      ),
    );
}

export async function findTemplate(db: Executor, county: string, lock = false) {
  const q = db.select().from(protocolTemplates).where(eq(protocolTemplates.countyCode, county));
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function saveTemplate(
  tx: Executor,
  county: string,
  exists: boolean,
  values: Omit<typeof protocolTemplates.$inferInsert, "countyCode">,
) {
  if (exists) await tx.update(protocolTemplates).set(values).where(eq(protocolTemplates.countyCode, county));
  else await tx.insert(protocolTemplates).values({ countyCode: county, ...values });
}
