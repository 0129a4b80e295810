import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCalendarCheck,
  IconCalendarEvent,
  IconCalendarOff,
  IconCircleCheck,
  IconPaperclip,
  IconPencil,
  IconPlus,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  REVIEWS_PER_PERIOD,
  formatAmount,
  type EconomicReview,
  type EconomicReviewList,
  type Period,
} from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { DownloadLink } from "../documents/DownloadLink";
import { useSelectedPeriod } from "../documents/useSelectedPeriod";
import { economicReviewsQuery, invalidateEconomicReviews, putVisitReview } from "./api";
import { AttachForm } from "./AttachForm";
import { yearsText } from "./model";
import { ReviewForm, useRequestStatus } from "./ReviewForm";
import { TEXT_COLOR } from "../documents/colors";

/** "Besök 2027-10-14" inside a sentence. */
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase("sv") + text.slice(1);

const reviewHeadingId = (id: string) => `economic-review-${id}`;
/** Focus the review's heading once its dialog has closed. */
const focusReview = (id: string) => window.setTimeout(() => document.getElementById(reviewHeadingId(id))?.focus(), 300);

/**
 * Economic reviews (R2.5-1, R2.5-4 … R2.5-6) in the municipality's Ekonomi tab, for the mandate period chosen on the
 * municipality page: held and planned against the goal of two, the warnings in words, the visits whose implied review
 * counts as planned, and each review with its years, findings, visit, requests, remaining-funds decision and
 * attachments. The county's officer records, changes and attaches.
 */
export function EconomicReviewsSection({ code }: { code: string }) {
  const selected = useSelectedPeriod();
  if (selected.isError) return <ErrorState error={selected.error} onRetry={selected.refetch} />;
  if (!selected.period) return <LoadingState />;
  return <Reviews code={code} period={selected.period} />;
}

