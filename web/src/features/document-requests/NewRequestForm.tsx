import { Button, Fieldset, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DocumentRequestCreate, type DocumentRequest } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { createDocumentRequest, invalidateRequests } from "./api";
import { useAppConfig } from "../../api/useAppConfig";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { ConfidentialChoice } from "../documents/BasisField";
import { DateField } from "../../components/DateField";

/** The county asks the municipality for further documents by a reply date (R2.5-4), optionally confidential. */
export function NewRequestForm({
  code,
  onDone,
  onCancel,
}: {
  code: string;
  onDone: (request: DocumentRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { today } = useAppConfig();
  const mutation = useMutation({
    mutationFn: (input: DocumentRequestCreate) => createDocumentRequest(code, input),
    onSuccess: (request) => {
      invalidateRequests(queryClient);
      onDone(request);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: DocumentRequestCreate,
    initialValues: { subject: "", message: "", replyBy: "", confidential: false, basis: "" },
    toInput: (v) => ({
      subject: v.subject,
      message: v.message,
      replyBy: v.replyBy,
      confidentialBasis: v.confidential ? v.basis : null,
    }),
    aliases: { confidentialBasis: "basis" },
    validate: (v) => {
      if (!v.replyBy) return { replyBy: t("documentRequests.form.replyByRequired") };
      if (today && /^\d{4}-\d{2}-\d{2}$/.test(v.replyBy) && v.replyBy < today) {
        return { replyBy: t("documentRequests.form.replyByPast") };
      }
      return {};
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { form, field } = contract;

  return (
    <form {...contract.formProps} data-request-form>
      <Stack gap="md">
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
