import { type AuditQuery, addDays, stockholmDayStart } from "@uppsikt/core";
import { and, count, desc, eq, gte, ilike, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";

/** A page of audit events, newest first, and how many match; dates are Stockholm calendar days. */
export async function findAuditEvents(db: Db, q: AuditQuery) {
  const where = and(
    q.action ? ilike(auditEvents.action, `${q.action.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    q.actor ? ilike(auditEvents.actorEmail, `%${q.actor.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.from ? gte(auditEvents.at, stockholmDayStart(q.from)) : undefined,
    q.to ? lt(auditEvents.at, stockholmDayStart(addDays(q.to, 1))) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
