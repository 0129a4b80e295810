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
import i18next, { type TFunction } from "i18next";
import { labelTables } from "../labels";
import { auditSv } from "./strings";

export { AUDIT_ACTIONS } from "@uppsikt/core";

/** The fields the log names in words (`audit.fields`); others are shown by their key. */
type KnownField = keyof typeof auditSv.fields;
const isKnownField = (field: string): field is KnownField => Object.hasOwn(auditSv.fields, field);

/** Internal fields that say nothing to a reader of the log. */
const HIDDEN_FIELDS = new Set(["id", "passwordHash", "createdAt", "updatedAt", "periods"]);

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** An action's label from the features' tables; an unknown code (a newer server) is shown as it is. */
export function actionLabel(_t: TFunction, action: string): string {
  return (labelTables(i18next.language).actions as Record<string, string | undefined>)[action] ?? action;
}

function entityTypeLabel(entityType: string): string {
  return labelTables(i18next.language).entities[entityType] ?? entityType;
}

/** "Användare anna@example.se", "Kommun 0180": a readable name where the event carries one. */
export function entityLabel(
  t: TFunction,
  event: Pick<AuditEvent, "entityType" | "entityId" | "before" | "after">,
): string {
  const type = entityTypeLabel(event.entityType);
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
  return isKnownField(field) ? t(`audit.fields.${field}`) : field;
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
    return t(`countyDocuments.typeShort.${text as DocumentTypeId}`);
  if ((key === "status" || key === "outcome") && (DocumentStatus.options as readonly string[]).includes(text))
    return t(`documents.status.${text as DocumentStatus}`);
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
