import { Alert, Button, Collapse, Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCalendarEvent, IconChevronDown, IconChevronUp, IconUpload } from "@tabler/icons-react";
import type { DocumentItem, DocumentTypeId, FeedbackView } from "@uppsikt/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/datetime";
import { StatusBadge } from "./Badges";
import { ChecksList, FlagList } from "./Checks";
import { Fact, Facts } from "./Facts";
import { VersionDetails } from "./VersionDetails";
import { useTypeRule } from "../national-rules/useTypeRule";
import { decisionBodyLabel, typeName } from "./labels";

interface DocumentCardProps {
  item: DocumentItem;
  feedback: FeedbackView[];
  showFeedback: boolean;
  /** Opens the registration form for this type; absent when the reader may not register. */
  onRegister?: (type: DocumentTypeId) => void;
}

/** One required document: status, flags with their reasons, the latest decision; details on request. */
export function DocumentCard({ item, feedback, showFeedback, onRegister }: DocumentCardProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const panelId = useId();
  const name = typeName(t, item.type);
  const rule = useTypeRule(item.type);
  const latest = item.versions[0];
  const none = t("common.none");
  const flagged = item.flags.length > 0;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="md"
      style={flagged ? { borderInlineStart: "5px solid var(--mantine-color-red-9)" } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {name}
          </Title>
          <Group gap={6}>
            <span className="visually-hidden-text">{t("documents.statusPrefix")}</span>
            <StatusBadge status={item.status} />
          </Group>
        </Group>
        <FlagList item={item} />
        <Facts>
          <Fact
            label={
              rule?.deadline.measuredFrom === "received"
                ? t("documents.facts.deadlineReported")
                : t("documents.facts.deadlineDecided")
            }
          >
            {item.deadline}
          </Fact>
          <Fact label={t("documents.facts.requiredLevel")}>
            {item.requiredLevel ? decisionBodyLabel(t, item.requiredLevel) : t("documents.facts.requiredLevelNone")}
          </Fact>
          {latest && (
            <>
              <Fact label={t("documents.facts.decidedBy")}>{decisionBodyLabel(t, latest.decidedBy)}</Fact>
              <Fact label={t("documents.facts.decidedOn")}>{latest.decidedOn}</Fact>
              <Fact label={t("documents.facts.receivedOn")}>{latest.receivedOn}</Fact>
              <Fact label={t("documents.facts.registrationNumber")}>{latest.registrationNumber ?? none}</Fact>
              <Fact label={t("documents.facts.countyRegistrationNumber")}>
                {latest.countyRegistrationNumber ?? none}
              </Fact>
            </>
          )}
        </Facts>
        {!latest && <Text>{t("documents.noVersion")}</Text>}
        {item.followUp && (
          <Alert
            variant="light"
            color={item.followUp.overdue ? "red" : "blue"}
            icon={<IconCalendarEvent aria-hidden />}
            title={t("documents.followUp.heading")}
            styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: "var(--mantine-color-text)" } }}
          >
            <Stack gap={4}>
              <Text>
                <Text component="span" fw={600}>
                  {t("documents.followUp.reason")}:
                </Text>{" "}
                {item.followUp.reason}
              </Text>
              <Text>
                <Text component="span" fw={600}>
                  {t("documents.followUp.agreedDate")}:
                </Text>{" "}
                {item.followUp.agreedDate}
                {item.followUp.overdue && (
                  <Text component="span" fw={700} c="red.9">
                    {" "}
                    – {t("documents.followUp.overdue")}
                  </Text>
                )}
              </Text>
              <Text size="sm" c="dark.5">
                {t("documents.followUp.recordedBy", {
                  name: item.followUp.recordedBy.name,
                  at: formatDateTime(item.followUp.updatedAt),
                })}
              </Text>
            </Stack>
          </Alert>
        )}
        <Group gap="sm">
          <Button
            variant="light"
            aria-expanded={open}
            aria-controls={panelId}
            rightSection={open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t("documents.hideDetails") : t("documents.showDetails")}
            <span className="visually-hidden-text"> {t("documents.detailsFor", { name })}</span>
          </Button>
          {onRegister && (
            <Button
              variant="outline"
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => onRegister(item.type)}
            >
              {latest ? t("documents.registerVersion") : t("documents.registerFirst")}
              <span className="visually-hidden-text"> {t("documents.registerFor", { name })}</span>
            </Button>
          )}
        </Group>
        <Collapse expanded={open} id={panelId} transitionDuration={0}>
          {open && (
            <Stack gap="md" pt="xs">
              <Divider />
              <ChecksList item={item} headingOrder={4} />
              {item.versions.map((v, i) => (
                <Stack key={v.id} gap="md">
                  <Divider />
                  <VersionDetails
                    item={item}
                    version={v}
                    latest={i === 0}
                    feedback={feedback.filter((f) => f.versionId === v.id)}
                    showFeedback={showFeedback}
                  />
                </Stack>
              ))}
            </Stack>
          )}
        </Collapse>
      </Stack>
    </Paper>
  );
}
