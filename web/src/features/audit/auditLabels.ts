import {
  AgreementKind as AgreementKindSchema,
  DECISION_BODY_LABELS,
  DOCUMENT_TYPE_IDS,
  DocumentStatus,
  type AgreementKind,
  type AuditEvent,
  type DecisionBody,
  type DocumentTypeId,
  type Role,
} from "@uppsikt/core";
import type { TFunction } from "i18next";

const BASE_ACTIONS = [
  "sessions.create",
  "sessions.delete",
  "sessions.reject",
  "users.create",
  "users.update",
  "municipalities.assignOfficer",
  "agreements.create",
  "agreements.update",
  "reference.load",
] as const;
type BaseAction = (typeof BASE_ACTIONS)[number];
/** Documents, reviews, feedback, clearances and national reference data; labelled in i18n/oversight.ts. */
const OVERSIGHT_ACTIONS = [
  "documents.submit",
  "documents.recordFollowUp",
  "documentReviews.save",
  "feedback.create",
  "feedback.update",
  "feedback.send",
  "clearances.grant",
  "clearances.withdraw",
  "criteria.import",
  "criteria.activate",
  "oslGrounds.create",
  "oslGrounds.update",
  "rsaSections.replace",
  "nationalRules.create",
  "nationalRules.update",
  "nationalRules.import",
  "confidential.read",
  "demo.seed",
] as const;
type OversightAction = (typeof OVERSIGHT_ACTIONS)[number];
export const AUDIT_ACTIONS = [...BASE_ACTIONS, ...OVERSIGHT_ACTIONS] as const;

const ENTITY_TYPES = ["user", "session", "municipality", "county", "agreement", "reference"] as const;
type KnownEntity = (typeof ENTITY_TYPES)[number];
const OVERSIGHT_ENTITY_TYPES = [
  "clearance",
  "criteriaLibraryVersion",
  "documentFeedback",
  "documentFile",
  "documentFollowUp",
  "documentReview",
  "documentVersion",
  "documents",
  "oslGround",
  "rsaSections",
  "nationalRuleVersion",
  "feedback",
  "document",
  "protocol",
] as const;
type OversightEntity = (typeof OVERSIGHT_ENTITY_TYPES)[number];

const FIELDS = [
  "name",
  "email",
  "role",
  "active",
  "countyCode",
  "municipalityCode",
  "countyHead",
  "readOnly",
  "responsibleOfficerId",
  "title",
  "kind",
  "firstYear",
  "lastYear",
  "registrationNumber",
  "taskAreas",
  "note",
  "municipalities",
  "officers",
  "counties",
  "agreements",
] as const;
type KnownField = (typeof FIELDS)[number];
const OVERSIGHT_FIELDS = [
  "municipality",
  "county",
  "period",
  "type",
  "documentType",
  "reason",
  "agreedDate",
  "versionNo",
  "versionId",
  "decidedBy",
  "decidedOn",
  "receivedOn",
  "confidential",
  "files",
  "status",
  "outcome",
  "counts",
  "commented",
  "hasSummary",
  "libraryVersion",
  "countyRegistrationNumber",
  "bodyLength",
  "bodyChanged",
  "sentOn",
  "userId",
  "undertakingSignedOn",
  "validUntil",
  "hasNote",
  "withdrawnAt",
  "withdrawnBy",
  "reference",
  "description",
  "sections",
  "parts",
  "basis",
  "version",
  "sourceReference",
  "isExample",
  "areas",
  "criteria",
  "activeVersion",
  "activeVersionId",
  "fileName",
  "format",
  "versions",
] as const;
type OversightField = (typeof OVERSIGHT_FIELDS)[number];

/** Internal fields that say nothing to a reader of the log. */
const HIDDEN_FIELDS = new Set(["id", "passwordHash", "createdAt", "updatedAt", "periods"]);

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

export function actionLabel(t: TFunction, action: string): string {
  if ((BASE_ACTIONS as readonly string[]).includes(action)) return t(`audit.actions.${action as BaseAction}`);
  if ((OVERSIGHT_ACTIONS as readonly string[]).includes(action))
    return t(`oversight.audit.actions.${action as OversightAction}`);
  return action;
}

