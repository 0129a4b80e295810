import { Alert, Button, Input, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconEye, IconFileImport } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatAmount, type CompensationImportResult, type CompensationPart } from "@uppsikt/core";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorState } from "../../components/ErrorState";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { DownloadLink } from "../documents/DownloadLink";
import { importPayoutList, importTemplateUrl, invalidateCompensation } from "./api";
import { isXlsx, mayImport, nothingChanges, refusedImport, rowsWithErrors, shownRows, sortedErrors } from "./model";

type Result = z.infer<typeof CompensationImportResult>;

/** Rows shown in the preview at most (a year's list for every municipality and part is long). */
const MAX_ROWS = 500;
const RESULT_HEADING = "payout-import-result-heading";
/** Focus the result's heading once it is shown, so that keyboard and screen reader users land on it. */
const focusResult = () => window.setTimeout(() => document.getElementById(RESULT_HEADING)?.focus(), 50);

/**
 * The payout-list import (R1-5): the template to download, an .xlsx file, a preview (dryRun) with every row's change
 * and every error (Rad, Fält, Fel), and the import itself once every row is valid. A refused import (400 with the
 * result in its details) shows its errors the same way.
 */
export function ImportSection({ parts }: { parts: CompensationPart[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [result, setResult] = useState<Result | null>(null);
  const [all, setAll] = useState(false);

  const preview = useMutation({
    mutationFn: (f: File) => importPayoutList(f, true),
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
    mutationFn: (f: File) => importPayoutList(f, false),
    onSuccess: (r) => {
      invalidateCompensation(queryClient);
      notifySaved(t("compensation.import.imported", r.counts));
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
  const choose = () => {
    if (!file) return refuse(t("compensation.import.fileRequired"));
    if (!isXlsx(file.name)) return refuse(t("compensation.import.fileType"));
    setFileError(undefined);
    save.reset();
    preview.mutate(file);
  };
  // A refusal without a result (a file that is not a workbook, a 415 …) shows the server's message.
  const previewError = preview.isError && !refusedImport(preview.error) ? preview.error : null;
  const saveError = save.isError && !refusedImport(save.error) ? save.error : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payout-import-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="payout-import-heading">
          {t("compensation.import.title")}
        </Title>
        <Text maw={820}>{t("compensation.import.intro")}</Text>
        <div>
          <DownloadLink
            href={importTemplateUrl}
            fileName={t("compensation.import.templateFile")}
            label={t("compensation.import.templateLabel")}
          >
            {t("compensation.import.template")}
          </DownloadLink>
        </div>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            choose();
          }}
        >
          <Stack gap="sm" maw={640}>
            <Input.Wrapper
              label={t("compensation.import.file")}
              description={t("compensation.import.fileHelp")}
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
                aria-describedby={`${inputId}-description${fileError ? ` ${inputId}-error` : ""}`}
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
                {t("compensation.import.preview")}
              </Button>
            </div>
          </Stack>
        </form>
        {previewError !== null && <ErrorState error={previewError} title={t("common.errorNotificationTitle")} />}
        {result && file && (
          <ImportResultView
            result={result}
            fileName={file.name}
            parts={parts}
            all={all}
            onAll={setAll}
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
  parts,
  all,
  onAll,
  importing,
  onImport,
}: {
  result: Result;
  fileName: string;
  parts: CompensationPart[];
  all: boolean;
  onAll: (all: boolean) => void;
  importing: boolean;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const errorRows = rowsWithErrors(result);
  const rows = shownRows(result, all);
  const partName = new Map(parts.map((p) => [p.code, p.name]));
  return (
    <Stack gap="md">
      <Title order={3} size="h4" id={RESULT_HEADING} tabIndex={-1}>
        {t("compensation.import.previewTitle", { name: fileName })}
      </Title>
      <Text role="status">{t("compensation.import.counts", result.counts)}</Text>
      {result.errors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={t("compensation.import.errorsSummary", { count: errorRows })}
          data-testid="payout-import-errors"
          styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: "var(--mantine-color-red-9)" } }}
        >
          {result.dryRun ? null : t("compensation.import.refused")}
        </Alert>
      ) : (
        <Text style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
          <IconCircleCheck size={18} aria-hidden />
          {t(nothingChanges(result) ? "compensation.import.nothingToSave" : "compensation.import.ready")}
        </Text>
      )}
      {result.errors.length > 0 && (
        <TableScroll label={t("compensation.import.errorsCaption")} minWidth={560}>
          <Table withTableBorder striped verticalSpacing="xs">
            <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
              {t("compensation.import.errorsCaption")}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("compensation.import.colRow")}</Table.Th>
                <Table.Th scope="col">{t("compensation.import.colField")}</Table.Th>
                <Table.Th scope="col">{t("compensation.import.colError")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortedErrors(result).map((e) => (
                <Table.Tr key={e.i} data-testid="payout-import-error">
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {mayImport(result) && (
        <div>
          <Button loading={importing} leftSection={<IconFileImport size={18} aria-hidden />} onClick={onImport}>
            {t("compensation.import.importNow")}
          </Button>
        </div>
      )}
      {result.rows.length > 0 && (
        <Stack gap="xs">
          <NativeSelect
            label={t("compensation.import.show")}
            w={260}
            data={[
              { value: "changed", label: t("compensation.import.showChanged") },
              { value: "all", label: t("compensation.import.showAll") },
            ]}
            value={all ? "all" : "changed"}
            onChange={(e) => onAll(e.currentTarget.value === "all")}
          />
          {rows.length === 0 ? (
            <Text size="sm">{t("compensation.import.noChangedRows")}</Text>
          ) : (
            <>
              {rows.length > MAX_ROWS && (
                <Text size="sm">{t("compensation.import.truncated", { shown: MAX_ROWS, count: rows.length })}</Text>
              )}
              <TableScroll label={t("compensation.import.rowsCaption")} minWidth={960}>
                <Table withTableBorder striped verticalSpacing="xs">
                  <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                    {t("compensation.import.rowsCaption")}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("compensation.import.colRow")}</Table.Th>
                      <Table.Th scope="col">{t("compensation.import.colMunicipality")}</Table.Th>
                      <Table.Th scope="col">{t("compensation.import.colYear")}</Table.Th>
                      <Table.Th scope="col">{t("compensation.import.colPart")}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t("compensation.import.colAmount")}
                      </Table.Th>
                      <Table.Th scope="col">{t("compensation.import.colStatus")}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t("compensation.import.colAdjustment")}
                      </Table.Th>
                      <Table.Th scope="col">{t("compensation.import.colStatusOn")}</Table.Th>
                      <Table.Th scope="col">{t("compensation.import.colChange")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.slice(0, MAX_ROWS).map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.municipality}</Table.Td>
                        <Table.Td>{r.year}</Table.Td>
                        <Table.Td>
                          {r.part}
                          {partName.has(r.part) && (
                            <Text size="xs" span display="block">
                              {partName.get(r.part)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                          {formatAmount(r.amount)}
                        </Table.Td>
                        <Table.Td>{t(`compensation.status.${r.status}`)}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                          {r.adjustment === null ? t("compensation.none") : formatAmount(r.adjustment)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{r.statusOn ?? t("compensation.none")}</Table.Td>
                        <Table.Td fw={r.change === "unchanged" ? undefined : 600}>
                          {t(`compensation.import.change.${r.change}`)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
