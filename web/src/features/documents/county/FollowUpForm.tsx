import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FollowUpInput, isValidIsoDate, type DocumentTypeId } from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { oversightKeys, recordFollowUp, type FollowUpBody } from "./api";
import { ErrorState } from "../../../components/ErrorState";
import { notifySaved } from "../../../components/notify";

export interface MissingDocument {
  municipality: { code: string; name: string };
  type: DocumentTypeId;
  typeName: string;
  period: number;
  reason: string | null;
  agreedDate: string | null;
}

type Errors = Partial<Record<"reason" | "agreedDate" | "form", string>>;

/** Why a document is missing and the date agreed with the municipality (R2.2-4); checked with core's schema. */
export function FollowUpForm({
  missing,
  onDone,
  onCancel,
}: {
  missing: MissingDocument;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState(missing.reason ?? "");
  const [agreedDate, setAgreedDate] = useState(missing.agreedDate ?? "");
  const [errors, setErrors] = useState<Errors>({});

  const mutation = useMutation({
    mutationFn: (input: FollowUpBody) => recordFollowUp(missing.municipality.code, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: oversightKeys.documents });
      notifySaved(
        t("countyDocuments.yearTwo.form.saved", { type: missing.typeName, municipality: missing.municipality.name }),
      );
      onDone();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    const parsed = FollowUpInput.safeParse({ type: missing.type, period: missing.period, reason, agreedDate });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        const field = key === "reason" || key === "agreedDate" ? key : "form";
        found[field] ??= issue.message;
      }
    if (!isValidIsoDate(agreedDate)) found.agreedDate = t("countyDocuments.yearTwo.form.dateInvalid");
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-follow-up-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate data-follow-up-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <dl style={{ margin: 0 }}>
          <Text component="dt" size="sm" fw={600}>
            {t("countyDocuments.yearTwo.form.municipality")}
          </Text>
          <Text component="dd" m={0} mb="xs">
            {missing.municipality.name}
          </Text>
          <Text component="dt" size="sm" fw={600}>
            {t("countyDocuments.yearTwo.form.document")}
          </Text>
          <Text component="dd" m={0}>
            {missing.typeName}
          </Text>
        </dl>
        {errors.form && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            <Text>{errors.form}</Text>
          </Alert>
        )}
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <Textarea
          label={t("countyDocuments.yearTwo.form.reason")}
          description={t("countyDocuments.yearTwo.form.reasonHelp")}
          required
          autosize
          minRows={3}
          value={reason}
          error={errors.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <TextInput
          label={t("countyDocuments.yearTwo.form.agreedDate")}
          description={t("countyDocuments.yearTwo.form.agreedDateHelp")}
          type="date"
          required
          w={220}
          value={agreedDate}
          error={errors.agreedDate}
          onChange={(e) => setAgreedDate(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
