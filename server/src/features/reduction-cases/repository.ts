import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import {
  counties,
  documentRequests,
  municipalities,
  reductionCaseLog,
  reductionCases,
  repaymentInvoices,
  statements,
  users,
} from "../../db/schema/index.js";

/* Every query of the reduction cases (the only file besides schema.ts that imports their tables). */

export type CaseRow = typeof reductionCases.$inferSelect;
export type InvoiceRow = typeof repaymentInvoices.$inferSelect;

export async function insertCase(db: Executor, row: typeof reductionCases.$inferInsert): Promise<string> {
  const [created] = await db.insert(reductionCases).values(row).returning({ id: reductionCases.id });
  return created!.id;
}

const deciders = alias(users, "decider_users");

/** Cases with their municipality, county, statement, decider and invoice. */
export async function findCases(
  db: Executor,
  f: { id?: string; county?: string; municipality?: string; ids?: string[] },
) {
  if (f.ids?.length === 0) return [];
  return db
    .select({
      c: reductionCases,
      municipalityName: municipalities.name,
      countyName: counties.name,
      registrationNumber: statements.registrationNumber,
      sentOn: statements.sentOn,
      initiatedBy: statements.initiatedBy,
      decidedByName: deciders.name,
      invoice: repaymentInvoices,
    })
    .from(reductionCases)
    .innerJoin(municipalities, eq(municipalities.code, reductionCases.municipalityCode))
    .innerJoin(counties, eq(counties.code, reductionCases.countyCode))
    .innerJoin(statements, eq(statements.id, reductionCases.statementId))
    .leftJoin(deciders, eq(deciders.id, reductionCases.decidedBy))
    .leftJoin(repaymentInvoices, eq(repaymentInvoices.caseId, reductionCases.id))
    .where(
      and(
        f.id ? eq(reductionCases.id, f.id) : undefined,
        f.ids ? inArray(reductionCases.id, f.ids) : undefined,
        f.county ? eq(reductionCases.countyCode, f.county) : undefined,
        f.municipality ? eq(reductionCases.municipalityCode, f.municipality) : undefined,
      ),
    )
    .orderBy(desc(reductionCases.receivedOn), desc(reductionCases.id));
}
export type CaseData = Awaited<ReturnType<typeof findCases>>[number];

/** Locks the case row for a change in the transaction. */
export async function lockCase(tx: Executor, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(reductionCases).where(eq(reductionCases.id, id)).for("update");
  return row;
}

/** Writes the case's new values at version + 1; false when the version is stale. */
export async function updateCase(
  tx: Executor,
  current: CaseRow,
  values: Partial<Omit<typeof reductionCases.$inferInsert, "id" | "version" | "createdAt">>,
): Promise<boolean> {
  const rows = await tx
    .update(reductionCases)
    .set({ ...values, version: current.version + 1 })
    .where(and(eq(reductionCases.id, current.id), eq(reductionCases.version, current.version)))
    .returning({ id: reductionCases.id });
  return rows.length > 0;
}

/** Repayment cases without an invoice yet (the settling job decides with core's `invoiceDue`). */
export async function findRepaymentsWithoutInvoice(db: Executor) {
  return db
    .select({ c: reductionCases })
    .from(reductionCases)
    .leftJoin(repaymentInvoices, eq(repaymentInvoices.caseId, reductionCases.id))
    .where(and(eq(reductionCases.outcome, "repayment"), isNull(repaymentInvoices.id)));
}

/** Makes the case's invoice unless it exists; true when this call made it. */
export async function insertInvoice(tx: Executor, row: typeof repaymentInvoices.$inferInsert): Promise<string | null> {
  const rows = await tx
    .insert(repaymentInvoices)
    .values(row)
    .onConflictDoNothing({ target: repaymentInvoices.caseId })
    .returning({ id: repaymentInvoices.id });
  return rows[0]?.id ?? null;
}

export async function findInvoice(db: Executor, caseId: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(repaymentInvoices).where(eq(repaymentInvoices.caseId, caseId)).for("update");
  return row;
}

export async function markInvoiceSent(tx: Executor, id: string, invoiceNumber: string, sentOn: string) {
  await tx.update(repaymentInvoices).set({ invoiceNumber, sentOn }).where(eq(repaymentInvoices.id, id));
}

