import { Alert, Button, Input, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconEye, IconFileImport } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ReportImportResult } from "@uppsikt/core";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorState } from "../../components/ErrorState";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { DownloadLink } from "../documents/DownloadLink";
import { compilationTemplateUrl, importReports, invalidateCompilations } from "./api";

type Result = ReportImportResult;
const RESULT_HEADING = "report-import-result-heading";
const focusResult = () => window.setTimeout(() => document.getElementById(RESULT_HEADING)?.focus(), 50);

/** A refusal whose details are the import's result (every cell's error), else null. */
export function refusedImport(error: unknown): Result | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const parsed = ReportImportResult.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}

export const isXlsx = (name: string) => name.toLowerCase().endsWith(".xlsx");

/**
 * Reports of municipalities outside the system (R1-6): the form's Excel template, a check of the filled file (dry
 * run) with every cell's error (Blad, Cell, Fel), and the import once nothing is wrong.
 */
export function ImportSection({ code, year }: { code: string; year: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [result, setResult] = useState<Result | null>(null);

  const preview = useMutation({
    mutationFn: (f: File) => importReports(code, year, f, true),
    onSuccess: (r) => {
      setResult(r);
      focusResult();
    },
    onError: (error) => {
      const refused = refusedImport(error);
      setResult(refused);
      if (refused) focusResult();
    },
  });
  const save = useMutation({
    mutationFn: (f: File) => importReports(code, year, f, false),
    onSuccess: (r) => {
      if (!r.imported) {
        setResult(r);
        focusResult();
        return;
      }
      invalidateCompilations(queryClient);
      notifySaved(t("annualCompilations.import.imported"));
      setResult(null);
      setFile(null);
      preview.reset();
      if (fileRef.current) fileRef.current.value = "";
    },
    onError: (error) => {
      const refused = refusedImport(error);
      if (refused) {
        setResult(refused);
        focusResult();
      }
    },
  });

  const refuse = (message: string) => {
    setFileError(message);
    fileRef.current?.focus();
  };
  const check = () => {
    if (!file) return refuse(t("annualCompilations.import.fileRequired"));
    if (!isXlsx(file.name)) return refuse(t("annualCompilations.import.fileType"));
    setFileError(undefined);
    save.reset();
    preview.mutate(file);
  };
  const previewError = preview.isError && !refusedImport(preview.error) ? preview.error : null;
  const saveError = save.isError && !refusedImport(save.error) ? save.error : null;
  const describedBy = `${inputId}-description${fileError ? ` ${inputId}-error` : ""}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-import-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="report-import-heading">
          {t("annualCompilations.import.title")}
        </Title>
        <Text maw={820}>{t("annualCompilations.import.intro")}</Text>
        <div>
          <DownloadLink
            href={compilationTemplateUrl(code, year)}
            fileName={t("annualCompilations.import.templateFile", { year })}
            label={t("annualCompilations.import.templateLabel")}
          >
            {t("annualCompilations.import.template")}
          </DownloadLink>
        </div>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            check();
          }}
        >
          <Stack gap="sm" maw={640}>
            <Input.Wrapper
              label={t("annualCompilations.import.file")}
              description={t("annualCompilations.import.fileHelp")}
              error={fileError}
              id={inputId}
              labelProps={{ htmlFor: inputId }}
              required
            >
              <input
                ref={fileRef}
                id={inputId}
                type="file"
                name="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={describedBy}
                style={{ display: "block", marginTop: 4 }}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setFileError(undefined);
                  setResult(null);
                  preview.reset();
                  save.reset();
                }}
              />
            </Input.Wrapper>
            <div>
              <Button
                type="submit"
                variant="default"
                loading={preview.isPending}
                leftSection={<IconEye size={18} aria-hidden />}
              >
                {t("annualCompilations.import.preview")}
              </Button>
            </div>
          </Stack>
        </form>
        {previewError !== null && <ErrorState error={previewError} title={t("common.errorNotificationTitle")} />}
        {result && file && (
          <ImportResultView
            result={result}
            fileName={file.name}
            importing={save.isPending}
            onImport={() => save.mutate(file)}
          />
        )}
        {saveError !== null && <ErrorState error={saveError} title={t("common.errorNotificationTitle")} />}
      </Stack>
    </Paper>
  );
}

export function ImportResultView({
  result,
  fileName,
  importing,
  onImport,
}: {
  result: Result;
  fileName: string;
  importing: boolean;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const caption = t("annualCompilations.import.errorsCaption");
  return (
    <Stack gap="md">
      <Title order={3} size="h4" id={RESULT_HEADING} tabIndex={-1}>
        {t("annualCompilations.import.previewTitle", { name: fileName })}
      </Title>
      {result.errors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={t("annualCompilations.import.errorsSummary", { count: result.errors.length })}
          data-testid="report-import-errors"
          styles={{ title: { color: "var(--mantine-color-red-9)" } }}
        >
          {null}
        </Alert>
      ) : (
        <Text role="status" style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
          <IconCircleCheck size={18} aria-hidden />
          {t("annualCompilations.import.ready")}
        </Text>
      )}
      {result.errors.length > 0 && (
        <TableScroll label={caption} minWidth={560}>
          <Table withTableBorder striped verticalSpacing="xs">
            <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("annualCompilations.import.colSheet")}</Table.Th>
                <Table.Th scope="col">{t("annualCompilations.import.colCell")}</Table.Th>
                <Table.Th scope="col">{t("annualCompilations.import.colError")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((e, i) => (
                <Table.Tr key={i} data-testid="report-import-error">
                  <Table.Td>{e.sheet}</Table.Td>
                  <Table.Td>{e.cell}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {result.errors.length === 0 && (
        <div>
          <Button loading={importing} leftSection={<IconFileImport size={18} aria-hidden />} onClick={onImport}>
            {t("annualCompilations.import.importNow")}
          </Button>
        </div>
      )}
    </Stack>
  );
}
