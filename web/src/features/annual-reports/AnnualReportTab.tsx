import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleX,
  IconClock,
  IconInfoCircle,
  IconPencil,
  IconSend,
  type Icon,
} from "@tabler/icons-react";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  flattenQuestions,
  type AnnualFormDefinition,
  type AnnualFormPart,
  type AnnualReport,
  type AnnualReportStatus,
  type MissingAnswer,
} from "@uppsikt/core";
import { useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { compensationPartsQuery, costCategoriesQuery } from "../economy/api";
import { LoadingState } from "../../components/LoadingState";
import { notifyError, notifySaved } from "../../components/notify";
import { TEXT_COLOR } from "../documents/colors";
import {
  annualFormQuery,
  annualFormsQuery,
  annualReportKeys,
  annualReportQuery,
  invalidateAnnualReports,
  submitAnnualReport,
  upgradeAnnualReport,
} from "./api";
import { commentsToSend, defaultYear, missingOf, questionAnchor, returnComments } from "./model";
import { ReportParts, type ReviewDrafts } from "./ReportParts";
import { Attachments, MissingList, RoundsHistory } from "./ReportSections";
import { ReviewActions } from "./ReviewActions";
import { useReportDraft, type SaveState } from "./useReportDraft";

/** Årlig uppföljning: the municipality's annual report of a year, filled, submitted and reviewed (R2.4-2). */
export function AnnualReportTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const forms = useQuery(annualFormsQuery);
  const years = useMemo(
    () =>
      [...new Set((forms.data?.items ?? []).filter((f) => f.status === "published").map((f) => f.year))].sort(
        (a, b) => b - a,
      ),
    [forms.data],
  );
  const reports = useQueries({ queries: years.map((y) => annualReportQuery(code, y)) });
  const [chosen, setChosen] = useState<number | null>(null);
  if (forms.isPending) return <LoadingState />;
  if (forms.isError) return <ErrorState error={forms.error} onRetry={() => void forms.refetch()} />;
  if (years.length === 0) return <EmptyState>{t("annualReports.noForm")}</EmptyState>;
  const statusOf = (y: number) => reports[years.indexOf(y)]?.data?.status;
  const loading = reports.some((r) => r.isPending);
  const year = chosen ?? (loading ? null : defaultYear(years, statusOf));
  if (year === null || year === undefined) return <LoadingState />;
  const deadlineOf = (y: number) => forms.data.items.find((f) => f.year === y && f.current)?.deadline;
  return (
    <Stack gap="md">
      <NativeSelect
        label={t("annualReports.year")}
        value={String(year)}
        onChange={(e) => setChosen(Number(e.currentTarget.value))}
        data={years.map((y) => ({
          value: String(y),
          label: deadlineOf(y) ? t("annualReports.yearOption", { year: y, deadline: deadlineOf(y) }) : String(y),
        }))}
        w={{ base: "100%", xs: 320 }}
      />
      <ReportPanel key={year} code={code} year={year} />
    </Stack>
  );
}

const STATUS_LOOK: Record<AnnualReportStatus, { color: string; icon: Icon }> = {
  notStarted: { color: "gray", icon: IconClock },
  draft: { color: "blue", icon: IconPencil },
  submitted: { color: "violet", icon: IconSend },
  returned: { color: "orange", icon: IconArrowBackUp },
  accepted: { color: "green", icon: IconCircleCheck },
};

function TextBadge({
  color,
  icon: I,
  text,
  variant = "light",
}: {
  color: string;
  icon: Icon;
  text: string;
  variant?: "light" | "outline";
}) {
  return (
    <Badge
      color={color}
      variant={variant}
      tt="none"
      size="lg"
      radius="sm"
      fw={600}
      leftSection={<I size={16} aria-hidden />}
      style={{ "--badge-color": TEXT_COLOR[color] ?? TEXT_COLOR.gray, maxWidth: "100%" } as CSSProperties}
      styles={{ label: { overflow: "visible" } }}
    >
      {text}
    </Badge>
  );
}

