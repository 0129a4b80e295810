import { Badge, Button, Collapse, Group, Stack, Text, Title } from "@mantine/core";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import type { DocumentItem, DocumentVersion, FeedbackView } from "@uppsikt/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/datetime";
import { StatusBadge } from "./Badges";
import { ConfidentialNotice } from "./ConfidentialNotice";
import { Fact, Facts } from "./Facts";
import { FeedbackSection } from "./FeedbackSection";
import { FileList } from "./FileList";
import { ReviewSection } from "./ReviewSection";
import { RsaCheckView } from "./RsaCheckView";
import { useTypeRule } from "../national-rules/useTypeRule";
import { decisionBodyLabel, typeName } from "./labels";

interface VersionDetailsProps {
  item: DocumentItem;
  version: DocumentVersion;
  latest: boolean;
  feedback: FeedbackView[];
  /** Whether the reader may see feedback at all. */
  showFeedback: boolean;
}

/** One version: who decided it and when, its files, the RSA check, the review and the feedback. */
export function VersionDetails({ item, version, latest, feedback, showFeedback }: VersionDetailsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(latest);
  const headingId = useId();
  const panelId = useId();
  const rule = useTypeRule(item.type);
  const name = typeName(t, item.type);
  const none = t("common.none");

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm" className="document-version">
      <Group gap="sm" wrap="wrap">
        <Title order={4} size="h5" id={headingId}>
          {t("documents.versionHeading", { no: version.versionNo })}
        </Title>
        {latest && (
          <Badge variant="outline" color="gray" tt="none" radius="sm" style={{ color: "var(--mantine-color-dark-7)" }}>
            {t("documents.latest")}
          </Badge>
        )}
        <StatusBadge status={version.status} />
        {!latest && (
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={open}
            aria-controls={panelId}
            rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
          >
            {open
              ? t("documents.hideVersion", { no: version.versionNo })
              : t("documents.showVersion", { no: version.versionNo })}
          </Button>
        )}
      </Group>
      <Collapse expanded={open} id={panelId} transitionDuration={0}>
        <Stack gap="md">
          <Facts cols={3}>
            <Fact label={t("documents.facts.decidedBy")}>{decisionBodyLabel(t, version.decidedBy)}</Fact>
            <Fact label={t("documents.facts.decidedOn")}>{version.decidedOn}</Fact>
            <Fact label={t("documents.facts.receivedOn")}>{version.receivedOn}</Fact>
            <Fact label={t("documents.facts.registrationNumber")}>{version.registrationNumber ?? none}</Fact>
            <Fact label={t("documents.facts.countyRegistrationNumber")}>
              {version.countyRegistrationNumber ?? none}
            </Fact>
            <Fact label={t("documents.facts.createdBy")}>
              {version.createdBy.name}, {formatDateTime(version.createdAt)}
            </Fact>
          </Facts>
          {version.confidential && <ConfidentialNotice mark={version.confidential} wholeVersion />}
          {version.note !== null ? (
            <div>
              <Text size="sm" c="dark.5" fw={600}>
                {t("documents.facts.note")}
              </Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{version.note}</Text>
            </div>
          ) : (
            version.confidential &&
            !version.confidential.canRead && <Text fs="italic">{t("documents.facts.noteHidden")}</Text>
          )}
          <Stack gap="xs">
            <Title order={5} size="h6">
              {t("documents.files.heading")}
            </Title>
            <FileList files={version.files} label={t("documents.files.caption", { no: version.versionNo })} />
          </Stack>
          {open && item.type === "rsa" && <RsaCheckView versionId={version.id} headingOrder={5} />}
          {open && (
            <ReviewSection versionId={version.id} versionNo={version.versionNo} documentName={name} headingOrder={5} />
          )}
          {showFeedback && (
            <FeedbackSection
              version={version}
              items={feedback}
              documentName={name}
              expected={rule?.feedbackExpected ?? false}
              headingOrder={5}
            />
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}
