import type { AuditEvent } from "@uppsikt/core";
import type { TFunction } from "i18next";

export const AUDIT_ACTIONS = [
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
type KnownAction = (typeof AUDIT_ACTIONS)[number];

const ENTITY_TYPES = ["user", "session", "municipality", "county", "agreement", "reference"] as const;
type KnownEntity = (typeof ENTITY_TYPES)[number];

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
] as const;
type KnownField = (typeof FIELDS)[number];

/** Internal fields that say nothing to a reader of the log. */
const HIDDEN_FIELDS = new Set(["id", "passwordHash", "createdAt", "updatedAt", "periods"]);

export function actionLabel(t: TFunction, action: string): string {
  return (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`audit.actions.${action as KnownAction}`) : action;
}

export function entityLabel(t: TFunction, event: Pick<AuditEvent, "entityType" | "entityId">): string {
  const type = (ENTITY_TYPES as readonly string[]).includes(event.entityType)
    ? t(`audit.entities.${event.entityType as KnownEntity}`)
    : event.entityType;
  return event.entityId ? `${type} ${event.entityId}` : type;
}

function fieldLabel(t: TFunction, field: string): string {
  return (FIELDS as readonly string[]).includes(field) ? t(`audit.fields.${field as KnownField}`) : field;
}

function valueText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("audit.valueEmpty");
  if (value === true) return t("audit.valueTrue");
  if (value === false) return t("audit.valueFalse");
  if (Array.isArray(value)) return value.map((v) => valueText(t, v)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** One line on what changed: "namn: A → B; aktiv: ja → nej", or the values of something created. */
export function changeSummary(t: TFunction, event: Pick<AuditEvent, "before" | "after">): string {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const parts: string[] = [];
  if (after?.passwordChanged === true) parts.push(t("audit.passwordChanged"));
  if (before && after) {
    for (const key of Object.keys(after)) {
      if (HIDDEN_FIELDS.has(key) || key === "passwordChanged") continue;
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      parts.push(`${fieldLabel(t, key)}: ${valueText(t, before[key])} → ${valueText(t, after[key])}`);
    }
    return parts.length ? parts.join("; ") : t("audit.noChange");
  }
  if (after) {
    const values = Object.entries(after)
      .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && key !== "passwordChanged" && value !== null && value !== undefined)
      .map(([key, value]) => `${fieldLabel(t, key)}: ${valueText(t, value)}`);
    return values.length ? `${t("audit.created")} – ${values.join("; ")}` : "";
  }
  return parts.join("; ");
}
