import { Box, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconFileText, IconLock, IconMessageReply } from "@tabler/icons-react";
import type { DocumentRequest } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { ConfidentialNotice } from "../documents/ConfidentialNotice";
import { DownloadLink } from "../documents/DownloadLink";
import { Fact, Facts } from "../documents/Facts";
import { fileKind, formatBytes } from "../documents/labels";
import { formatDate } from "../../lib/formatDate";
import { RequestStatusBadge } from "./RequestStatusBadge";
import { isOpen, requestName } from "./labels";

type Answer = DocumentRequest["answers"][number];

/** The id of a request's heading; focused when its buttons go away (after closing). */
export const requestHeadingId = (id: string) => `request-${id}-heading`;

interface RequestCardProps {
  request: DocumentRequest;
  /** Offered to the municipality's writers while the request is not closed. */
  onAnswer?: () => void;
  /** Offered to the county's writers while the request is not closed. */
  onClose?: () => void;
}

/**
 * One request for documents: what the county asked for and by when, its status, and the municipality's answers
 * with their files. A confidential request shows its basis and readers; its text only to the cleared (R2.10-2).
 */
export function RequestCard({ request: r, onAnswer, onClose }: RequestCardProps) {
  const { t } = useTranslation();
  const hidden = r.confidential !== null && !r.confidential.canRead;
  const name = requestName(t, r);
  const headingId = requestHeadingId(r.id);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" align="center" style={{ flex: "1 1 20rem", minWidth: 0 }}>
            <Title
              order={3}
              size="h4"
              id={headingId}
              tabIndex={-1}
              style={{ overflowWrap: "anywhere", fontStyle: r.subject === null ? "italic" : undefined }}
            >
              {r.subject ?? t("documentRequests.confidentialSubject")}
            </Title>
            <RequestStatusBadge status={r.status} />
          </Group>
          {isOpen(r) && (onAnswer || onClose) && (
            <Group gap="xs">
              {onAnswer && (
                <Button
                  leftSection={<IconMessageReply size={18} aria-hidden />}
                  aria-label={t("documentRequests.answerFor", { name })}
                  onClick={onAnswer}
                >
                  {t("documentRequests.answer")}
                </Button>
              )}
              {onClose && (
                <Button
                  variant="default"
                  leftSection={<IconCheck size={18} aria-hidden />}
                  aria-label={t("documentRequests.closeFor", { name })}
                  onClick={onClose}
                >
                  {t("documentRequests.close")}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {r.confidential && <ConfidentialNotice mark={r.confidential} />}
        {!hidden && r.message && <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{r.message}</Text>}
        <Facts cols={3}>
          <Fact label={t("documentRequests.replyBy")}>
            <time dateTime={r.replyBy}>{r.replyBy}</time>
          </Fact>
          <Fact label={t("documentRequests.requested")}>
            {t("documentRequests.requestedValue", { date: formatDate(r.requestedAt), name: r.requestedBy.name })}
          </Fact>
          {r.closedAt && (
            <Fact label={t("documentRequests.closed")}>
              {r.closedBy ? (
                t("documentRequests.closedValue", { date: formatDate(r.closedAt), name: r.closedBy.name })
              ) : (
                <time dateTime={formatDate(r.closedAt)}>{formatDate(r.closedAt)}</time>
              )}
            </Fact>
          )}
        </Facts>
        {r.answers.length > 0 && (
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t("documentRequests.answersHeading")}
            </Title>
            <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={t("documentRequests.answersHeading")}>
              {[...r.answers]
                .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
                .map((a) => (
                  <List.Item key={a.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
                    <AnswerView answer={a} />
                  </List.Item>
                ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function AnswerView({ answer: a }: { answer: Answer }) {
  const { t, i18n } = useTranslation();
  const hidden = a.confidential !== null && !a.confidential.canRead;
  const date = formatDate(a.answeredAt);
  const who = { name: a.answeredBy.name, date };
  return (
    <Box
      p="sm"
      bg="gray.0"
      style={{ borderInlineStart: "4px solid var(--mantine-color-gray-5)", borderRadius: "var(--mantine-radius-sm)" }}
    >
      <Stack gap="xs">
        <Text fw={600}>{t("documentRequests.answerBy", who)}</Text>
        {a.confidential && <ConfidentialNotice mark={a.confidential} />}
        {!hidden && a.message && <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{a.message}</Text>}
        {a.files.length === 0 ? (
          <Text size="sm" c="dark.5">
            {t("documentRequests.noFiles")}
          </Text>
        ) : (
          <div>
            <Text size="sm" fw={600}>
              {t("documentRequests.files")}
            </Text>
            <List listStyleType="none" spacing={4} m={0} p={0} aria-label={t("documentRequests.filesOf", who)}>
              {a.files.map((f) => {
                const readable = !f.confidential || f.confidential.canRead;
                return (
                  <List.Item key={f.id}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      {readable ? (
                        <IconFileText size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                      ) : (
                        <IconLock
                          size={20}
                          aria-hidden
                          color="var(--mantine-color-orange-9)"
                          style={{ flexShrink: 0, marginTop: 2 }}
                        />
                      )}
                      <div style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                        {readable ? (
                          <DownloadLink
                            href={f.downloadUrl}
                            fileName={f.fileName}
                            label={`${f.fileName}, ${t("documentRequests.download")}`}
                          >
                            {f.fileName}
                          </DownloadLink>
                        ) : (
                          <Text fw={600}>{f.fileName}</Text>
                        )}
                        <Text size="sm" c="dark.5">
                          {t(`documentRequests.fileKinds.${fileKind(f.mediaType)}`)},{" "}
                          {formatBytes(f.sizeBytes, i18n.language)}
                          {!readable && ` · ${t("documentRequests.fileHidden")}`}
                        </Text>
                      </div>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          </div>
        )}
      </Stack>
    </Box>
  );
}
