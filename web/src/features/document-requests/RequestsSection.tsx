import { Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DocumentRequest, DocumentRequestStatus } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { closeDocumentRequest, documentRequestsQuery, invalidateRequests } from "./api";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { AnswerForm } from "./AnswerForm";
import { NewRequestForm } from "./NewRequestForm";
import { RequestCard, requestHeadingId } from "./RequestCard";
import { isOpen, requestName } from "./labels";

/** Overdue and waiting first, then answered (the county's turn), then closed; the newest first within each. */
const RANK: Record<DocumentRequestStatus, number> = { overdue: 0, open: 1, answered: 2, closed: 3 };
const byUrgency = (a: DocumentRequest, b: DocumentRequest) =>
  RANK[a.status] - RANK[b.status] || b.requestedAt.localeCompare(a.requestedAt);

/** Focus the request's heading once its dialog has closed and its buttons may be gone. */
const focusRequest = (id: string) =>
  window.setTimeout(() => document.getElementById(requestHeadingId(id))?.focus(), 300);

/**
 * Requests for further documents (begäran om underlag, R2.5-4) on the municipality's Dialog tab: the county
 * asks with a reply date and closes; the municipality's coordinator answers with a message and files.
 */
export function RequestsSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const requests = useQuery(documentRequestsQuery(code));
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<DocumentRequest | null>(null);
  const [closing, setClosing] = useState<DocumentRequest | null>(null);
  const mayWrite = can(me, "documentRequests.write");
  const mayAnswer = can(me, "documentRequests.answer");

  return (
    <Stack gap="xs" component="section" aria-labelledby="requests-heading">
      <Title order={2} size="h3" id="requests-heading">
        {t("documentRequests.heading")}
      </Title>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text size="sm" style={{ flex: "1 1 24rem" }}>
          {t("documentRequests.intro")}
        </Text>
        {mayWrite && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t("documentRequests.newRequest")}
          </Button>
        )}
      </Group>
      <QueryView query={requests}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t("documentRequests.empty")}</EmptyState>
          ) : (
            <List
              listStyleType="none"
              spacing="md"
              m={0}
              p={0}
              aria-label={t("documentRequests.listLabel")}
              aria-busy={requests.isFetching}
            >
              {[...data.items].sort(byUrgency).map((r) => (
                <List.Item key={r.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
                  <RequestCard
                    request={r}
                    onAnswer={mayAnswer && isOpen(r) ? () => setAnswering(r) : undefined}
                    onClose={mayWrite && isOpen(r) ? () => setClosing(r) : undefined}
                  />
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>

      {mayWrite && (
        <AppModal opened={creating} onClose={() => setCreating(false)} title={t("documentRequests.form.title")}>
          {creating && (
            <NewRequestForm
              code={code}
              onCancel={() => setCreating(false)}
              onDone={(created) => {
                setCreating(false);
                notifySaved(t("documentRequests.form.saved", { name: created.municipality.name }));
              }}
            />
          )}
        </AppModal>
      )}
      {mayAnswer && (
        <AppModal
          opened={answering !== null}
          onClose={() => setAnswering(null)}
          title={t("documentRequests.answerForm.title")}
        >
          {answering && (
            <AnswerForm
              request={answering}
              onCancel={() => setAnswering(null)}
              onDone={(answered) => {
                setAnswering(null);
                notifySaved(t("documentRequests.answerForm.saved"));
                focusRequest(answered.id);
              }}
            />
          )}
        </AppModal>
      )}
      {mayWrite && (
        <AppModal
          opened={closing !== null}
          onClose={() => setClosing(null)}
          title={t("documentRequests.closeDialog.title")}
        >
          {closing && (
            <CloseRequest
              request={closing}
              onCancel={() => setClosing(null)}
              onDone={(closed) => {
                setClosing(null);
                notifySaved(t("documentRequests.closeDialog.done"));
                focusRequest(closed.id);
              }}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

/** The county closes a request when the documents suffice; a closed request can no longer be answered. */
function CloseRequest({
  request,
  onDone,
  onCancel,
}: {
  request: DocumentRequest;
  onDone: (request: DocumentRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => closeDocumentRequest(request.id),
    onSuccess: (closed) => {
      invalidateRequests(queryClient);
      onDone(closed);
    },
  });
  return (
    <Stack gap="md">
      <Text fw={600} style={{ overflowWrap: "anywhere" }}>
        {requestName(t, request)}
      </Text>
      <Text>{t("documentRequests.closeDialog.text")}</Text>
      {request.answers.length === 0 && <Text>{t("documentRequests.closeDialog.unanswered")}</Text>}
      {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button
          leftSection={<IconCheck size={18} aria-hidden />}
          loading={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          {t("documentRequests.closeDialog.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
