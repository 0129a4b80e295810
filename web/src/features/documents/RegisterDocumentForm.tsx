import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import {
  DECISION_BODIES,
  DOCUMENT_TYPE_IDS,
  DocumentSubmitFields,
  type DecisionBody,
  type DocumentItem,
  type DocumentTypeId,
} from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { submitDocument } from "./api";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { BasisField } from "./BasisField";
import { type ChosenFile, FilePicker, SecurityNotice, fileProblem } from "./FilePicker";
import { useTypeRule } from "../national-rules/useTypeRule";
import { decisionBodyLabel, typeName } from "./labels";

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

interface ConfidentialFile extends ChosenFile {
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
  const { t } = useTranslation();
  const config = useAppConfig();
  const today = config.today;
  const [type, setType] = useState<DocumentTypeId>(initialType);
  const [decidedBy, setDecidedBy] = useState<DecisionBody | "">("");
  const [decidedOn, setDecidedOn] = useState("");
  const [receivedOn, setReceivedOn] = useState(today);
  const [registrationNumber, setRegistrationNumber] = useState("");
  const [countyRegistrationNumber, setCountyRegistrationNumber] = useState("");
  const [note, setNote] = useState("");
  const [files, setFiles] = useState<ConfidentialFile[]>([]);
  const [versionConfidential, setVersionConfidential] = useState(false);
  const [versionBasis, setVersionBasis] = useState("");
  const [fileBasis, setFileBasis] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const rule = useTypeRule(type);
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
    const problem = fileProblem(files);
    if (files.length === 0) found.files = t("documents.form.needFile");
    else if (problem) found.files = t(`documents.form.${problem.kind}`, { name: problem.name });
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

  const typeOptions = DOCUMENT_TYPE_IDS.map((id) => ({ value: id, label: typeName(t, id) }));
  const bodyOptions = [
    { value: "", label: t("documents.form.chooseDecidedBy") },
    ...[...DECISION_BODIES].reverse().map((b) => ({ value: b, label: decisionBodyLabel(t, b) })),
  ];

  /** A changed field loses its message; the next submit checks everything again. */
  const clear = (field: Field) => setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));

  return (
    <form onSubmit={submit} noValidate data-register-form>
      <Stack gap="md">
        {/* Read first when the form opens: the one thing that must never be uploaded (R2.10-2). */}
        <SecurityNotice autoFocus />
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

        <FilePicker
          label={t("documents.form.files")}
          description={t("documents.form.filesHelp")}
          error={errors.files}
          files={files}
          onAdd={(added) => {
            setFiles((prev) => [...prev, ...added.map((f) => ({ ...f, confidential: false }))]);
            clear("files");
          }}
          onRemove={(key) => setFiles((prev) => prev.filter((x) => x.key !== key))}
          texts={{
            chosen: t("documents.form.filesChosen"),
            none: t("documents.form.filesNone"),
            remove: t("documents.form.remove"),
          }}
        />

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