/** Repayment invoices made but not sent, for the watch list. */
export async function findUnsentInvoices(db: Executor, f: { counties?: string[]; municipalities?: string[] }) {
  if (f.counties?.length === 0 || f.municipalities?.length === 0) return [];
  return db
    .select({
      caseId: reductionCases.id,
      createdOn: repaymentInvoices.createdOn,
      countyCode: reductionCases.countyCode,
      countyName: counties.name,
      municipalityCode: reductionCases.municipalityCode,
      municipalityName: municipalities.name,
      decidedBy: reductionCases.decidedBy,
      decidedByName: users.name,
    })
    .from(repaymentInvoices)
    .innerJoin(reductionCases, eq(reductionCases.id, repaymentInvoices.caseId))
    .innerJoin(municipalities, eq(municipalities.code, reductionCases.municipalityCode))
    .innerJoin(counties, eq(counties.code, reductionCases.countyCode))
    .leftJoin(users, eq(users.id, reductionCases.decidedBy))
    .where(
      and(
        isNull(repaymentInvoices.sentOn),
        f.counties ? inArray(reductionCases.countyCode, f.counties) : undefined,
        f.municipalities ? inArray(reductionCases.municipalityCode, f.municipalities) : undefined,
      ),
    );
}

/** Every case in the watch query's scope, for the watch list (the source decides with core's rules). */
export async function findWatchedCases(db: Executor, f: { counties?: string[]; municipalities?: string[] }) {
  if (f.counties?.length === 0 || f.municipalities?.length === 0) return [];
  return db
    .select({
      c: reductionCases,
      countyName: counties.name,
      municipalityName: municipalities.name,
      decidedByName: users.name,
    })
    .from(reductionCases)
    .innerJoin(municipalities, eq(municipalities.code, reductionCases.municipalityCode))
    .innerJoin(counties, eq(counties.code, reductionCases.countyCode))
    .leftJoin(users, eq(users.id, reductionCases.decidedBy))
    .where(
      and(
        f.counties ? inArray(reductionCases.countyCode, f.counties) : undefined,
        f.municipalities ? inArray(reductionCases.municipalityCode, f.municipalities) : undefined,
      ),
    );
}

// ---- The case's log ----

export async function findLog(db: Executor, caseId: string) {
  return db
    .select({ entry: reductionCaseLog, byName: users.name })
    .from(reductionCaseLog)
    .innerJoin(users, eq(users.id, reductionCaseLog.createdBy))
    .where(eq(reductionCaseLog.caseId, caseId))
    .orderBy(desc(reductionCaseLog.on), desc(reductionCaseLog.createdAt), asc(reductionCaseLog.id));
}

export async function insertLogEntry(tx: Executor, row: typeof reductionCaseLog.$inferInsert): Promise<string> {
  const [created] = await tx.insert(reductionCaseLog).values(row).returning({ id: reductionCaseLog.id });
  return created!.id;
}

export async function findLogEntry(db: Executor, id: string) {
  const [row] = await db
    .select({ entry: reductionCaseLog, byName: users.name })
    .from(reductionCaseLog)
    .innerJoin(users, eq(users.id, reductionCaseLog.createdBy))
    .where(eq(reductionCaseLog.id, id));
  return row;
}

// ---- The agency's document requests in a case ----

/** The agency's open requests of cases (not answered, not closed), for the watch list. */
export async function findOpenCaseRequests(db: Executor, f: { counties?: string[]; municipalities?: string[] }) {
  if (f.counties?.length === 0 || f.municipalities?.length === 0) return [];
  return db
    .select({
      id: documentRequests.id,
      caseId: reductionCases.id,
      subject: documentRequests.subject,
      replyBy: documentRequests.replyBy,
      confidentialBasis: documentRequests.confidentialBasis,
      countyCode: reductionCases.countyCode,
      municipalityCode: reductionCases.municipalityCode,
      municipalityName: municipalities.name,
      countyName: counties.name,
      requestedBy: documentRequests.requestedBy,
      requestedByName: users.name,
      answeredAt: documentRequests.answeredAt,
      closedAt: documentRequests.closedAt,
    })
    .from(documentRequests)
    .innerJoin(reductionCases, eq(reductionCases.id, documentRequests.reductionCaseId))
    .innerJoin(municipalities, eq(municipalities.code, reductionCases.municipalityCode))
    .innerJoin(counties, eq(counties.code, reductionCases.countyCode))
    .innerJoin(users, eq(users.id, documentRequests.requestedBy))
    .where(
      and(
        isNull(documentRequests.answeredAt),
        isNull(documentRequests.closedAt),
        f.counties ? inArray(reductionCases.countyCode, f.counties) : undefined,
        f.municipalities ? inArray(reductionCases.municipalityCode, f.municipalities) : undefined,
      ),
    );
}

/** The case a document request names: its municipality and county (for the agency's requests). */
export async function findCaseRef(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: reductionCases.id,
      municipalityCode: reductionCases.municipalityCode,
      countyCode: reductionCases.countyCode,
    })
    .from(reductionCases)
    .where(eq(reductionCases.id, id));
  return row;
}
