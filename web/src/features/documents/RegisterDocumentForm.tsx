import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import {
  DECISION_BODIES,
  DOCUMENT_TYPE_IDS,
  DocumentSubmitFields,
  type DecisionBody,
  type DocumentItem,
  type DocumentTypeId,
} from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { submitDocument } from "./api";
import { useAppConfig } from "../../api/useAppConfig";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { BasisField } from "./BasisField";
import { type ChosenFile, FilePicker, SecurityNotice, fileProblem } from "./FilePicker";
import { useTypeRule } from "../national-rules/useTypeRule";
import { decisionBodyLabel, typeName } from "./labels";
import { DateField } from "../../components/DateField";

interface ConfidentialFile extends ChosenFile {
  confidential: boolean;
}

/** The form's fields; the chosen files (and which of them are confidential) are kept beside them. */
interface Values extends Record<string, unknown> {
  type: DocumentTypeId;
  decidedBy: DecisionBody | "";
  decidedOn: string;
  receivedOn: string;
  registrationNumber: string;
  countyRegistrationNumber: string;
  note: string;
  versionConfidential: boolean;
  versionBasis: string;
  fileBasis: string;
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
  const [files, setFiles] = useState<ConfidentialFile[]>([]);
  const anyFileConfidential = files.some((f) => f.confidential);

  /** The multipart fields as the server reads them (`DocumentSubmitFields`); the files go alongside. */
  const fieldsOf = (v: Values): Record<string, string> => ({
    type: v.type,
    period: String(period.id),
    decidedBy: v.decidedBy,
    decidedOn: v.decidedOn,
    ...(byCounty ? { receivedOn: v.receivedOn } : {}),
    ...(v.registrationNumber.trim() ? { registrationNumber: v.registrationNumber.trim() } : {}),
    ...(byCounty && v.countyRegistrationNumber.trim()
      ? { countyRegistrationNumber: v.countyRegistrationNumber.trim() }
      : {}),
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
    ...(v.versionConfidential ? { confidentialBasis: v.versionBasis.trim() } : {}),
    ...(anyFileConfidential
      ? {
          confidentialFiles: files.flatMap((f, i) => (f.confidential ? [String(i)] : [])).join(","),
          fileConfidentialBasis: v.fileBasis.trim(),
        }
      : {}),
  });

  const mutation = useMutation({
    mutationFn: (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      for (const f of files) form.append("file", f.file, f.file.name);
      return submitDocument(code, form);
    },
    onSuccess: onDone,
    onError: (error) => contract.onServerError(error),
  });

  const contract = useContractForm({
    schema: DocumentSubmitFields,
    initialValues: {
      type: initialType,
      decidedBy: "",
      decidedOn: "",
      receivedOn: today,
      registrationNumber: "",
      countyRegistrationNumber: "",
      note: "",
      versionConfidential: false,
      versionBasis: "",
      fileBasis: "",
    } as Values,
    toInput: fieldsOf,
    aliases: { confidentialBasis: "versionBasis", fileConfidentialBasis: "fileBasis" },
    /** This form's own wording for the required fields, dates after today and the chosen files. */
    validate: (v) => {
      const found: Partial<Record<string, string>> = {};
      const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
      if (!v.decidedBy) found.decidedBy = t("documents.form.decidedByRequired");
      if (!v.decidedOn) found.decidedOn = t("documents.form.decidedOnRequired");
      else if (isDate(v.decidedOn) && v.decidedOn > today) found.decidedOn = t("documents.form.future");
      if (byCounty && !v.receivedOn) found.receivedOn = t("documents.form.receivedOnRequired");
      else if (byCounty && isDate(v.receivedOn) && v.receivedOn > today) found.receivedOn = t("documents.form.future");
      if (v.versionConfidential && !v.versionBasis.trim()) found.versionBasis = t("documents.basis.required");
      if (anyFileConfidential && !v.fileBasis.trim()) found.fileBasis = t("documents.basis.required");
      const problem = fileProblem(files);
      if (files.length === 0) found.files = t("documents.form.needFile");
      else if (problem) found.files = t(`documents.form.${problem.kind}`, { name: problem.name });
      return found;
    },
    onSubmit: (_fields, values) => mutation.mutate(fieldsOf(values)),
  });
  const { form, field } = contract;
  const rule = useTypeRule(form.values.type);

  const typeOptions = DOCUMENT_TYPE_IDS.map((id) => ({ value: id, label: typeName(t, id) }));
  const bodyOptions = [
    { value: "", label: t("documents.form.chooseDecidedBy") },
    ...[...DECISION_BODIES].reverse().map((b) => ({ value: b, label: decisionBodyLabel(t, b) })),
  ];

  return (
    <form {...contract.formProps} data-register-form>
      <Stack gap="md">
        {/* Read first when the form opens: the one thing that must never be uploaded (R2.10-2). */}
        <SecurityNotice autoFocus />
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />

        <div>
          <Text size="sm" fw={500}>
            {t("documents.form.period")}
          </Text>
          <Text>{`${period.firstYear}–${period.lastYear}`}</Text>
        </div>
        <NativeSelect label={t("documents.form.type")} required data={typeOptions} {...field("type")} />
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
          {...field("decidedBy")}
        />
        <Stack gap="md">
          <DateField
            label={t("documents.form.decidedOn")}
            required
            styles={{ wrapper: { maxWidth: 220 } }}
            {...field("decidedOn")}
          />
          {byCounty && (
            <DateField
              label={t("documents.form.receivedOn")}
              description={t("documents.form.receivedOnHelp")}
              required
              styles={{ wrapper: { maxWidth: 220 } }}
              {...field("receivedOn")}
            />
          )}
        </Stack>
        {!byCounty && <Text size="sm">{t("documents.form.receivedToday", { date: today })}</Text>}
        <Stack gap="md">
          <TextInput label={t("documents.form.registrationNumber")} {...field("registrationNumber")} />
          {byCounty && (
            <TextInput label={t("documents.form.countyRegistrationNumber")} {...field("countyRegistrationNumber")} />
          )}
        </Stack>

        <FilePicker
          label={t("documents.form.files")}
          description={t("documents.form.filesHelp")}
          error={contract.error("files")}
          files={files}
          onAdd={(added) => {
            setFiles((prev) => [...prev, ...added.map((f) => ({ ...f, confidential: false }))]);
            form.clearFieldError("files");
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
                value={form.values.fileBasis}
                error={contract.error("fileBasis")}
                onChange={(basis) => form.setFieldValue("fileBasis", basis)}
              />
            )}
            <Checkbox
              label={t("documents.form.versionConfidential")}
              {...field("versionConfidential", { type: "checkbox" })}
            />
            {form.values.versionConfidential && (
              <BasisField
                label={t("documents.form.versionBasis")}
                value={form.values.versionBasis}
                error={contract.error("versionBasis")}
                onChange={(basis) => form.setFieldValue("versionBasis", basis)}
              />
            )}
          </Stack>
        </Fieldset>

        <Textarea label={t("documents.form.note")} autosize minRows={2} {...field("note")} />
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
