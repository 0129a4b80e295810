import type { AuditEvent, AuditQuery } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { authorize } from "../../platform/permissions.js";
import { findAuditEvents } from "./repository.js";

/** Newest first; dates are Stockholm calendar days. */
export async function listAuditEvents(
  db: Db,
  actor: Actor,
  q: AuditQuery,
): Promise<{ items: AuditEvent[]; total: number }> {
  authorize(actor, "audit.read");
  const { rows, total } = await findAuditEvents(db, q);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      actorRole: r.actorRole as AuditEvent["actorRole"],
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
    })),
    total,
  };
}
