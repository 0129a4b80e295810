import type { VisitKind, VisitStatus } from "@uppsikt/core";
import { useTranslation } from "react-i18next";

/** A planned visit in words: "2028-03, Första av två, Planerat". */
export function useVisitLine() {
  const { t } = useTranslation();
  return (v: { planned: string; kind: VisitKind; status: VisitStatus }) =>
    t("visits.plan.visitLine", {
      planned: v.planned,
      kind: t(`visits.kind.${v.kind}`).toLocaleLowerCase("sv"),
      status: t(`visits.status.${v.status}`).toLocaleLowerCase("sv"),
    });
}

export const isNotFound = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "status" in error && (error as { status: unknown }).status === 404;
