import { z } from "zod";
import { IsoDate, listOf, Pagination, plain } from "./common.js";
import { Role } from "./auth.js";

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: Role.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditEventList = listOf(AuditEvent);

export const AuditQuery = Pagination.extend({
  action: plain().trim().max(100).optional(),
  actor: plain().trim().max(254).optional(),
  entityType: plain().trim().max(100).optional(),
  entityId: plain().trim().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
