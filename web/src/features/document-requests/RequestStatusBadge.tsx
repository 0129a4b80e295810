import { IconAlertTriangle, IconCircleCheck, IconClock, IconMessageCheck, type Icon } from "@tabler/icons-react";
import type { DocumentRequestStatus } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { DialogueBadge } from "../dialogue/DialogueBadge";

const LOOK: Record<DocumentRequestStatus, { color: string; icon: Icon }> = {
  open: { color: "blue", icon: IconClock },
  overdue: { color: "red", icon: IconAlertTriangle },
  answered: { color: "green", icon: IconMessageCheck },
  closed: { color: "gray", icon: IconCircleCheck },
};

/** A request's status: colour, icon and words (Väntar på svar, Försenad, Besvarad, Avslutad). */
export function RequestStatusBadge({ status }: { status: DocumentRequestStatus }) {
  const { t } = useTranslation();
  const look = LOOK[status];
  return (
    <DialogueBadge color={look.color} icon={look.icon}>
      {t(`documentRequests.status.${status}`)}
    </DialogueBadge>
  );
}
