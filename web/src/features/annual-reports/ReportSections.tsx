import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconDownload, IconUpload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AnnualFormDefinition, AnnualReport, MissingAnswer } from "@uppsikt/core";
import { flattenQuestions } from "@uppsikt/core";
import { forwardRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { formatDate } from "../../lib/formatDate";
import { ErrorState } from "../../components/ErrorState";
import { type ChosenFile, FilePicker, SecurityNotice, fileProblem } from "../documents/FilePicker";
import { formatBytes } from "../documents/labels";
import { TEXT_COLOR } from "../documents/colors";
import { attachAnnualReportFiles, invalidateAnnualReports } from "./api";

/** The missing answers of a refused submission, each a link that opens its part and focuses the question. */
export const MissingList = forwardRef<HTMLDivElement, { missing: MissingAnswer[]; onGo: (m: MissingAnswer) => void }>(
  function MissingList({ missing, onGo }, ref) {
    const { t } = useTranslation();
    return (
      <Alert
        ref={ref}
        tabIndex={-1}
        role="alert"
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("annualReports.submit.missingTitle")}
        styles={{ title: { color: TEXT_COLOR.red }, message: { color: "var(--mantine-color-text)" } }}
        data-testid="annual-missing"
      >
        <Stack gap="xs">
          <Text size="sm">{t("annualReports.submit.missingIntro", { count: missing.length })}</Text>
          <List spacing={4} size="sm">
            {missing.map((m, i) => (
              <List.Item key={`${m.questionKey}-${m.row ?? ""}-${m.field ?? ""}-${i}`}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  style={{ textAlign: "left" }}
                  onClick={() => onGo(m)}
                >
                  {t("annualReports.submit.missingIn", { label: m.label, part: t(`annualReports.parts.${m.part}`) })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Alert>
    );
  },
);

/** Every round of the report: when and by whom submitted, returned (with the county's comments) or accepted. */
export function RoundsHistory({
  report,
  definition,
}: {
  report: AnnualReport;
  definition: AnnualFormDefinition | null;
}) {
  const { t } = useTranslation();
  const labels = new Map(
    (definition ? flattenQuestions(definition) : []).map((f) => [f.question.key, f.question.label]),
  );
  labels.set("economy", t("annualReports.rounds.economyQuestion"));
  const who = (key: "submitted" | "returned" | "accepted", at: string, person: { name: string } | null) =>
    person
      ? t(`annualReports.rounds.${key}`, { date: formatDate(at), name: person.name })
      : t(`annualReports.rounds.${key}NoName`, { date: formatDate(at) });
  return (
    <Stack gap="xs" component="section" aria-labelledby="annual-rounds-heading">
      <Title order={3} size="h4" id="annual-rounds-heading">
        {t("annualReports.rounds.title")}
      </Title>
      {report.rounds.length === 0 ? (
        <Text size="sm">{t("annualReports.rounds.empty")}</Text>
      ) : (
        <List listStyleType="none" spacing="xs" m={0} p={0} data-testid="annual-rounds">
          {report.rounds.map((r) => (
            <List.Item key={r.number}>
              <Paper withBorder p="sm">
                <Stack gap={4}>
                  <Text fw={600}>{t("annualReports.rounds.round", { n: r.number })}</Text>
                  <Text size="sm">{who("submitted", r.submittedAt, r.submittedBy)}</Text>
                  {r.returnedAt && <Text size="sm">{who("returned", r.returnedAt, r.returnedBy)}</Text>}
                  {r.acceptedAt && <Text size="sm">{who("accepted", r.acceptedAt, r.acceptedBy)}</Text>}
                  {!r.returnedAt && !r.acceptedAt && <Text size="sm">{t("annualReports.rounds.awaiting")}</Text>}
                  {r.message && (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {t("annualReports.rounds.message", { message: r.message })}
                    </Text>
                  )}
                  {r.comments.length > 0 && (
                    <>
                      <Text size="sm" fw={600}>
                        {t("annualReports.rounds.comments")}
                      </Text>
                      <List size="sm" spacing={2}>
                        {r.comments.map((c, i) => (
                          <List.Item key={i}>
                            <Text span size="sm" fw={600}>
                              {labels.get(c.questionKey) ?? c.questionKey}:
                            </Text>{" "}
                            <Text span size="sm" style={{ whiteSpace: "pre-wrap" }}>
                              {c.text}
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    </>
                  )}
                </Stack>
              </Paper>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The report's attachments with download links; while the report can be edited, more can be uploaded. */
export function Attachments({
  report,
  editable,
  beforeUpload,
}: {
  report: AnnualReport;
  editable: boolean;
  /** Saves the draft first, so the upload does not race the autosave. */
  beforeUpload: () => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [error, setError] = useState<string>();
  const mutation = useMutation({
    mutationFn: async () => {
      await beforeUpload();
      const form = new FormData();
      for (const f of files) form.append("file", f.file, f.file.name);
      return attachAnnualReportFiles(report.municipality.code, report.year, form);
    },
    onSuccess: () => {
      setFiles([]);
      invalidateAnnualReports(queryClient);
      notifySaved(t("annualReports.files.done"));
    },
  });
  const upload = () => {
    if (files.length === 0) return setError(t("annualReports.files.required"));
    const problem = fileProblem(files);
    if (problem) return setError(t(`documentRequests.answerForm.${problem.kind}`, { name: problem.name }));
    setError(undefined);
    mutation.mutate();
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="annual-files-heading">
      <Title order={3} size="h4" id="annual-files-heading">
        {t("annualReports.files.title")}
      </Title>
      {report.files.length === 0 ? (
        <Text size="sm">{t("annualReports.files.empty")}</Text>
      ) : (
        <List listStyleType="none" spacing={4} m={0} p={0} data-testid="annual-files">
          {report.files.map((f) => (
            <List.Item key={f.id}>
              <Anchor href={f.downloadUrl} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
                <IconDownload size={16} aria-hidden />
                {f.fileName}
              </Anchor>{" "}
              <Text span size="sm" c="dark.5">
                ({formatBytes(f.sizeBytes, i18n.language)},{" "}
                {t("annualReports.files.uploaded", { date: formatDate(f.uploadedAt) })})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {editable && (
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <SecurityNotice />
            <FilePicker
              label={t("annualReports.files.label")}
              description={t("annualReports.files.help")}
              error={error}
              files={files}
              onAdd={(added) => {
                setFiles((prev) => [...prev, ...added]);
                setError(undefined);
              }}
              onRemove={(key) => setFiles((prev) => prev.filter((x) => x.key !== key))}
              texts={{
                chosen: t("documentRequests.answerForm.filesChosen"),
                none: t("documentRequests.answerForm.filesNone"),
                remove: t("documentRequests.answerForm.remove"),
              }}
            />
            {mutation.isError && <ErrorState error={mutation.error} />}
            <Group>
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={mutation.isPending}
                onClick={upload}
              >
                {t("annualReports.files.upload")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
