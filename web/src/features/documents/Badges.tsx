import { Badge } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleX,
  IconClock,
  IconEye,
  IconFlag,
  IconInbox,
  IconLock,
  IconPencil,
  IconSend,
  type Icon,
} from "@tabler/icons-react";
import type { DocumentFlag, DocumentStatus } from "@uppsikt/core";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TEXT_COLOR } from "./colors";

/** A light badge in normal case whose text uses the colour's darkest shade, for AA contrast on its fill. */
function TextBadge({
  color,
  icon: IconComponent,
  variant = "light",
  children,
}: {
  color: string;
  icon: Icon;
  variant?: "light" | "outline";
  children: ReactNode;
}) {
  return (
    <Badge
      color={color}
      variant={variant}
      tt="none"
      size="lg"
      radius="sm"
      fw={600}
      leftSection={<IconComponent size={16} aria-hidden />}
      style={{ "--badge-color": TEXT_COLOR[color] ?? TEXT_COLOR.gray, maxWidth: "100%" } as CSSProperties}
      styles={{ label: { overflow: "visible" } }}
    >
      {children}
    </Badge>
  );
}

const STATUS_LOOK: Record<DocumentStatus, { color: string; icon: Icon }> = {
  notYetDue: { color: "gray", icon: IconClock },
  missing: { color: "red", icon: IconCircleX },
  received: { color: "blue", icon: IconInbox },
  underReview: { color: "violet", icon: IconEye },
  approved: { color: "green", icon: IconCircleCheck },
  supplementRequested: { color: "orange", icon: IconArrowBackUp },
};

/** A document's or version's status: icon and words, never colour alone. */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <TextBadge color={look.color} icon={look.icon}>
      {t(`documents.status.${status}`)}
    </TextBadge>
  );
}

/** A raised flag: a warning icon and its name. */
export function FlagBadge({ flag }: { flag: DocumentFlag }) {
  const { t } = useTranslation();
  return (
    <TextBadge color="red" icon={flag === "missing" ? IconAlertTriangle : IconFlag} variant="outline">
      {t(`documents.flags.${flag}`)}
    </TextBadge>
  );
}

export function ConfidentialBadge() {
  const { t } = useTranslation();
  return (
    <TextBadge color="orange" icon={IconLock}>
      {t("documents.confidential.badge")}
    </TextBadge>
  );
}

export function FeedbackStatusBadge({ sentOn }: { sentOn: string | null }) {
  const { t } = useTranslation();
  return sentOn ? (
    <TextBadge color="green" icon={IconSend}>
      {t("documents.feedback.sent", { date: sentOn })}
    </TextBadge>
  ) : (
    <TextBadge color="gray" icon={IconPencil}>
      {t("documents.feedback.draft")}
    </TextBadge>
  );
}
