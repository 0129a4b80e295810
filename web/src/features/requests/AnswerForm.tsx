import { Alert, Button, Checkbox, Fieldset, Group, Input, List, Paper, Stack, Text, Textarea } from "@mantine/core";
import { IconAlertOctagon, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DocumentRequestAnswerFields, type DocumentRequest } from "@uppsikt/core";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { answerDocumentRequest, invalidateRequests } from "../../api/requests";
import { ErrorState } from "../../components/ErrorState";
import { BasisField } from "../documents/BasisField";
import { formatBytes } from "../documents/labels";

/** As the server takes them (server/src/features/documents/upload.ts and platform/files/detect.ts). */
const MAX_BYTES = 25 * 1024 * 1024;
const MAX_FILES = 10;
const ACCEPT = [
  ".pdf",
  ".docx",
  ".odt",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
].join(",");

type Field = "message" | "files" | "confidentialBasis";

interface ChosenFile {
  key: string;
  file: File;
}

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
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState("");
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [confidential, setConfidential] = useState(false);
  const [basis, setBasis] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
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
  });

  const clear = (field: Field) => setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const parsed = DocumentRequestAnswerFields.safeParse({
      message,
      ...(confidential ? { confidentialBasis: basis } : {}),
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "confidentialBasis" ? "confidentialBasis" : "message";
        found[key] ??= issue.message;
      }
    if (files.length > MAX_FILES) found.files = t("requests.answerForm.tooMany");
    else {
      const big = files.find((f) => f.file.size > MAX_BYTES);
      const wrong = files.find((f) => !/\.(pdf|docx|odt)$/i.test(f.file.name));
      if (big) found.files = t("requests.answerForm.tooLarge", { name: big.file.name });
      else if (wrong) found.files = t("requests.answerForm.wrongType", { name: wrong.file.name });
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-answer-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const added = Array.from(list).map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, file }));
    setFiles((prev) => [...prev, ...added]);
    clear("files");
    // Let the same file be chosen again after it has been removed.
    if (fileInput.current) fileInput.current.value = "";
  };

  const descriptionId = `${fileInputId}-description`;
  const errorId = `${fileInputId}-error`;
  const hidden = request.confidential !== null && !request.confidential.canRead;

  return (
    <form onSubmit={submit} noValidate data-answer-form>
      <Stack gap="md">
        {/* Read first when the form opens: the one thing that must never be uploaded (R2.10-2). */}
        <Alert
          role="note"
          tabIndex={-1}
          data-autofocus
          color="red"
          variant="light"
          icon={<IconAlertOctagon aria-hidden />}
          title={t("documents.form.securityTitle")}
          styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: "var(--mantine-color-red-9)" } }}
        >
          {t("documents.form.securityText")}
        </Alert>
        <Paper withBorder p="sm">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("requests.answerForm.regarding")}
            </Text>
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {request.subject ?? t("requests.confidentialSubject")}
            </Text>
            {!hidden && request.message && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {request.message}
              </Text>
            )}
            <Text size="sm">
              {t("requests.replyBy")}: <time dateTime={request.replyBy}>{request.replyBy}</time>
            </Text>
          </Stack>
        </Paper>
        <Text size="sm">{t("common.requiredNote")}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <Textarea
          label={t("requests.answerForm.message")}
          description={t("requests.answerForm.messageHelp")}
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
        <Input.Wrapper
          id={fileInputId}
          label={t("requests.answerForm.files")}
          description={t("requests.answerForm.filesHelp")}
          error={errors.files}
        >
          <input
            ref={fileInput}
            id={fileInputId}
            type="file"
            multiple
            accept={ACCEPT}
            style={{ font: "inherit", maxWidth: "100%", paddingBlock: 4 }}
            aria-describedby={errors.files ? `${descriptionId} ${errorId}` : descriptionId}
            aria-invalid={errors.files ? true : undefined}
            onChange={(e) => addFiles(e.currentTarget.files)}
          />
        </Input.Wrapper>
        <div>
          <Text size="sm" fw={500} id={`${fileInputId}-chosen`}>
            {t("requests.answerForm.filesChosen")}
          </Text>
          {files.length === 0 ? (
            <Text size="sm" c="dark.5">
              {t("requests.answerForm.filesNone")}
            </Text>
          ) : (
            <List listStyleType="none" spacing={4} m={0} p={0} aria-labelledby={`${fileInputId}-chosen`}>
              {files.map((f) => (
                <List.Item key={f.key}>
                  <Group gap="sm" wrap="nowrap" justify="space-between">
                    <Text style={{ overflowWrap: "anywhere" }}>
                      {f.file.name}{" "}
                      <Text component="span" size="sm" c="dark.5">
                        ({formatBytes(f.file.size, i18n.language)})
                      </Text>
                    </Text>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      style={{ flexShrink: 0 }}
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => setFiles((prev) => prev.filter((x) => x.key !== f.key))}
                    >
                      {t("requests.answerForm.remove")}
                      <span className="visually-hidden-text"> {f.file.name}</span>
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <Fieldset
          legend={t("requests.answerForm.confidentialLegend")}
          styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {inherited
                ? t("requests.answerForm.inherits", { basis: inherited })
                : t("requests.answerForm.confidentialIntro")}
            </Text>
            <Checkbox
              label={inherited ? t("requests.answerForm.otherBasis") : t("requests.answerForm.confidential")}
              checked={confidential}
              onChange={(e) => {
                setConfidential(e.currentTarget.checked);
                clear("confidentialBasis");
              }}
            />
            {confidential && (
              <BasisField
                label={t("requests.answerForm.basis")}
                value={basis}
                error={errors.confidentialBasis}
                onChange={(value) => {
                  setBasis(value);
                  clear("confidentialBasis");
                }}
              />
            )}
          </Stack>
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("requests.answerForm.submit")}
          </Button>
        </Group>
        {mutation.isPending && (
          <Text size="sm" role="status">
            {t("requests.answerForm.uploading")}
          </Text>
        )}
      </Stack>
    </form>
  );
}