/** The report's status with its date, the late and missing marks (the server's), deadline and form. */
function ReportHeader({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[report.status];
  const status = t(`annualReports.status.${report.status}`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="annual-report-heading">
      <Stack gap="xs">
        <Title order={3} size="h4" id="annual-report-heading">
          {t("annualReports.title")} {report.year}
        </Title>
        <Group gap="xs" data-testid="annual-status">
          <TextBadge
            color={look.color}
            icon={look.icon}
            text={report.statusOn ? t("annualReports.statusOn", { status, date: report.statusOn }) : status}
          />
          {report.late && (
            <TextBadge color="red" icon={IconAlertTriangle} variant="outline" text={t("annualReports.late")} />
          )}
          {report.missing && (
            <TextBadge color="red" icon={IconCircleX} variant="outline" text={t("annualReports.missing")} />
          )}
        </Group>
        {report.deadline && <Text size="sm">{t("annualReports.deadline", { date: report.deadline })}</Text>}
        {report.submittedOn && <Text size="sm">{t("annualReports.submittedOn", { date: report.submittedOn })}</Text>}
        {report.form && (
          <Group gap="xs">
            <Text size="sm">
              {t("annualReports.formTitle", { title: report.form.title, number: report.form.number })}
            </Text>
            {report.form.example && (
              <TextBadge color="gray" icon={IconInfoCircle} variant="outline" text={t("annualReports.example")} />
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function NewerFormNotice({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const newer = report.newerForm ?? null;
  const upgrade = useMutation({
    mutationFn: () => upgradeAnnualReport(report.municipality.code, report.year, report.version),
    onSuccess: () => {
      invalidateAnnualReports(queryClient);
      notifySaved(t("annualReports.newer.done", { number: newer?.number }));
    },
  });
  if (!newer || !report.can.edit) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconInfoCircle aria-hidden />}
      title={t("annualReports.newer.title")}
      styles={{ message: { color: "var(--mantine-color-text)" } }}
    >
      <Stack gap="xs">
        <Text size="sm">{t("annualReports.newer.text", { current: report.form?.number, number: newer.number })}</Text>
        {upgrade.isError && <ErrorState error={upgrade.error} />}
        <Group>
          <Button size="sm" loading={upgrade.isPending} onClick={() => upgrade.mutate()}>
            {t("annualReports.newer.button", { number: newer.number })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function ReportPanel({ code, year }: { code: string; year: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const report = useQuery(annualReportQuery(code, year));
  const formId = report.data?.form?.id;
  const form = useQuery({ ...annualFormQuery(formId ?? ""), enabled: !!formId });
  // Fetched here: the economy part sits in a tab panel that runs no effects until it is opened.
  useQuery(compensationPartsQuery);
  useQuery(costCategoriesQuery(year));
  const [generation, setGeneration] = useState(0);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  if (!r.form) return <EmptyState>{t("annualReports.noFormYear", { year })}</EmptyState>;
  const reload = () => {
    notifyError(t("annualReports.save.stale"));
    void queryClient
      .invalidateQueries({ queryKey: annualReportKeys.report(code, year) })
      .then(() => setGeneration((g) => g + 1));
  };
  const last = r.rounds.at(-1);
  return (
    <Stack gap="md">
      <ReportHeader report={r} />
      <NewerFormNotice report={r} />
      {r.status === "returned" && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconArrowBackUp aria-hidden />}
          title={t("annualReports.returned.title")}
          styles={{ title: { color: TEXT_COLOR.orange }, message: { color: "var(--mantine-color-text)" } }}
        >
          <Text size="sm">{t("annualReports.returned.where")}</Text>
          {last?.message && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {t("annualReports.returned.message", { message: last.message })}
            </Text>
          )}
        </Alert>
      )}
      {form.isError ? (
        <ErrorState error={form.error} onRetry={() => void form.refetch()} />
      ) : !form.data ? (
        <LoadingState />
      ) : (
        <ReportBody
          key={`${form.data.id}|${generation}|${r.can.edit}|${r.can.review}`}
          report={r}
          definition={form.data.definition}
          onStale={reload}
        />
      )}
    </Stack>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === "saving"
      ? t("annualReports.save.saving")
      : state.kind === "saved"
        ? t("annualReports.save.saved", { time: state.time })
        : state.kind === "unsaved"
          ? t("annualReports.save.unsaved")
          : state.kind === "duplicate"
            ? t("annualReports.save.duplicate")
            : state.kind === "failed"
              ? t("annualReports.save.failed", { message: state.message })
              : t("annualReports.save.autosave");
  const bad = state.kind === "failed" || state.kind === "duplicate";
  return (
    <Stack gap={0} aria-live="polite" data-testid="annual-save-status">
      <Text size="sm" fw={bad ? 600 : 400} c={bad ? TEXT_COLOR.red : undefined}>
        {text}
      </Text>
      {state.kind === "saved" && state.waiting > 0 && (
        <Text size="sm">{t("annualReports.save.waiting", { count: state.waiting })}</Text>
      )}
    </Stack>
  );
}

function useReviewDrafts(): ReviewDrafts {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  return {
    drafts,
    open,
    toggle: (key) =>
      setOpen((prev) => {
        const next = new Set(prev);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    set: (key, text) => setDrafts((prev) => ({ ...prev, [key]: text })),
  };
}

function ReportBody({
  report,
  definition,
  onStale,
}: {
  report: AnnualReport;
  definition: AnnualFormDefinition;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editable = report.can.edit;
  const draft = useReportDraft(report, onStale);
  const review = useReviewDrafts();
  const [part, setPart] = useState<AnnualFormPart>("indicators");
  const [missing, setMissing] = useState<MissingAnswer[] | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const missingRef = useRef<HTMLDivElement>(null);
  const order = useMemo(() => [...flattenQuestions(definition).map((f) => f.question.key), "economy"], [definition]);
  const submit = useMutation({
    mutationFn: async () => {
      if (!(await draft.save())) throw new Error(t("annualReports.save.unsaved"));
      return submitAnnualReport(report.municipality.code, report.year, draft.version.current);
    },
    onSuccess: () => {
      setMissing(null);
      invalidateAnnualReports(queryClient);
      notifySaved(t("annualReports.submit.done"));
    },
    onError: (error) => {
      const list = missingOf(error);
      if (list) {
        setMissing(list);
        setFocusTarget("__missing");
      }
    },
  });

  // Focus moves after the part's panel is shown: to the missing list, or to the question chosen in it.
  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget === "__missing") missingRef.current?.focus();
    else {
      const el = document.getElementById(focusTarget);
      const target = el?.matches("input, textarea, select, button")
        ? el
        : (el?.querySelector<HTMLElement>("input, textarea, select, button") ?? el);
      target?.focus();
      target?.scrollIntoView({ block: "center" });
    }
    setFocusTarget(null);
  }, [focusTarget]);

  const goTo = (m: MissingAnswer) => {
    setPart(m.part);
    setFocusTarget(m.part === "economy" ? questionAnchor("economy") : questionAnchor(m.questionKey, m.row, m.field));
  };
  const returned = returnComments(report);
  const reviewing = report.can.review;

  return (
    <Stack gap="md">
      {!editable && !reviewing && <Text size="sm">{t("annualReports.readOnly")}</Text>}
      {editable && (
        <Group justify="space-between" align="flex-start">
          <Text size="sm">{t("annualReports.requiredNote")}</Text>
          <SaveStatus state={draft.state} />
        </Group>
      )}
      {missing && missing.length > 0 && <MissingList ref={missingRef} missing={missing} onGo={goTo} />}
      <ReportParts
        report={report}
        definition={definition}
        answers={editable ? draft.answers : report.answers}
        costs={editable ? draft.costs : report.costs}
        editable={editable}
        onAnswer={draft.setAnswer}
        onCosts={draft.setCosts}
        returned={returned}
        review={reviewing ? review : null}
        part={part}
        onPart={setPart}
      />
      {editable && report.can.submit && (
        <Stack gap="xs">
          {submit.isError && !missingOf(submit.error) && <ErrorState error={submit.error} />}
          <Group>
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              loading={submit.isPending}
              onClick={() => submit.mutate()}
            >
              {report.rounds.length > 0 ? t("annualReports.submit.again") : t("annualReports.submit.button")}
            </Button>
          </Group>
        </Stack>
      )}
      {reviewing && <ReviewActions report={report} comments={commentsToSend(review.drafts, order)} />}
      <Attachments report={report} editable={editable} beforeUpload={draft.save} />
      <RoundsHistory report={report} definition={definition} />
    </Stack>
  );
}
