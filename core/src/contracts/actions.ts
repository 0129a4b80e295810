import { z } from "zod";
import { IsoDate, listOf } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";
import { ACTION_STATUSES } from "../rules/actions.js";

/*
 * The action plan (R2.7-8): the sent protocol's measures become actions, and the municipality adds its own. Each has
 * a text, an owner at the municipality (a user or a named person), a deadline, how the county follows it up, steps,
 * and a status; overdue is core's rule.
 */

export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const ActionOwnerInput = z
  .object({ userId: Uuid.optional(), name: text(1, 200, "ansvarigs namn").optional() })
  .refine((o) => o.userId !== undefined || o.name !== undefined, {
    message: "Ange en användare eller en namngiven ansvarig.",
    path: ["name"],
  });

export const ActionCreate = z.object({
  text: text(1, 5000, "åtgärden"),
  owner: ActionOwnerInput,
  due: IsoDate,
  followUp: text(0, 2000, "hur länsstyrelsen följer upp").optional(),
  steps: text(0, 10_000, "stegen").optional(),
  /** The visit whose action plan it belongs to, when it answers a protocol. */
  visitId: Uuid.optional(),
  confidentialBasis: ConfidentialBasis.optional(),
});
export type ActionCreate = z.infer<typeof ActionCreate>;

export const ActionPatch = z.object({
  version: z.number().int().min(1),
  status: ActionStatus.optional(),
  comment: text(0, 5000, "kommentaren").optional(),
  owner: ActionOwnerInput.optional(),
  steps: text(0, 10_000, "stegen").optional(),
});

export const ActionHistoryEntry = z.object({
  at: z.string(),
  by: PersonRef,
  from: ActionStatus.nullable(),
  to: ActionStatus,
  comment: z.string().nullable(),
});

export const ActionFile = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  downloadUrl: z.string(),
});

export const ActionView = z.object({
  id: Uuid,
  municipality: MunicipalityRef,
  visitId: Uuid.nullable(),
  source: z.enum(["protocol", "municipality"]),
  /** null when confidential and the reader has no clearance. */
  text: z.string().nullable(),
  owner: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  due: IsoDate,
  followUp: z.string().nullable(),
  steps: z.string().nullable(),
  status: ActionStatus,
  /** Past the deadline and not reported done or verified (core `isActionOverdue`). */
  overdue: z.boolean(),
  reportedOn: IsoDate.nullable(),
  /** When the county owes its verification of a reported action. */
  verificationDueOn: IsoDate.nullable(),
  confidential: ConfidentialMark.nullable(),
  history: z.array(ActionHistoryEntry),
  files: z.array(ActionFile),
  version: z.number().int(),
});
export type ActionView = z.infer<typeof ActionView>;
export const ActionList = listOf(ActionView);
export const ActionParams = z.object({ id: Uuid });
export const ActionListQuery = z.object({
  period: z.coerce.number().int().min(1900).max(2100).optional(),
});
/** The text field of a report of an action done (multipart); the files come as parts named `file`. */
export const ActionReportFields = z.object({ comment: text(1, 5000, "vad kommunen har gjort") });