function Reviews({ code, period }: { code: string; period: Period }) {
  const { t } = useTranslation();
  const me = useMe();
  const reviews = useQuery(economicReviewsQuery(code, period.id));
  const [adding, setAdding] = useState(false);
  const mayWrite = can(me, "economicReviews.write") && me.role === "county" && me.county === code.slice(0, 2);
  return (
    <Stack gap="sm" component="section" aria-labelledby="economic-reviews-heading">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3" id="economic-reviews-heading">
            {t("economicReviews.reviews.title")}
          </Title>
          <Text size="sm">
            {t("economicReviews.reviews.periodLine", { first: period.firstYear, last: period.lastYear })}
          </Text>
        </div>
        {mayWrite && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t("economicReviews.reviews.add")}
          </Button>
        )}
      </Group>
      <Text size="sm" maw={820}>
        {t("economicReviews.reviews.intro")}
      </Text>
      <QueryView query={reviews}>
        {(data) => <ReviewsView data={data} code={code} period={period.id} mayWrite={mayWrite} />}
      </QueryView>
      {mayWrite && (
        <AppModal opened={adding} onClose={() => setAdding(false)} title={t("economicReviews.reviews.addTitle")}>
          {adding && (
            <ReviewForm
              code={code}
              period={period.id}
              onCancel={() => setAdding(false)}
              onDone={(saved) => {
                setAdding(false);
                notifySaved(t("economicReviews.reviews.added"));
                focusReview(saved.id);
              }}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

export function ReviewsView({
  data,
  code,
  period,
  mayWrite,
}: {
  data: EconomicReviewList;
  code: string;
  period: number;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const items = [...data.items].sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn));
  const short = data.warnings.length > 0;
  return (
    <Stack gap="md">
      <SimpleGrid
        cols={{ base: 1, xs: 3 }}
        spacing="sm"
        role="group"
        aria-label={t("economicReviews.reviews.countsLabel")}
      >
        <Count label={t("economicReviews.reviews.held")} value={String(data.held)} />
        <Count label={t("economicReviews.reviews.planned")} value={String(data.planned)} />
        <Count label={t("economicReviews.reviews.goal")} value={t("economicReviews.reviews.goalValue")} />
      </SimpleGrid>
      {data.warnings.map((w) => (
        <Alert
          key={w}
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={t("economicReviews.reviews.warningTitle")}
          data-testid={`economic-review-warning-${w}`}
          styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: TEXT_COLOR.orange } }}
        >
          {t(`economicReviews.reviews.warnings.${w}`, { held: data.held, planned: data.planned })}
        </Alert>
      ))}
      {!short && data.held + data.planned >= REVIEWS_PER_PERIOD && (
        <Text size="sm" style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
          <IconCircleCheck size={18} aria-hidden />
          {t("economicReviews.reviews.goalMet", { held: data.held, planned: data.planned })}
        </Text>
      )}
      <ImpliedVisits visits={data.impliedByVisits} mayWrite={mayWrite} />
      <ExemptVisits visits={data.exemptVisits} mayWrite={mayWrite} />
      <Title order={3} size="h4">
        {t("economicReviews.reviews.list")}
      </Title>
      {items.length === 0 ? (
        <EmptyState>{t("economicReviews.reviews.empty")}</EmptyState>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label={t("economicReviews.reviews.list")}
          style={{ listStyle: "none", margin: 0, padding: 0 }}
        >
          {items.map((r) => (
            <li key={r.id}>
              <ReviewCard review={r} code={code} period={period} mayWrite={mayWrite} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** The planned visits whose implied review counts as planned; the officer may say a visit has no review. */
function ImpliedVisits({ visits, mayWrite }: { visits: { id: string; label: string }[]; mayWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [exempting, setExempting] = useState<{ id: string; label: string } | null>(null);
  const mutation = useMutation({
    mutationFn: (id: string) => putVisitReview(id, false),
    onSuccess: () => {
      invalidateEconomicReviews(queryClient);
      setExempting(null);
      notifySaved(t("economicReviews.reviews.exempted"));
    },
  });
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {t("economicReviews.reviews.implied")}
      </Title>
      <Text size="sm" maw={820}>
        {t("economicReviews.reviews.impliedIntro")}
      </Text>
      {visits.length === 0 ? (
        <Text size="sm">{t("economicReviews.reviews.impliedNone")}</Text>
      ) : (
        <List spacing={4} size="sm" icon={<IconCalendarEvent size={16} aria-hidden />} center>
          {visits.map((v) => (
            <List.Item key={v.id}>
              <Group gap="sm">
                <Text size="sm">{v.label}</Text>
                {mayWrite && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={t("economicReviews.reviews.exemptFor", { label: lowerFirst(v.label) })}
                    onClick={() => {
                      mutation.reset();
                      setExempting(v);
                    }}
                  >
                    {t("economicReviews.reviews.exempt")}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {mayWrite && (
        <AppModal
          opened={exempting !== null}
          onClose={() => setExempting(null)}
          title={t("economicReviews.reviews.exemptTitle")}
        >
          {exempting && (
            <Stack gap="md">
              <Text>{t("economicReviews.reviews.exemptText", { label: exempting.label })}</Text>
              {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setExempting(null)}>
                  {t("economicReviews.reviews.form.cancel")}
                </Button>
                <Button loading={mutation.isPending} onClick={() => mutation.mutate(exempting.id)}>
                  {t("economicReviews.reviews.exemptSubmit")}
                </Button>
              </Group>
            </Stack>
          )}
        </AppModal>
      )}
    </Stack>
  );
}

/** The visits the officer said have no review of their own; the officer may count one as a planned review again. */
function ExemptVisits({ visits, mayWrite }: { visits: EconomicReviewList["exemptVisits"]; mayWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (visitId: string) => putVisitReview(visitId, true),
    onSuccess: () => {
      invalidateEconomicReviews(queryClient);
      notifySaved(t("economicReviews.reviews.undoneExempt"));
    },
  });
  if (visits.length === 0) return null;
  return (
    <Stack gap={4} data-testid="economic-review-exempt-visits">
      <Title order={3} size="h4">
        {t("economicReviews.reviews.exemptList")}
      </Title>
      <Text size="sm" maw={820}>
        {t("economicReviews.reviews.exemptListIntro")}
      </Text>
      <List spacing={4} size="sm" icon={<IconCalendarOff size={16} aria-hidden />} center>
        {visits.map((v) => (
          <List.Item key={v.visitId}>
            <Group gap="sm">
              <Text size="sm">{v.label}</Text>
              {mayWrite && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={t("economicReviews.reviews.undoExemptFor", { label: lowerFirst(v.label) })}
                  loading={mutation.isPending && mutation.variables === v.visitId}
                  disabled={mutation.isPending && mutation.variables !== v.visitId}
                  onClick={() => mutation.mutate(v.visitId)}
                >
                  {t("economicReviews.reviews.undoExempt")}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
    </Stack>
  );
}

function ReviewCard({
  review,
  code,
  period,
  mayWrite,
}: {
  review: EconomicReview;
  code: string;
  period: number;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const requestStatus = useRequestStatus();
  const [dialog, setDialog] = useState<"edit" | "attach" | null>(null);
  const date = review.reviewedOn;
  const funds = review.remainingFunds;
  return (
    <Paper withBorder p="md" data-testid="economic-review">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={4} size="h5" id={reviewHeadingId(review.id)} tabIndex={-1}>
            {t("economicReviews.reviews.reviewHeading", { date })}
          </Title>
          <Badge
            color={review.held ? "green" : "blue"}
            variant="light"
            tt="none"
            styles={{ label: { color: TEXT_COLOR[review.held ? "green" : "blue"] } }}
            leftSection={
              review.held ? <IconCalendarCheck size={14} aria-hidden /> : <IconCalendarEvent size={14} aria-hidden />
            }
          >
            {t(review.held ? "economicReviews.reviews.status.held" : "economicReviews.reviews.status.planned")}
          </Badge>
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            {t("economicReviews.reviews.years")}:
          </Text>{" "}
          {yearsText(review.fromYear, review.toYear)}
        </Text>
        {/* The server's label names the visit ("Besök 2027-10-14"). */}
        <Text size="sm">{review.visit ? review.visit.label : t("economicReviews.reviews.noVisit")}</Text>
        <div>
          <Text size="sm" fw={600}>
            {t("economicReviews.reviews.findings")}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {review.findings.trim() || t("economicReviews.reviews.noFindings")}
          </Text>
        </div>
        {review.documentRequests.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t("economicReviews.reviews.requests")}
            </Text>
            <List size="sm" spacing={2}>
              {review.documentRequests.map((r) => (
                <List.Item key={r.id}>
                  {t("economicReviews.reviews.requestLine", { subject: r.subject, status: requestStatus(r.status) })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {funds && (
          <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
            <Text size="sm" fw={600}>
              {t("economicReviews.reviews.funds", { amount: formatAmount(funds.amount), date: funds.decidedOn })}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              <Text span fw={600}>
                {t("economicReviews.reviews.fundsReasoning")}:
              </Text>{" "}
              {funds.reasoning}
            </Text>
          </Paper>
        )}
        <div>
          <Text size="sm" fw={600}>
            {t("economicReviews.reviews.files")}
          </Text>
          {review.files.length === 0 ? (
            <Text size="sm">{t("economicReviews.reviews.noFiles")}</Text>
          ) : (
            <List size="sm" spacing={2} listStyleType="none" p={0} m={0}>
              {review.files.map((f) => (
                <List.Item key={f.id}>
                  <DownloadLink href={f.downloadUrl} fileName={f.fileName}>
                    {t("economicReviews.reviews.fileLabel", {
                      kind: t(`economicReviews.reviews.fileKind.${f.kind}`),
                      name: f.fileName,
                    })}
                  </DownloadLink>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <Text size="xs">{t("economicReviews.reviews.createdBy", { name: review.createdBy.name })}</Text>
        {mayWrite && (
          <Group gap="sm">
            <Button
              size="sm"
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              aria-label={t("economicReviews.reviews.editFor", { date })}
              onClick={() => setDialog("edit")}
            >
              {t("economicReviews.reviews.edit")}
            </Button>
            <Button
              size="sm"
              variant="default"
              leftSection={<IconPaperclip size={16} aria-hidden />}
              aria-label={t("economicReviews.reviews.attachFor", { date })}
              onClick={() => setDialog("attach")}
            >
              {t("economicReviews.reviews.attach")}
            </Button>
          </Group>
        )}
      </Stack>
      {mayWrite && (
        <>
          <AppModal
            opened={dialog === "edit"}
            onClose={() => setDialog(null)}
            title={t("economicReviews.reviews.editTitle")}
          >
            {dialog === "edit" && (
              <ReviewForm
                code={code}
                period={period}
                review={review}
                onCancel={() => setDialog(null)}
                onDone={() => {
                  setDialog(null);
                  notifySaved(t("economicReviews.reviews.edited"));
                  focusReview(review.id);
                }}
              />
            )}
          </AppModal>
          <AppModal
            opened={dialog === "attach"}
            onClose={() => setDialog(null)}
            title={t("economicReviews.reviews.attachTitle")}
          >
            {dialog === "attach" && (
              <AttachForm
                review={review}
                title={t("economicReviews.reviews.reviewHeading", { date })}
                onCancel={() => setDialog(null)}
                onDone={() => {
                  setDialog(null);
                  notifySaved(t("economicReviews.reviews.attached"));
                  focusReview(review.id);
                }}
              />
            )}
          </AppModal>
        </>
      )}
    </Paper>
  );
}
