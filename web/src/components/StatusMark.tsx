import { Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import {
  IconArrowDownBar,
  IconCircleCheck,
  IconCircleX,
  IconClockExclamation,
  IconClockHour4,
  IconEye,
  IconInbox,
  IconMessageReport,
  type Icon,
} from "@tabler/icons-react";
import type { DocumentFlag, DocumentStatus } from "@uppsikt/core";
import { useTranslation } from "react-i18next";

const STATUS_ICON: Record<DocumentStatus, { icon: Icon; color: string }> = {
  approved: { icon: IconCircleCheck, color: "var(--mantine-color-green-8)" },
  received: { icon: IconInbox, color: "var(--mantine-color-uppsikt-7)" },
  underReview: { icon: IconEye, color: "var(--mantine-color-uppsikt-7)" },
  supplementRequested: { icon: IconMessageReport, color: "var(--mantine-color-orange-9)" },
  missing: { icon: IconCircleX, color: "var(--mantine-color-red-8)" },
  notYetDue: { icon: IconClockHour4, color: "var(--mantine-color-gray-7)" },
};
const FLAG_ICON: Record<DocumentFlag, { icon: Icon; color: string }> = {
  missing: { icon: IconCircleX, color: "var(--mantine-color-red-8)" },
  late: { icon: IconClockExclamation, color: "var(--mantine-color-orange-9)" },
  belowRequiredLevel: { icon: IconArrowDownBar, color: "var(--mantine-color-orange-9)" },
};
/** "Saknas" is already the status; the other flags are added below it. */
export const extraFlags = (flags: DocumentFlag[]) => flags.filter((f) => f !== "missing");

const STATUSES: DocumentStatus[] = [
  "approved",
  "received",
  "underReview",
  "supplementRequested",
  "missing",
  "notYetDue",
];
const FLAGS: DocumentFlag[] = ["late", "belowRequiredLevel"];

function Mark({ icon: Icon, color, label, strong }: { icon: Icon; color: string; label: string; strong?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap" align="center">
      <Icon size={18} color={color} aria-hidden stroke={2} style={{ flexShrink: 0 }} />
      <Text component="span" size="sm" fw={strong ? 600 : 400}>
        {label}
      </Text>
    </Group>
  );
}

/** The words for a status and its flags: "Godkänd, sent inlämnad eller beslutad". */
export function useStatusText() {
  const { t } = useTranslation();
  return (status: DocumentStatus, flags: DocumentFlag[]) =>
    [t(`documents.status.${status}`), ...extraFlags(flags).map((f) => t(`countyDocuments.flagLong.${f}`))].join(", ");
}

/**
 * A document's status as symbol and short text, never colour alone; the full sentence is in the
 * accessible text and in a tooltip for the mouse.
 */
export function StatusMark({
  status,
  flags,
  fullText,
}: {
  status: DocumentStatus;
  flags: DocumentFlag[];
  fullText: string;
}) {
  const { t } = useTranslation();
  const extra = extraFlags(flags);
  return (
    <div title={fullText}>
      <Stack gap={2} aria-hidden>
        <Mark
          {...STATUS_ICON[status]}
          label={t(`countyDocuments.statusShort.${status}`)}
          strong={status === "missing"}
        />
        {extra.map((f) => (
          <Mark key={f} {...FLAG_ICON[f]} label={t(`countyDocuments.flagShort.${f}`)} strong />
        ))}
      </Stack>
      <span className="visually-hidden-text">{fullText}</span>
    </div>
  );
}

/** What each symbol means, in words. */
export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="status-legend-heading">
      <Title order={2} size="h4" id="status-legend-heading" mb={4}>
        {t("countyDocuments.matrix.legend")}
      </Title>
      <Text size="sm" mb="sm">
        {t("countyDocuments.matrix.legendIntro")}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <LegendList
          heading={t("countyDocuments.matrix.legendStatuses")}
          items={STATUSES.map((s) => ({
            key: s,
            ...STATUS_ICON[s],
            label: t(`countyDocuments.statusShort.${s}`),
            meaning: `${t(`documents.status.${s}`)}: ${t(`countyDocuments.statusMeaning.${s}`)}`,
          }))}
        />
        <LegendList
          heading={t("countyDocuments.matrix.legendFlags")}
          items={FLAGS.map((f) => ({
            key: f,
            ...FLAG_ICON[f],
            label: t(`countyDocuments.flagShort.${f}`),
            meaning: t(`countyDocuments.flagMeaning.${f}`),
          }))}
        />
      </SimpleGrid>
    </Paper>
  );
}

function LegendList({
  heading,
  items,
}: {
  heading: string;
  items: { key: string; icon: Icon; color: string; label: string; meaning: string }[];
}) {
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {heading}
      </Text>
      <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.35rem 0.75rem" }}>
        {items.map((item) => (
          <div key={item.key} style={{ display: "contents" }}>
            <dt>
              <Mark icon={item.icon} color={item.color} label={item.label} />
            </dt>
            <dd style={{ margin: 0 }}>
              <Text size="sm">{item.meaning}</Text>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
