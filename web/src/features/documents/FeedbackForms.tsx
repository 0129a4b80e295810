import { Button, Checkbox, Group, Radio, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FeedbackInput, FeedbackSentInput, type FeedbackSendChannel, type FeedbackView } from "@uppsikt/core";
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
  onDone: (saved: FeedbackView, channel: FeedbackSendChannel) => void;
  onCancel: () => void;
}

/**
 * Records the date the letter was sent and how (issue 10.11): Uppsikt mails it to the municipality's coordinators
 * (the PDF attached, or only a link when the letter has a confidential part), or it was sent another way. The
 * choice is explicit: neither is preselected. After that the feedback is the municipality's to read, and fixed.
 */
export function FeedbackSentForm({ feedback, receivedOn, onDone, onCancel }: SentFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { today } = useAppConfig();
  const mutation = useMutation({
    mutationFn: (input: FeedbackSentInput) => markFeedbackSent(feedback.id, input.sentOn, input.channel),
    onSuccess: (saved, input) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      onDone(saved, input.channel);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: FeedbackSentInput,
    initialValues: { sentOn: today, channel: "" },
    toInput: (values) => ({ sentOn: values.sentOn, channel: values.channel || undefined }),
    validate: ({ sentOn, channel }) => ({
      sentOn: !/^\d{4}-\d{2}-\d{2}$/.test(sentOn)
        ? t("documents.feedback.sentOnRequired")
        : sentOn > today
          ? t("documents.form.future")
          : undefined,
      channel: channel ? undefined : t("documents.feedback.channelRequired"),
    }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const email = contract.form.values.channel === "email";
  return (
    <form {...contract.formProps} data-sent-form>
      <Stack gap="md">
        <Text>{t("documents.feedback.sentWarning")}</Text>
        <FormMessages form={contract} />
        <Radio.Group label={t("documents.feedback.channel")} required {...contract.field("channel")}>
          <Stack gap="xs" mt="xs">
            <Radio
              value="email"
              label={t("documents.feedback.channelEmail")}
              description={
                feedback.confidential
                  ? t("documents.feedback.channelEmailConfidential")
                  : t("documents.feedback.channelEmailHelp")
              }
            />
            <Radio value="other" label={t("documents.feedback.channelOther")} />
          </Stack>
        </Radio.Group>
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
            {email ? t("documents.feedback.sendByEmail") : t("documents.feedback.markSent")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
