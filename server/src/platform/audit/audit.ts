import type { AuditAction, AuditEntityType } from "@uppsikt/core";
import { desc, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";
import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { GENESIS_HASH, auditHash } from "./hash.js";

/** The request-scoped context every write carries. */
export interface WriteContext {
  actor: Actor | null;
  requestId: string | null;
  clock: Clock;
}

export interface AuditEntry {
  /** `<resource>.<verb>`, e.g. `users.create`: declared per feature in core (`core/src/features/index.ts`). */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  /** Summaries only: never confidential content, never secrets. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

// Any constant shared by all writers; serializes appends so the chain never forks.
const AUDIT_LOCK_KEY = 7_311_001;

/** Appends one event. Must run inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, ctx: WriteContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const content = {
    id: (last?.id ?? 0) + 1,
    at: ctx.clock.now(),
    actorId: ctx.actor?.id ?? null,
    actorEmail: ctx.actor?.email ?? null,
    actorRole: ctx.actor ? ctx.actor.role : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...content, prevHash, hash: auditHash(prevHash, content) });
}

/** Only the fields named, for before/after summaries. */
export function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = obj[k];
  return out;
}
