import type { DocumentRequest } from "@uppsikt/core";
import type { TFunction } from "i18next";

/** The request's name in button labels and dialogs: its subject, or a neutral name when it is hidden. */
export const requestName = (t: TFunction, r: DocumentRequest) =>
  r.subject ?? t("documentRequests.confidentialName", { date: r.replyBy });

/** Still to be answered or closed: the municipality may answer and the county may close. */
export const isOpen = (r: DocumentRequest) => r.status !== "closed";
