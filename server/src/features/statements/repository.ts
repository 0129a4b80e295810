import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  actionEvents,
  actions,
  correctionOpportunities,
  counties,
  dialogueEntries,
  dialogueEntryMunicipalities,
  documentFeedback,
  documents,
  municipalities,
  reductionCases,
  savingsNotices,
  statements,
  users,
  visitProtocolVersions,
  visits,
} from "../../db/schema/index.js";

/* Every query of the statements feature: its own tables and the facts it reads of protocols, feedback, actions and
 * the dialogue for the grounds and the preconditions (batched: one query per kind of fact). */

export type StatementRow = typeof statements.$inferSelect;
export type StatementInsert = typeof statements.$inferInsert;
export type OpportunityRow = typeof correctionOpportunities.$inferSelect;
export type NoticeRow = typeof savingsNotices.$inferSelect;

/** A statement without its files (the files are read only when downloaded). */
const statementColumns = {
  id: statements.id,
  countyCode: statements.countyCode,
  municipalityCode: statements.municipalityCode,
  period: statements.period,
  state: statements.state,
  initiatedBy: statements.initiatedBy,
  savingsNoticeId: statements.savingsNoticeId,
  grounds: statements.grounds,
  text: statements.text,
  secretParts: statements.secretParts,
  actionIds: statements.actionIds,
  opportunityIds: statements.opportunityIds,
  draftedBy: statements.draftedBy,
  approvedBy: statements.approvedBy,
  approvedOn: statements.approvedOn,
  sentBy: statements.sentBy,
  sentOn: statements.sentOn,
  registrationNumber: statements.registrationNumber,
  overrideReason: statements.overrideReason,
  overrideMissing: statements.overrideMissing,
  content: statements.content,
  hasAppendix: sql<boolean>`${statements.appendixPdf} is not null`,
  version: statements.version,
  createdAt: statements.createdAt,
  updatedAt: statements.updatedAt,
  updatedBy: statements.updatedBy,
};
export type StatementHead = Awaited<ReturnType<typeof findStatement>> & {};

export async function findStatement(db: Executor, id: string) {
  const [row] = await db.select(statementColumns).from(statements).where(eq(statements.id, id));
  return row;
}

export async function lockStatement(tx: Executor, id: string) {
  const [row] = await tx.select(statementColumns).from(statements).where(eq(statements.id, id)).for("update");
  return row;
}

export async function findStatementFiles(db: Executor, id: string) {
  const [row] = await db
    .select({
      pdf: statements.pdf,
      docx: statements.docx,
      appendixPdf: statements.appendixPdf,
      appendixDocx: statements.appendixDocx,
    })
    .from(statements)
    .where(eq(statements.id, id));
  return row;
}

export async function listStatements(
  db: Executor,
  q: { county?: string | undefined; municipality?: string | undefined; states?: readonly string[] },
) {
  const where = [
    q.county ? eq(statements.countyCode, q.county) : undefined,
    q.municipality ? eq(statements.municipalityCode, q.municipality) : undefined,
    q.states ? inArray(statements.state, [...q.states]) : undefined,
  ].filter((w) => w !== undefined);
  return db
    .select(statementColumns)
    .from(statements)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(statements.updatedAt));
}

export async function insertStatement(tx: Executor, row: StatementInsert): Promise<string> {
  const [r] = await tx.insert(statements).values(row).returning({ id: statements.id });
  return r!.id;
}

export async function updateStatement(tx: Executor, id: string, values: Partial<StatementInsert>) {
  await tx.update(statements).set(values).where(eq(statements.id, id));
}

/** The drafts and approved statements awaiting the next step (the watch list). */
export async function findStatementsToWatch(
  db: Executor,
  q: { counties?: readonly string[] | undefined; municipalities?: readonly string[] | undefined },
) {
  return db
    .select({ ...statementColumns, municipalityName: municipalities.name })
    .from(statements)
    .innerJoin(municipalities, eq(municipalities.code, statements.municipalityCode))
    .where(
      and(
        inArray(statements.state, ["draft", "approved"]),
        q.counties ? inArray(statements.countyCode, [...q.counties]) : undefined,
        q.municipalities ? inArray(statements.municipalityCode, [...q.municipalities]) : undefined,
      ),
    );
}

export async function findCaseOf(db: Executor, statementIds: readonly string[]) {
  if (statementIds.length === 0) return [];
  return db
    .select({ id: reductionCases.id, statementId: reductionCases.statementId, row: reductionCases })
    .from(reductionCases)
    .where(inArray(reductionCases.statementId, [...statementIds]));
}

