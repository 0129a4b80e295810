import { Button, Fieldset, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DocumentRequestAnswerFields, type DocumentRequest } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { answerDocumentRequest, invalidateRequests } from "./api";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { ConfidentialChoice } from "../documents/BasisField";
import { type ChosenFile, FilePicker, SecurityNotice, fileProblem } from "../documents/FilePicker";

/**
 * The municipality's coordinator answers a request with a message and files (R2.5-4), sent as multipart.
 * The form says first that security-classified information must never be uploaded (R2.10-2).
 */
export function AnswerForm({
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
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const inherited = request.confidential?.basis ?? null;

  const mutation = useMutation({
    mutationFn: (fields: DocumentRequestAnswerFields) => {
      const form = new FormData();
      form.append("message", fields.message);
      if (fields.confidentialBasis) form.append("confidentialBasis", fields.confidentialBasis);
      for (const f of files) form.append("file", f.file, f.file.name);
      return answerDocumentRequest(request.id, form);
    },
    onSuccess: (answered) => {
      invalidateRequests(queryClient);
      onDone(answered);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: DocumentRequestAnswerFields,
    initialValues: { message: "", confidential: false, basis: "" },
    toInput: (v) => ({ message: v.message, ...(v.confidential ? { confidentialBasis: v.basis } : {}) }),
    aliases: { confidentialBasis: "basis" },
    validate: () => {
      const problem = fileProblem(files);
      return problem ? { files: t(`documentRequests.answerForm.${problem.kind}`, { name: problem.name }) } : {};
    },
    onSubmit: (fields) => mutation.mutate(fields),
  });
  const { form } = contract;

  const hidden = request.confidential !== null && !request.confidential.canRead;

  return (
    <form {...contract.formProps} data-answer-form>
      <Stack gap="md">
        {/* Read first when the form opens: the one thing that must never be uploaded (R2.10-2). */}
        <SecurityNotice autoFocus />
        <Paper withBorder p="sm">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("documentRequests.answerForm.regarding")}
            </Text>
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {request.subject ?? t("documentRequests.confidentialSubject")}
            </Text>
            {!hidden && request.message && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {request.message}
              </Text>
            )}
            <Text size="sm">
              {t("documentRequests.replyBy")}: <time dateTime={request.replyBy}>{request.replyBy}</time>
            </Text>
          </Stack>
        </Paper>
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <Textarea
          label={t("documentRequests.answerForm.message")}
          description={t("documentRequests.answerForm.messageHelp")}
          required
          autosize
          minRows={4}
          maxRows={16}
          {...contract.field("message")}
        />
        <FilePicker
          label={t("documentRequests.answerForm.files")}
          description={t("documentRequests.answerForm.filesHelp")}
          error={contract.error("files")}
          files={files}
          onAdd={(added) => {
            setFiles((prev) => [...prev, ...added]);
            form.clearFieldError("files");
          }}
          onRemove={(key) => setFiles((prev) => prev.filter((x) => x.key !== key))}
          texts={{
            chosen: t("documentRequests.answerForm.filesChosen"),
            none: t("documentRequests.answerForm.filesNone"),
            remove: t("documentRequests.answerForm.remove"),
          }}
        />
        <Fieldset
          legend={t("documentRequests.answerForm.confidentialLegend")}
          styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {inherited
                ? t("documentRequests.answerForm.inherits", { basis: inherited })
                : t("documentRequests.answerForm.confidentialIntro")}
            </Text>
            <ConfidentialChoice
              label={
                inherited ? t("documentRequests.answerForm.otherBasis") : t("documentRequests.answerForm.confidential")
              }
              checked={form.values.confidential}
              onCheckedChange={(checked) => {
                form.setFieldValue("confidential", checked);
                form.clearFieldError("basis");
              }}
              basisLabel={t("documentRequests.answerForm.basis")}
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
            {t("documentRequests.answerForm.submit")}
          </Button>
        </Group>
        {mutation.isPending && (
          <Text size="sm" role="status">
            {t("documentRequests.answerForm.uploading")}
          </Text>
        )}
      </Stack>
    </form>
  );
}
