import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconArrowBackUp, IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AnnualReportReturn, type AnnualReport, type QuestionComment } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { TEXT_COLOR } from "../documents/colors";
import { acceptAnnualReport, invalidateAnnualReports, returnAnnualReport } from "./api";

/**
 * The county officer's decision on a submitted report: return it for completion (at least one comment, written at
 * the questions) with an optional message, or accept it after a confirmation.
 */
export function ReviewActions({ report, comments }: { report: AnnualReport; comments: QuestionComment[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState<{ path: string; message: string }>();
  const [confirming, setConfirming] = useState(false);
  const code = report.municipality.code;
  const done = (text: string) => {
    invalidateAnnualReports(queryClient);
    notifySaved(text);
  };
  const back = useMutation({
    mutationFn: (body: { version?: number | undefined; comments: QuestionComment[]; message: string }) =>
      returnAnnualReport(code, report.year, body),
    onSuccess: () => done(t("annualReports.review.returned")),
  });
  const accept = useMutation({
    mutationFn: () => acceptAnnualReport(code, report.year, report.version),
    onSuccess: () => {
      setConfirming(false);
      done(t("annualReports.review.accepted"));
    },
  });
  const sendBack = () => {
    const parsed = AnnualReportReturn.safeParse({ version: report.version, comments, message: message.trim() });
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    if (issue) return setProblem({ path: String(issue.path[0] ?? ""), message: issue.message });
    setProblem(undefined);
    if (parsed.success) back.mutate(parsed.data);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="annual-review-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="annual-review-heading">
          {t("annualReports.review.title")}
        </Title>
        <Text size="sm">{t("annualReports.review.intro")}</Text>
        <Text size="sm" aria-live="polite">
          {comments.length === 0
            ? t("annualReports.review.noComments")
            : t("annualReports.review.commentsCount", { count: comments.length })}
        </Text>
        <Textarea
          label={t("annualReports.review.message")}
          autosize
          minRows={2}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        {problem && !(problem.path === "comments" && comments.length > 0) && (
          <Alert role="alert" color="red" variant="light" styles={{ message: { color: TEXT_COLOR.red } }}>
            {problem.message}
          </Alert>
        )}
        {back.isError && <ErrorState error={back.error} />}
        {accept.isError && !confirming && <ErrorState error={accept.error} />}
        <Group gap="sm">
          <Button
            variant="outline"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            loading={back.isPending}
            onClick={sendBack}
          >
            {t("annualReports.review.return")}
          </Button>
          <Button leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setConfirming(true)}>
            {t("annualReports.review.accept")}
          </Button>
        </Group>
      </Stack>
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t("annualReports.review.acceptTitle")}>
        <Stack gap="md">
          <Text>{t("annualReports.review.acceptText")}</Text>
          {accept.isError && <ErrorState error={accept.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("annualReports.review.cancel")}
            </Button>
            <Button loading={accept.isPending} onClick={() => accept.mutate()}>
              {t("annualReports.review.acceptConfirm")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Paper>
  );
}
