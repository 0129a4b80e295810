import { Button, Fieldset, Group, List, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DocumentRequestCreate, type DocumentRequest, type ReductionCase } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { AppModal } from "../../components/AppModal";
import { DateField } from "../../components/DateField";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { ConfidentialChoice } from "../documents/BasisField";
import { AnswerForm } from "../document-requests/AnswerForm";
import { isOpen } from "../document-requests/labels";
import { createDocumentRequest, invalidateRequests } from "../document-requests/api";
import { RequestCard } from "../document-requests/RequestCard";
import { caseRequestsQuery } from "./api";
import { requestFormValues, requestInput, type RequestValues } from "./model";

/** The agency's requests for documents in the case (R3.3-1): the existing requests, sent by the agency. */
export function CaseRequestsSection({ c, mayRequest }: { c: ReductionCase; mayRequest: boolean }) {
  const { t } = useTranslation();
  const requests = useQuery(caseRequestsQuery(c.id));
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<DocumentRequest | null>(null);
  // The municipality's coordinator answers here as on its Dialog tab.
  const mayAnswer = can(useMe(), "documentRequests.answer");
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-requests-heading">
      <Title order={2} size="h3" id="case-requests-heading">
        {t("reductionCases.requests.heading")}
      </Title>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text size="sm" style={{ flex: "1 1 24rem" }}>
          {t("reductionCases.requests.intro")}
        </Text>
        {mayRequest && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t("reductionCases.requests.newRequest")}
          </Button>
        )}
      </Group>
      <QueryView query={requests}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t("reductionCases.requests.empty")}</EmptyState>
          ) : (
            <List
              listStyleType="none"
              spacing="md"
              m={0}
              p={0}
              aria-label={t("reductionCases.requests.listLabel")}
              data-testid="case-requests"
            >
              {[...data.items]
                .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
                .map((r) => (
                  <List.Item key={r.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
                    <RequestCard request={r} onAnswer={mayAnswer && isOpen(r) ? () => setAnswering(r) : undefined} />
                  </List.Item>
                ))}
            </List>
          )
        }
      </QueryView>
      {mayRequest && (
        <AppModal
          opened={creating}
          onClose={() => setCreating(false)}
          title={t("reductionCases.requests.formTitle", { municipality: c.municipality.name })}
        >
          {creating && (
            <CaseRequestForm
              c={c}
              onCancel={() => setCreating(false)}
              onDone={(created) => {
                setCreating(false);
                notifySaved(t("reductionCases.requests.saved", { municipality: created.municipality.name }));
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
              onDone={() => {
                setAnswering(null);
                notifySaved(t("documentRequests.answerForm.saved"));
              }}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

/**
 * The agency's request to the municipality: the document requests' own form and strings, sent with the case it
 * belongs to (`reductionCase`) to POST /api/v1/municipalities/:code/document-requests.
 */
function CaseRequestForm({
  c,
  onDone,
  onCancel,
}: {
  c: ReductionCase;
  onDone: (request: DocumentRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { today } = useAppConfig();
  const mutation = useMutation({
    mutationFn: (input: DocumentRequestCreate) => createDocumentRequest(c.municipality.code, input),
    onSuccess: (request) => {
      invalidateRequests(queryClient);
      onDone(request);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: DocumentRequestCreate,
    initialValues: requestFormValues(),
    toInput: (v: RequestValues) => requestInput(c.id, v),
    aliases: { confidentialBasis: "basis", reductionCase: "form" },
    validate: (v) => {
      if (!v.replyBy) return { replyBy: t("documentRequests.form.replyByRequired") };
      if (today && /^\d{4}-\d{2}-\d{2}$/.test(v.replyBy) && v.replyBy < today)
        return { replyBy: t("documentRequests.form.replyByPast") };
      return {};
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { form, field } = contract;
  return (
    <form {...contract.formProps} data-testid="case-request-form">
      <Stack gap="md">
        <Text size="sm">{t("reductionCases.requests.formIntro")}</Text>
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <TextInput
          label={t("documentRequests.form.subject")}
          description={t("documentRequests.form.subjectHelp")}
          required
          maxLength={200}
          {...field("subject")}
        />
        <Textarea
          label={t("documentRequests.form.message")}
          description={t("documentRequests.form.messageHelp")}
          required
          autosize
          minRows={4}
          maxRows={16}
          {...field("message")}
        />
        <DateField
          label={t("documentRequests.form.replyBy")}
          description={today ? t("documentRequests.form.replyByHelp", { date: today }) : undefined}
          required
          styles={{ wrapper: { maxWidth: 220 } }}
          {...field("replyBy")}
        />
        <Fieldset
          legend={t("documentRequests.form.confidentialLegend")}
          styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
        >
          <Stack gap="sm">
            <ConfidentialChoice
              label={t("documentRequests.form.confidential")}
              description={t("documentRequests.form.confidentialHelp")}
              checked={form.values.confidential}
              onCheckedChange={(checked) => {
                form.setFieldValue("confidential", checked);
                form.clearFieldError("basis");
              }}
              basisLabel={t("documentRequests.form.basis")}
              basis={form.values.basis}
              error={contract.error("basis")}
              onBasisChange={(value) => form.setFieldValue("basis", value)}
            />
          </Stack>
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("documentRequests.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