function entityTypeLabel(t: TFunction, entityType: string): string {
  if ((ENTITY_TYPES as readonly string[]).includes(entityType)) return t(`audit.entities.${entityType as KnownEntity}`);
  if ((OVERSIGHT_ENTITY_TYPES as readonly string[]).includes(entityType))
    return t(`oversight.audit.entities.${entityType as OversightEntity}`);
  return entityType;
}

/** "Användare anna@example.se", "Kommun 0180": a readable name where the event carries one. */
export function entityLabel(
  t: TFunction,
  event: Pick<AuditEvent, "entityType" | "entityId" | "before" | "after">,
): string {
  const type = entityTypeLabel(t, event.entityType);
  if (event.entityType === "session") return type;
  const record = asRecord(event.after) ?? asRecord(event.before);
  const readable =
    ["email", "title", "reference", "version", "activeVersion"]
      .map((key) => record?.[key])
      .find((v): v is string => typeof v === "string") ?? null;
  if (readable) return `${type} ${readable}`;
  if (!event.entityId) return type;
  const id = /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(event.entityId) ? `${event.entityId.slice(0, 8)}…` : event.entityId;
  return `${type} ${id}`;
}

function fieldLabel(t: TFunction, field: string): string {
  if ((FIELDS as readonly string[]).includes(field)) return t(`audit.fields.${field as KnownField}`);
  if ((OVERSIGHT_FIELDS as readonly string[]).includes(field))
    return t(`oversight.audit.fields.${field as OversightField}`);
  return field;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = ["agency", "county", "municipality", "admin"];
const KINDS = AgreementKindSchema.options;

function valueText(t: TFunction, value: unknown, roleLabel: (role: Role) => string, key = ""): string {
  if (value === null || value === undefined || value === "") return t("audit.valueEmpty");
  if (value === true) return t("audit.valueTrue");
  if (value === false) return t("audit.valueFalse");
  if (Array.isArray(value)) return value.map((v) => valueText(t, v, roleLabel)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  if (key === "role" && ROLES.includes(text)) return roleLabel(text as Role);
  if (key === "kind" && (KINDS as readonly string[]).includes(text))
    return t(`agreements.kinds.${text as AgreementKind}`);
  if ((key === "type" || key === "documentType") && (DOCUMENT_TYPE_IDS as readonly string[]).includes(text))
    return t(`oversight.typeShort.${text as DocumentTypeId}`);
  if ((key === "status" || key === "outcome") && (DocumentStatus.options as readonly string[]).includes(text))
    return t(`oversight.status.${text as DocumentStatus}`);
  if (key === "decidedBy" && text in DECISION_BODY_LABELS) return DECISION_BODY_LABELS[text as DecisionBody];
  if (UUID.test(text)) return `${text.slice(0, 8)}…`;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One line on what changed: "namn: A → B; aktiv: ja → nej", or the values of something created. */
export function changeSummary(
  t: TFunction,
  event: Pick<AuditEvent, "action" | "before" | "after">,
  roleLabel: (role: Role) => string,
): string {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const parts: string[] = [];
  if (after?.passwordChanged === true) parts.push(t("audit.passwordChanged"));
  if (before && after) {
    for (const key of Object.keys(after)) {
      if (HIDDEN_FIELDS.has(key) || key === "passwordChanged") continue;
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      parts.push(
        `${fieldLabel(t, key)}: ${valueText(t, before[key], roleLabel, key)} → ${valueText(t, after[key], roleLabel, key)}`,
      );
    }
    return parts.length ? parts.join("; ") : t("audit.noChange");
  }
  if (after) {
    const values = Object.entries(after)
      .filter(
        ([key, value]) => !HIDDEN_FIELDS.has(key) && key !== "passwordChanged" && value !== null && value !== undefined,
      )
      .map(([key, value]) => `${fieldLabel(t, key)}: ${valueText(t, value, roleLabel, key)}`);
    if (values.length === 0) return "";
    return event.action.endsWith(".create") ? `${t("audit.created")} – ${values.join("; ")}` : values.join("; ");
  }
  return parts.join("; ");
}
