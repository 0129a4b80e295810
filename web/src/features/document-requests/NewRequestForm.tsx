import { Button, Fieldset, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DocumentRequestCreate, type DocumentRequest } from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createDocumentRequest, invalidateRequests } from "./api";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { ConfidentialChoice } from "../documents/BasisField";

type Field = "subject" | "message" | "replyBy" | "confidentialBasis";
const FIELDS = new Set<string>(["subject", "message", "replyBy", "confidentialBasis"]);

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
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState("");
  const [replyBy, setReplyBy] = useState("");
  const [confidential, setConfidential] = useState(false);
  const [basis, setBasis] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const mutation = useMutation({
    mutationFn: (input: DocumentRequestCreate) => createDocumentRequest(code, input),
    onSuccess: (request) => {
      invalidateRequests(queryClient);
      onDone(request);
    },
  });

  /** A changed field loses its message; the next submit checks everything again. */
  const clear = (field: Field) => setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const parsed = DocumentRequestCreate.safeParse({
      subject,
      message,
      replyBy,
      confidentialBasis: confidential ? basis : null,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        if (FIELDS.has(key)) found[key as Field] ??= issue.message;
      }
    if (!replyBy) found.replyBy = t("documentRequests.form.replyByRequired");
    else if (!found.replyBy && today && replyBy < today) found.replyBy = t("documentRequests.form.replyByPast");
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-request-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate data-request-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <TextInput
          label={t("documentRequests.form.subject")}
          description={t("documentRequests.form.subjectHelp")}
          required
          maxLength={200}
          value={subject}
          error={errors.subject}
          onChange={(e) => {
            setSubject(e.currentTarget.value);
            clear("subject");
          }}
        />
        <Textarea
          label={t("documentRequests.form.message")}
          description={t("documentRequests.form.messageHelp")}
          required
          autosize
          minRows={4}
          maxRows={16}
          value={message}
          error={errors.message}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            clear("message");
          }}
        />
        <TextInput
          label={t("documentRequests.form.replyBy")}
          description={today ? t("documentRequests.form.replyByHelp", { date: today }) : undefined}
          type="date"
          required
          min={today || undefined}
          styles={{ wrapper: { maxWidth: 220 } }}
          value={replyBy}
          error={errors.replyBy}
          onChange={(e) => {
            setReplyBy(e.currentTarget.value);
            clear("replyBy");
          }}
        />
        <Fieldset
          legend={t("documentRequests.form.confidentialLegend")}
          styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
        >
          <Stack gap="sm">
            <ConfidentialChoice
              label={t("documentRequests.form.confidential")}
              description={t("documentRequests.form.confidentialHelp")}
              checked={confidential}
              onCheckedChange={(checked) => {
                setConfidential(checked);
                clear("confidentialBasis");
              }}
              basisLabel={t("documentRequests.form.basis")}
              basis={basis}
              error={errors.confidentialBasis}
              onBasisChange={(value) => {
                setBasis(value);
                clear("confidentialBasis");
              }}
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
