import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMessagePlus, IconPencil, IconSend } from "@tabler/icons-react";
import { allows, type DocumentVersion, type FeedbackView } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { notifySaved } from "../../components/notify";
import { useMe } from "../auth/useSession";
import { FeedbackStatusBadge } from "./Badges";
import { ConfidentialNotice } from "./ConfidentialNotice";
import { DownloadLink } from "./DownloadLink";
import { FeedbackForm, FeedbackSentForm } from "./FeedbackForms";

type Dialog = { kind: "new" } | { kind: "edit"; feedback: FeedbackView } | { kind: "sent"; feedback: FeedbackView };

interface FeedbackSectionProps {
  version: DocumentVersion;
  items: FeedbackView[];
  documentName: string;
  /** Written feedback is expected on this type (R2.3-3). */
  expected: boolean;
  headingOrder: 5 | 6;
}

/**
 * Written feedback on one version (R2.3-3): drafts and sent letters for the county, only sent ones for
 * the municipality; the letter as PDF or DOCX.
 */
export function FeedbackSection({ version, items, documentName, expected, headingOrder }: FeedbackSectionProps) {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = allows(me, "feedback.write");
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const about = t("documents.feedback.writeFor", { no: version.versionNo, name: documentName });

  return (
    <Stack gap="xs">
      <Title order={headingOrder} size="h5">
        {t("documents.feedback.heading")}
      </Title>
      {!expected && items.length === 0 && <Text size="sm">{t("documents.feedback.notExpected")}</Text>}
      {items.length === 0 ? (
        <Text>{me.role === "municipality" ? t("documents.feedback.noneSent") : t("documents.feedback.none")}</Text>
      ) : (
        items.map((f) => (
          <Paper key={f.id} withBorder p="sm">
            <Stack gap="xs">
              <Group gap="sm" wrap="wrap">
                <FeedbackStatusBadge sentOn={f.sentOn} />
                <Text size="sm">
                  {t("documents.feedback.author", { name: f.author.name })}
                  {f.sentBy && `, ${t("documents.feedback.sentBy", { name: f.sentBy.name })}`}
                </Text>
                {f.countyRegistrationNumber && (
                  <Text size="sm">
                    {t("documents.feedback.countyRegistrationNumber")}: {f.countyRegistrationNumber}
                  </Text>
                )}
              </Group>
              {f.confidential && <ConfidentialNotice mark={f.confidential} />}
              {f.body !== null ? (
                <Text style={{ whiteSpace: "pre-wrap" }}>{f.body}</Text>
              ) : (
                <Text fs="italic">{t("documents.feedback.bodyHidden")}</Text>
              )}
              <Group gap="md" wrap="wrap">
                {f.letter && (
                  <>
                    <DownloadLink
                      href={f.letter.pdf}
                      fileName="aterkoppling.pdf"
                      label={t("documents.feedback.letterName", { format: "PDF", name: documentName })}
                    >
                      {t("documents.feedback.letterPdf")}
                    </DownloadLink>
                    <DownloadLink
                      href={f.letter.docx}
                      fileName="aterkoppling.docx"
                      label={t("documents.feedback.letterName", { format: "DOCX", name: documentName })}
                    >
                      {t("documents.feedback.letterDocx")}
                    </DownloadLink>
                  </>
                )}
                {mayWrite && f.status === "draft" && (
                  <>
                    {(f.body !== null || !f.confidential) && (
                      <Button
                        size="xs"
                        variant="outline"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setDialog({ kind: "edit", feedback: f })}
                      >
                        {t("documents.feedback.edit")}
                        <span className="visually-hidden-text"> {about}</span>
                      </Button>
                    )}
                    <Button
                      size="xs"
                      leftSection={<IconSend size={14} aria-hidden />}
                      onClick={() => setDialog({ kind: "sent", feedback: f })}
                    >
                      {t("documents.feedback.markSent")}
                      <span className="visually-hidden-text"> {about}</span>
                    </Button>
                  </>
                )}
              </Group>
            </Stack>
          </Paper>
        ))
      )}
      {mayWrite && (
        <div>
          <Button
            size="sm"
            variant="outline"
            leftSection={<IconMessagePlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: "new" })}
          >
            {t("documents.feedback.write")}
            <span className="visually-hidden-text"> {about}</span>
          </Button>
        </div>
      )}
      {mayWrite && (
        <AppModal
          opened={dialog !== null}
          onClose={close}
          title={
            dialog?.kind === "sent"
              ? t("documents.feedback.modalSent")
              : t(dialog?.kind === "edit" ? "documents.feedback.modalEdit" : "documents.feedback.modalNew", {
                  name: documentName,
                  no: version.versionNo,
                })
          }
        >
          {dialog?.kind === "sent" ? (
            <FeedbackSentForm
              feedback={dialog.feedback}
              receivedOn={version.receivedOn}
              onCancel={close}
              onDone={(saved, channel) => {
                close();
                notifySaved(
                  t(channel === "email" ? "documents.feedback.sentByEmailSaved" : "documents.feedback.sentSaved", {
                    date: saved.sentOn ?? "",
                  }),
                );
              }}
            />
          ) : dialog ? (
            <FeedbackForm
              key={dialog.kind === "edit" ? dialog.feedback.id : "new"}
              versionId={version.id}
              feedback={dialog.kind === "edit" ? dialog.feedback : undefined}
              onCancel={close}
              onDone={() => {
                close();
                notifySaved(dialog.kind === "edit" ? t("documents.feedback.updated") : t("documents.feedback.created"));
              }}
            />
          ) : null}
        </AppModal>
      )}
    </Stack>
  );
}
