import type { DecisionBody, DocumentTypeId } from "@uppsikt/core";
import type { TFunction } from "i18next";

export const typeName = (t: TFunction, id: DocumentTypeId) => t(`documents.types.${id}`);

export const decisionBodyLabel = (t: TFunction, body: DecisionBody) => t(`documents.decisionBodies.${body}`);

const DECISION_BODY_IDS = new Set<string>(["council", "executiveBoard", "chiefExecutive", "official"]);
const KNOWN_INPUTS = new Set(["deadline", "today", "receivedOn", "decidedOn", "requiredLevel", "decidedBy"]);

/** The label of one input of a status rule; unknown inputs keep their API name. */
export function checkInputLabel(t: TFunction, key: string): string {
  return KNOWN_INPUTS.has(key)
    ? t(`documents.inputs.${key as "deadline" | "today" | "receivedOn" | "decidedOn" | "requiredLevel" | "decidedBy"}`)
    : key;
}

/** A rule input's value: decision bodies by name, a missing required level as "the municipality decides". */
export function checkInputValue(t: TFunction, key: string, value: string | null): string {
  if (value === null) return key === "requiredLevel" ? t("documents.facts.requiredLevelNone") : t("common.none");
  if (DECISION_BODY_IDS.has(value)) return decisionBodyLabel(t, value as DecisionBody);
  return value;
}

/** "PDF", "DOCX" or "ODT" from the media type the server detected. */
export function fileKind(mediaType: string): "pdf" | "docx" | "odt" | "other" {
  if (mediaType === "application/pdf") return "pdf";
  if (mediaType.includes("wordprocessingml")) return "docx";
  if (mediaType.includes("opendocument.text")) return "odt";
  return "other";
}

/** 41736 → "41 kB", 1234567 → "1,2 MB" (in the interface language). */
export function formatBytes(bytes: number, language: string): string {
  const locale = language === "en" ? "en-GB" : "sv-SE";
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1000)} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
}

/** Server texts (rules, messages, criteria) are Swedish; marked so, screen readers pronounce them right in English. */
export const SERVER_LANG = "sv";
