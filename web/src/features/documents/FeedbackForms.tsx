import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FeedbackInput, FeedbackSentInput, type FeedbackView } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { createFeedback, documentKeys, markFeedbackSent, updateFeedback } from "./api";
import { useAppConfig } from "../../api/useAppConfig";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { BasisField } from "./BasisField";
import { DateField } from "../../components/DateField";

interface FeedbackFormProps {
  versionId: string;
  /** The draft to change; without it a new draft is written. */
  feedback?: FeedbackView;
  onDone: (saved: FeedbackView) => void;
  onCancel: () => void;
}

/** The county's written feedback on a version (R2.3-3), saved as a draft until it is marked as sent. */
export function FeedbackForm({ versionId, feedback, onDone, onCancel }: FeedbackFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (value: FeedbackInput) =>
      feedback ? updateFeedback(feedback.id, value) : createFeedback(versionId, value),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ["documents", "feedback"] });
      onDone(saved);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: FeedbackInput,
    initialValues: {
      body: feedback?.body ?? "",
      dnr: feedback?.countyRegistrationNumber ?? "",
      confidential: feedback?.confidential != null,
      basis: feedback?.confidential?.basis ?? "",
    },
    toInput: (v) => ({
      body: v.body,
      countyRegistrationNumber: v.dnr.trim() || null,
      confidentialBasis: v.confidential ? v.basis.trim() : null,
    }),
    aliases: { countyRegistrationNumber: "dnr", confidentialBasis: "basis" },
    validate: (v) => (v.confidential && !v.basis.trim() ? { basis: t("documents.basis.required") } : {}),
    onSubmit: (value) => mutation.mutate(value),
  });
  const { form, field } = contract;

  return (
    <form {...contract.formProps} data-feedback-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <Textarea
          label={t("documents.feedback.body")}
          description={t("documents.feedback.bodyHelp")}
          required
          autosize
          minRows={8}
          maxRows={24}
          {...field("body")}
        />
        <TextInput
          label={t("documents.feedback.dnr")}
          description={t("documents.feedback.dnrHelp")}
          {...field("dnr")}
        />
        <Checkbox
          label={t("documents.feedback.confidential")}
          description={t("documents.feedback.confidentialHelp")}
          {...field("confidential", { type: "checkbox" })}
        />
        {form.values.confidential && (
          <BasisField
            label={t("documents.basis.label")}
            value={form.values.basis}
            error={contract.error("basis")}
            onChange={(value) => form.setFieldValue("basis", value)}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("documents.feedback.saveDraft")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface SentFormProps {
  feedback: FeedbackView;
  /** When the version came in: the feedback cannot have been sent before. */
  receivedOn: string;
  onDone: (saved: FeedbackView) => void;
  onCancel: () => void;
}

/** Records the date the letter was sent; after that the feedback is the municipality's to read, and fixed. */
export function FeedbackSentForm({ feedback, receivedOn, onDone, onCancel }: SentFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { today } = useAppConfig();
  const mutation = useMutation({
    mutationFn: (input: FeedbackSentInput) => markFeedbackSent(feedback.id, input.sentOn),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      onDone(saved);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: FeedbackSentInput,
    initialValues: { sentOn: today },
    validate: ({ sentOn }) => ({
      sentOn: !/^\d{4}-\d{2}-\d{2}$/.test(sentOn)
        ? t("documents.feedback.sentOnRequired")
        : sentOn > today
          ? t("documents.form.future")
          : undefined,
    }),
    onSubmit: (input) => mutation.mutate(input),
  });
  return (
    <form {...contract.formProps} data-sent-form>
      <Stack gap="md">
        <Text>{t("documents.feedback.sentWarning")}</Text>
        <FormMessages form={contract} />
        <DateField
          label={t("documents.feedback.sentOn")}
          description={t("documents.feedback.sentOnHelp", { date: receivedOn })}
          required
          {...contract.field("sentOn")}
          styles={{ wrapper: { maxWidth: 220 } }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("documents.feedback.markSent")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