export async function userNames(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findCounty(db: Executor, code: string) {
  const [row] = await db
    .select({ code: counties.code, name: counties.name, board: counties.board })
    .from(counties)
    .where(eq(counties.code, code));
  return row;
}

export async function findMunicipalityNames(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, { name: string; countyCode: string; countyName: string }>();
  const rows = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      countyName: counties.name,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .where(inArray(municipalities.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r]));
}

/** The municipalities with their responsible officer (watch items). */
export async function findMunicipalitiesWithOfficer(db: Executor, codes: readonly string[]) {
  if (codes.length === 0)
    return new Map<
      string,
      { code: string; name: string; countyCode: string; officerId: string | null; officerName: string | null }
    >();
  const rows = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      officerId: municipalities.responsibleOfficerId,
      officerName: users.name,
    })
    .from(municipalities)
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(inArray(municipalities.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r]));
}

// ---- What can have communicated a deficiency: sent protocol versions and sent written feedback ----

export async function findSentProtocols(db: Executor, code: string) {
  return db
    .select({
      id: visitProtocolVersions.id,
      visitId: visitProtocolVersions.visitId,
      versionNo: visitProtocolVersions.versionNo,
      sentOn: visitProtocolVersions.sentOn,
      registrationNumber: visitProtocolVersions.registrationNumber,
      heldOn: visits.heldOn,
    })
    .from(visitProtocolVersions)
    .innerJoin(visits, eq(visits.id, visitProtocolVersions.visitId))
    .where(eq(visits.municipalityCode, code))
    .orderBy(asc(visitProtocolVersions.sentOn));
}

export async function findSentFeedback(db: Executor, code: string) {
  return db
    .select({
      id: documentFeedback.id,
      sentOn: documentFeedback.sentOn,
      typeId: documents.typeId,
      registrationNumber: documentFeedback.countyRegistrationNumber,
    })
    .from(documentFeedback)
    .innerJoin(documents, eq(documents.id, documentFeedback.documentId))
    .where(and(eq(documents.municipalityCode, code), isNotNull(documentFeedback.sentOn)))
    .orderBy(asc(documentFeedback.sentOn));
}

// ---- Actions and their send-backs ----

export async function findActions(db: Executor, code: string, period: number) {
  return db
    .select({
      id: actions.id,
      text: actions.text,
      due: actions.due,
      status: actions.status,
      reportedOn: actions.reportedOn,
      confidentialBasis: actions.confidentialBasis,
      period: actions.period,
    })
    .from(actions)
    .where(and(eq(actions.municipalityCode, code), eq(actions.period, period)))
    .orderBy(asc(actions.due), asc(actions.id));
}

/** Events that took an action back from reported done (a send-back). */
export async function findSendBacks(db: Executor, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({ actionId: actionEvents.actionId, at: actionEvents.at, toStatus: actionEvents.toStatus })
    .from(actionEvents)
    .where(
      and(
        inArray(actionEvents.actionId, [...actionIds]),
        eq(actionEvents.fromStatus, "reportedDone"),
        notInArray(actionEvents.toStatus, ["verified", "reportedDone"]),
      ),
    );
}

// ---- The dialogue: shared entries of the municipality ----

export async function findSharedDialogue(db: Executor, code: string, from: string, to: string) {
  return db
    .select({
      id: dialogueEntries.id,
      date: dialogueEntries.date,
      form: dialogueEntries.form,
      subjects: dialogueEntries.subjects,
    })
    .from(dialogueEntries)
    .innerJoin(dialogueEntryMunicipalities, eq(dialogueEntryMunicipalities.entryId, dialogueEntries.id))
    .where(
      and(
        eq(dialogueEntryMunicipalities.municipalityCode, code),
        ne(dialogueEntries.visibility, "countyInternal"),
        sql`${dialogueEntries.date} >= ${from}`,
        sql`${dialogueEntries.date} <= ${to}`,
      ),
    )
    .orderBy(asc(dialogueEntries.date));
}

// ---- Chances to correct ----

export async function findOpportunities(db: Executor, code: string) {
  return db
    .select()
    .from(correctionOpportunities)
    .where(eq(correctionOpportunities.municipalityCode, code))
    .orderBy(asc(correctionOpportunities.offeredOn), asc(correctionOpportunities.createdAt));
}

export async function findOpportunitiesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(correctionOpportunities)
    .where(inArray(correctionOpportunities.id, [...ids]));
}

export async function findOpportunity(db: Executor, id: string) {
  const [row] = await db.select().from(correctionOpportunities).where(eq(correctionOpportunities.id, id));
  return row;
}

