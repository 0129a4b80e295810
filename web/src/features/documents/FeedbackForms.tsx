import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FeedbackInput, type FeedbackView } from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createFeedback, documentKeys, markFeedbackSent, updateFeedback } from "./api";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { BasisField } from "./BasisField";

type Field = "body" | "countyRegistrationNumber" | "confidentialBasis";

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
  const [body, setBody] = useState(feedback?.body ?? "");
  const [dnr, setDnr] = useState(feedback?.countyRegistrationNumber ?? "");
  const [confidential, setConfidential] = useState(feedback?.confidential != null);
  const [basis, setBasis] = useState(feedback?.confidential?.basis ?? "");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const input = () => ({
    body,
    countyRegistrationNumber: dnr.trim() || null,
    confidentialBasis: confidential ? basis.trim() : null,
  });

  const mutation = useMutation({
    mutationFn: (value: FeedbackInput) =>
      feedback ? updateFeedback(feedback.id, value) : createFeedback(versionId, value),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ["documents", "feedback"] });
      onDone(saved);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (confidential && !basis.trim()) found.confidentialBasis = t("documents.basis.required");
    const parsed = FeedbackInput.safeParse(input());
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "body") as Field;
        found[["body", "countyRegistrationNumber", "confidentialBasis"].includes(key) ? key : "body"] ??= issue.message;
      }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-feedback-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate data-feedback-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <Textarea
          label={t("documents.feedback.body")}
          description={t("documents.feedback.bodyHelp")}
          required
          autosize
          minRows={8}
          maxRows={24}
          value={body}
          error={errors.body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <TextInput
          label={t("documents.feedback.dnr")}
          description={t("documents.feedback.dnrHelp")}
          value={dnr}
          error={errors.countyRegistrationNumber}
          onChange={(e) => setDnr(e.currentTarget.value)}
        />
        <Checkbox
          label={t("documents.feedback.confidential")}
          description={t("documents.feedback.confidentialHelp")}
          checked={confidential}
          onChange={(e) => setConfidential(e.currentTarget.checked)}
        />
        {confidential && (
          <BasisField
            label={t("documents.basis.label")}
            value={basis}
            error={errors.confidentialBasis}
            onChange={setBasis}
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
  const [sentOn, setSentOn] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => markFeedbackSent(feedback.id, sentOn),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      onDone(saved);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = !/^\d{4}-\d{2}-\d{2}$/.test(sentOn)
      ? t("documents.feedback.sentOnRequired")
      : sentOn > today
        ? t("documents.form.future")
        : undefined;
    setError(problem);
    if (problem) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-sent-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-sent-form>
      <Stack gap="md">
        <Text>{t("documents.feedback.sentWarning")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <TextInput
          label={t("documents.feedback.sentOn")}
          description={t("documents.feedback.sentOnHelp", { date: receivedOn })}
          type="date"
          required
          min={receivedOn}
          max={today}
          value={sentOn}
          error={error}
          onChange={(e) => setSentOn(e.currentTarget.value)}
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
