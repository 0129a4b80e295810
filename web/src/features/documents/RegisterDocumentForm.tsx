import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { IconAlertOctagon, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import {
  DECISION_BODIES,
  DOCUMENT_TYPE_IDS,
  DocumentSubmitFields,
  type DecisionBody,
  type DocumentItem,
  type DocumentTypeId,
} from "@uppsikt/core";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { submitDocument } from "../../api/documents";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { BasisField } from "./BasisField";
import { decisionBodyLabel, formatBytes, typeName, typeRule } from "./labels";

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

type Field =
  | "type"
  | "decidedBy"
  | "decidedOn"
  | "receivedOn"
  | "registrationNumber"
  | "countyRegistrationNumber"
  | "note"
  | "files"
  | "confidentialBasis"
  | "fileConfidentialBasis"
  | "form";
const FIELDS = new Set<string>([
  "type",
  "decidedBy",
  "decidedOn",
  "receivedOn",
  "registrationNumber",
  "countyRegistrationNumber",
  "note",
  "confidentialBasis",
  "fileConfidentialBasis",
]);

interface ChosenFile {
  key: string;
  file: File;
  confidential: boolean;
}

interface RegisterDocumentFormProps {
  code: string;
  period: { id: number; firstYear: number; lastYear: number };
  /** County users record when the document came in and the county's own registration number. */
  byCounty: boolean;
  initialType: DocumentTypeId;
  onDone: (item: DocumentItem) => void;
  onCancel: () => void;
}

/** Registers a new version of one of the five documents, with its files and what in it is confidential. */
export function RegisterDocumentForm({
  code,
  period,
  byCounty,
  initialType,
  onDone,
  onCancel,
}: RegisterDocumentFormProps) {
  const { t, i18n } = useTranslation();
  const config = useAppConfig();
  const today = config.today;
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [type, setType] = useState<DocumentTypeId>(initialType);
  const [decidedBy, setDecidedBy] = useState<DecisionBody | "">("");
  const [decidedOn, setDecidedOn] = useState("");
  const [receivedOn, setReceivedOn] = useState(today);
  const [registrationNumber, setRegistrationNumber] = useState("");
  const [countyRegistrationNumber, setCountyRegistrationNumber] = useState("");
  const [note, setNote] = useState("");
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [versionConfidential, setVersionConfidential] = useState(false);
  const [versionBasis, setVersionBasis] = useState("");
  const [fileBasis, setFileBasis] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const rule = typeRule(type);
  const anyFileConfidential = files.some((f) => f.confidential);

  const fields = () => ({
    type,
    period: String(period.id),
    decidedBy,
    decidedOn,
    ...(byCounty ? { receivedOn } : {}),
    ...(registrationNumber.trim() ? { registrationNumber: registrationNumber.trim() } : {}),
    ...(byCounty && countyRegistrationNumber.trim()
      ? { countyRegistrationNumber: countyRegistrationNumber.trim() }
      : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(versionConfidential ? { confidentialBasis: versionBasis.trim() } : {}),
    ...(anyFileConfidential
      ? {
          confidentialFiles: files.flatMap((f, i) => (f.confidential ? [String(i)] : [])).join(","),
          fileConfidentialBasis: fileBasis.trim(),
        }
      : {}),
  });

  const mutation = useMutation({
    mutationFn: () => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields())) form.append(key, value);
      for (const f of files) form.append("file", f.file, f.file.name);
      return submitDocument(code, form);
    },
    onSuccess: onDone,
  });

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!decidedBy) found.decidedBy = t("documents.form.decidedByRequired");
    if (!decidedOn) found.decidedOn = t("documents.form.decidedOnRequired");
    if (byCounty && !receivedOn) found.receivedOn = t("documents.form.receivedOnRequired");
    const parsed = DocumentSubmitFields.safeParse(fields());
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        found[(FIELDS.has(key) ? key : "form") as Field] ??= issue.message;
      }
    if (versionConfidential && !versionBasis.trim()) found.confidentialBasis = t("documents.basis.required");
    if (anyFileConfidential && !fileBasis.trim()) found.fileConfidentialBasis = t("documents.basis.required");
    if (!found.decidedOn && decidedOn > today) found.decidedOn = t("documents.form.future");
    if (byCounty && !found.receivedOn && receivedOn > today) found.receivedOn = t("documents.form.future");
    if (files.length === 0) found.files = t("documents.form.needFile");
    else if (files.length > MAX_FILES) found.files = t("documents.form.tooMany");
    else {
      const big = files.find((f) => f.file.size > MAX_BYTES);
      const wrong = files.find((f) => !/\.(pdf|docx|odt)$/i.test(f.file.name));
      if (big) found.files = t("documents.form.tooLarge", { name: big.file.name });
      else if (wrong) found.files = t("documents.form.wrongType", { name: wrong.file.name });
    }
    return found;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-register-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate();
  };

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const added = Array.from(list).map((file, i) => ({
      key: `${Date.now()}-${i}-${file.name}`,
      file,
      confidential: false,
    }));
    setFiles((prev) => [...prev, ...added]);
    setErrors((prev) => ({ ...prev, files: undefined }));
    // Let the same file be chosen again after it has been removed.
    if (fileInput.current) fileInput.current.value = "";
  };

  const typeOptions = DOCUMENT_TYPE_IDS.map((id) => ({ value: id, label: typeName(t, id) }));
  const bodyOptions = [
    { value: "", label: t("documents.form.chooseDecidedBy") },
    ...[...DECISION_BODIES].reverse().map((b) => ({ value: b, label: decisionBodyLabel(t, b) })),
  ];
  const descriptionId = `${fileInputId}-description`;
  const errorId = `${fileInputId}-error`;

  /** A changed field loses its message; the next submit checks everything again. */
  const clear = (field: Field) => setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));

  return (
    <form onSubmit={submit} noValidate data-register-form>
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
        <Text size="sm">{t("common.requiredNote")}</Text>
        {errors.form && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            <Text>{errors.form}</Text>
          </Alert>
        )}
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}

        <div>
          <Text size="sm" fw={500}>
            {t("documents.form.period")}
          </Text>
          <Text>{`${period.firstYear}–${period.lastYear}`}</Text>
        </div>
        <NativeSelect
          label={t("documents.form.type")}
          required
          data={typeOptions}
          value={type}
          error={errors.type}
          onChange={(e) => {
            setType(e.currentTarget.value as DocumentTypeId);
            clear("type");
          }}
        />
        <NativeSelect
          label={t("documents.form.decidedBy")}
          description={
            rule?.requiredLevel
              ? t("documents.form.decidedByHelpRequired", {
                  level: decisionBodyLabel(t, rule.requiredLevel).toLowerCase(),
                })
              : t("documents.form.decidedByHelpFree")
          }
          required
          data={bodyOptions}
          value={decidedBy}
          error={errors.decidedBy}
          onChange={(e) => {
            setDecidedBy(e.currentTarget.value as DecisionBody | "");
            clear("decidedBy");
          }}
        />
        <Stack gap="md">
          <TextInput
            label={t("documents.form.decidedOn")}
            type="date"
            required
            max={today}
            styles={{ wrapper: { maxWidth: 220 } }}
            value={decidedOn}
            error={errors.decidedOn}
            onChange={(e) => {
              setDecidedOn(e.currentTarget.value);
              clear("decidedOn");
            }}
          />
          {byCounty && (
            <TextInput
              label={t("documents.form.receivedOn")}
              description={t("documents.form.receivedOnHelp")}
              type="date"
              required
              max={today}
              styles={{ wrapper: { maxWidth: 220 } }}
              value={receivedOn}
              error={errors.receivedOn}
              onChange={(e) => {
                setReceivedOn(e.currentTarget.value);
                clear("receivedOn");
              }}
            />
          )}
        </Stack>
        {!byCounty && <Text size="sm">{t("documents.form.receivedToday", { date: today })}</Text>}
        <Stack gap="md">
          <TextInput
            label={t("documents.form.registrationNumber")}
            value={registrationNumber}
            error={errors.registrationNumber}
            onChange={(e) => {
              setRegistrationNumber(e.currentTarget.value);
              clear("registrationNumber");
            }}
          />
          {byCounty && (
            <TextInput
              label={t("documents.form.countyRegistrationNumber")}
              value={countyRegistrationNumber}
              error={errors.countyRegistrationNumber}
              onChange={(e) => {
                setCountyRegistrationNumber(e.currentTarget.value);
                clear("countyRegistrationNumber");
              }}
            />
          )}
        </Stack>

        <Input.Wrapper
          id={fileInputId}
          label={t("documents.form.files")}
          description={t("documents.form.filesHelp")}
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
            {t("documents.form.filesChosen")}
          </Text>
          {files.length === 0 ? (
            <Text size="sm" c="dark.5">
              {t("documents.form.filesNone")}
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
                      {t("documents.form.remove")}
                      <span className="visually-hidden-text"> {f.file.name}</span>
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>

        <Fieldset
          legend={t("documents.form.confidentialLegend")}
          styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" } }}
        >
          <Stack gap="sm">
            <Text size="sm">{t("documents.form.confidentialIntro")}</Text>
            {files.map((f) => (
              <Checkbox
                key={f.key}
                label={t("documents.form.fileConfidentialFor", { name: f.file.name })}
                checked={f.confidential}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setFiles((prev) => prev.map((x) => (x.key === f.key ? { ...x, confidential: checked } : x)));
                }}
              />
            ))}
            {anyFileConfidential && (
              <BasisField
                label={t("documents.form.fileBasis")}
                value={fileBasis}
                error={errors.fileConfidentialBasis}
                onChange={(basis) => {
                  setFileBasis(basis);
                  clear("fileConfidentialBasis");
                }}
              />
            )}
            <Checkbox
              label={t("documents.form.versionConfidential")}
              checked={versionConfidential}
              onChange={(e) => setVersionConfidential(e.currentTarget.checked)}
            />
            {versionConfidential && (
              <BasisField
                label={t("documents.form.versionBasis")}
                value={versionBasis}
                error={errors.confidentialBasis}
                onChange={(basis) => {
                  setVersionBasis(basis);
                  clear("confidentialBasis");
                }}
              />
            )}
          </Stack>
        </Fieldset>

        <Textarea
          label={t("documents.form.note")}
          autosize
          minRows={2}
          value={note}
          error={errors.note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            clear("note");
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("documents.form.submit")}
          </Button>
        </Group>
        {mutation.isPending && (
          <Text size="sm" role="status">
            {t("documents.form.uploading")}
          </Text>
        )}
      </Stack>
    </form>
  );
}
