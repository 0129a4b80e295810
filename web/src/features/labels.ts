import {
  type AuditAction,
  type AuditEntityType,
  WATCH_KINDS,
  type WatchKind,
  watchKindLabel as coreWatchKindLabel,
} from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { WEB_FEATURES } from ".";

type Language = "sv" | "en";

/** The labels of every audit action, entity type and watch kind in one language, merged from the features. */
export interface LabelTables {
  readonly actions: Readonly<Record<AuditAction, string>>;
  readonly entities: Readonly<Record<AuditEntityType, string>> & Readonly<Record<string, string | undefined>>;
  readonly watchKinds: Readonly<Record<WatchKind, string>>;
}

function merge(language: Language): LabelTables {
  const actions: Record<string, string> = {};
  const entities: Record<string, string> = {};
  const watchKinds = Object.fromEntries(WATCH_KINDS.map((kind) => [kind, coreWatchKindLabel(kind, language)]));
  for (const feature of WEB_FEATURES) {
    if (!("labels" in feature)) continue;
    const labels = feature.labels;
    Object.assign(actions, labels[language].actions);
    Object.assign(entities, labels[language].entities);
    if ("otherEntities" in labels && labels.otherEntities) Object.assign(entities, labels.otherEntities[language]);
  }
  // Complete by construction: each feature's tables are typed by its declaration, and `everyDeclarationLabelled`
  // in features/index.ts makes sure every declaration is labelled.
  return { actions, entities, watchKinds } as LabelTables;
}

const TABLES: Partial<Record<Language, LabelTables>> = {};

export function labelTables(language: string): LabelTables {
  const key: Language = language === "en" ? "en" : "sv";
  return (TABLES[key] ??= merge(key));
}

/** The label tables in the interface's current language. */
export function useLabelTables(): LabelTables {
  const { i18n } = useTranslation();
  return labelTables(i18n.language);
}

/** A watch kind's label, or the code itself for a kind the web does not know (a newer server). */
export const watchKindLabel = (tables: LabelTables, kind: string): string =>
  (tables.watchKinds as Record<string, string | undefined>)[kind] ?? kind;
