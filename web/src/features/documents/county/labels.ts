import { DOCUMENT_TYPES, type DocumentTypeId } from "@uppsikt/core";
import { useTranslation } from "react-i18next";

/** A document type's full name in the interface language (the API sends the Swedish one). */
export function useDocumentTypeName(): (type: DocumentTypeId, fallback?: string) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return (type, fallback) => {
    const found = DOCUMENT_TYPES.find((d) => d.id === type);
    if (!found) return fallback ?? type;
    return english ? found.nameEn : found.name;
  };
}

/** "2023–2026" for a mandate period given by its first year. */
export const periodRange = (firstYear: number) => ({ first: firstYear, last: firstYear + 3 });
