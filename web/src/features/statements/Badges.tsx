import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleMinus,
  IconCircleX,
  IconClock,
  IconMessageCheck,
  IconPencil,
  IconSend,
  type Icon,
} from "@tabler/icons-react";
import type { StatementState } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { DialogueBadge } from "../dialogue/DialogueBadge";
import type { CheckState } from "./model";

const STATUS_LOOK: Record<StatementState, { color: string; icon: Icon }> = {
  draft: { color: "gray", icon: IconPencil },
  approved: { color: "blue", icon: IconCircleCheck },
  sent: { color: "green", icon: IconSend },
};

/** A statement's status in words and symbol: Utkast, Godkänt, Skickat. */
export function StatementStatusBadge({ status }: { status: StatementState }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <DialogueBadge color={look.color} icon={look.icon}>
      {t(`statements.status.${status}`)}
    </DialogueBadge>
  );
}

type CorrectionStateCode = "open" | "answered" | "lapsed";
const CORRECTION_LOOK: Record<CorrectionStateCode, { color: string; icon: Icon }> = {
  open: { color: "blue", icon: IconClock },
  answered: { color: "green", icon: IconMessageCheck },
  lapsed: { color: "orange", icon: IconAlertTriangle },
};

/** A chance to correct: Öppen, Besvarad, Förfallen. */
export function CorrectionStateBadge({ state }: { state: CorrectionStateCode }) {
  const { t } = useTranslation();
  const look = CORRECTION_LOOK[state];
  return (
    <DialogueBadge color={look.color} icon={look.icon}>
      {t(`statements.correctionState.${state}`)}
    </DialogueBadge>
  );
}

const CHECK_LOOK: Record<CheckState, { color: string; icon: Icon }> = {
  met: { color: "green", icon: IconCircleCheck },
  missing: { color: "red", icon: IconCircleX },
  notApplicable: { color: "gray", icon: IconCircleMinus },
};

/** A precondition's state: Uppfylld ✓, Saknas ✗, Gäller inte. */
export function CheckBadge({ state }: { state: CheckState }) {
  const { t } = useTranslation();
  const look = CHECK_LOOK[state];
  return (
    <DialogueBadge color={look.color} icon={look.icon}>
      {t(`statements.check.${state}`)}
    </DialogueBadge>
  );
}