export async function lockOpportunity(tx: Executor, id: string) {
  const [row] = await tx.select().from(correctionOpportunities).where(eq(correctionOpportunities.id, id)).for("update");
  return row;
}

export async function insertOpportunity(tx: Executor, row: typeof correctionOpportunities.$inferInsert) {
  const [r] = await tx.insert(correctionOpportunities).values(row).returning();
  return r!;
}

export async function answerOpportunity(
  tx: Executor,
  id: string,
  values: { answerText: string; answeredOn: string; answeredBy: string },
) {
  await tx
    .update(correctionOpportunities)
    .set({ ...values, version: sql`${correctionOpportunities.version} + 1` })
    .where(eq(correctionOpportunities.id, id));
}

export async function findOpenOpportunitiesToWatch(
  db: Executor,
  q: { counties?: readonly string[] | undefined; municipalities?: readonly string[] | undefined },
) {
  return db
    .select({
      o: correctionOpportunities,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      creatorName: users.name,
    })
    .from(correctionOpportunities)
    .innerJoin(municipalities, eq(municipalities.code, correctionOpportunities.municipalityCode))
    .innerJoin(users, eq(users.id, correctionOpportunities.createdBy))
    .where(
      and(
        isNull(correctionOpportunities.answeredOn),
        q.counties ? inArray(municipalities.countyCode, [...q.counties]) : undefined,
        q.municipalities ? inArray(municipalities.code, [...q.municipalities]) : undefined,
      ),
    );
}

// ---- Savings notices ----

export async function findNotices(db: Executor, code: string) {
  return db
    .select({ n: savingsNotices, statementId: statements.id, statementState: statements.state })
    .from(savingsNotices)
    .leftJoin(statements, eq(statements.savingsNoticeId, savingsNotices.id))
    .where(eq(savingsNotices.municipalityCode, code))
    .orderBy(asc(savingsNotices.createdOn), asc(savingsNotices.createdAt));
}

/** The notices of a county's municipalities (or of one of them), newest first. */
export async function findCountyNotices(db: Executor, county: string, municipality: string | null) {
  return db
    .select({ n: savingsNotices, statementId: statements.id, statementState: statements.state })
    .from(savingsNotices)
    .innerJoin(municipalities, eq(municipalities.code, savingsNotices.municipalityCode))
    .leftJoin(statements, eq(statements.savingsNoticeId, savingsNotices.id))
    .where(
      and(
        eq(municipalities.countyCode, county),
        municipality ? eq(savingsNotices.municipalityCode, municipality) : undefined,
      ),
    )
    .orderBy(desc(savingsNotices.createdOn), desc(savingsNotices.createdAt));
}

export async function findNotice(db: Executor, id: string) {
  const [row] = await db.select().from(savingsNotices).where(eq(savingsNotices.id, id));
  return row;
}

export async function lockNotice(tx: Executor, id: string) {
  const [row] = await tx.select().from(savingsNotices).where(eq(savingsNotices.id, id)).for("update");
  return row;
}

export async function statementOfNotice(db: Executor, noticeId: string) {
  const [row] = await db.select({ id: statements.id }).from(statements).where(eq(statements.savingsNoticeId, noticeId));
  return row;
}

export async function insertNotice(tx: Executor, row: typeof savingsNotices.$inferInsert) {
  const [r] = await tx.insert(savingsNotices).values(row).returning();
  return r!;
}

export async function findUnraisedNoticesToWatch(
  db: Executor,
  q: { counties?: readonly string[] | undefined; municipalities?: readonly string[] | undefined },
) {
  return db
    .select({ n: savingsNotices, name: municipalities.name, countyCode: municipalities.countyCode })
    .from(savingsNotices)
    .innerJoin(municipalities, eq(municipalities.code, savingsNotices.municipalityCode))
    .leftJoin(statements, eq(statements.savingsNoticeId, savingsNotices.id))
    .where(
      and(
        isNull(statements.id),
        q.counties ? inArray(municipalities.countyCode, [...q.counties]) : undefined,
        q.municipalities ? inArray(municipalities.code, [...q.municipalities]) : undefined,
      ),
    );
}

/** The active county heads of the counties (the owners of a statement's approval), by name. */
export async function findCountyHeads(db: Executor, countyCodes: readonly string[]) {
  if (countyCodes.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, countyCode: users.countyCode })
    .from(users)
    .where(
      and(
        eq(users.role, "county"),
        eq(users.countyHead, true),
        eq(users.active, true),
        inArray(users.countyCode, [...countyCodes]),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}
