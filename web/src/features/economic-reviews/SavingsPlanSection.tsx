import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconFilePlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { formatAmount, type SavingsPlan, type SavingsPlanList } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { formatDate } from "../../lib/formatDate";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { savingsPlansQuery } from "./api";
import { latestSubmittedOn, outcomeState, percentText } from "./model";
import { PlanForm } from "./PlanForm";
import { TEXT_COLOR } from "../documents/colors";

/**
 * The savings plan (R2.6-2) in the municipality's Ekonomi tab: whether one is required (large savings) and by when,
 * the newest version and the earlier ones, each year's planned use of savings and of compensation with the
 * activities, and the outcome against the plan with the national tolerance and its source. County officers and the
 * municipality's writers submit a new version; read-only leadership only reads.
 */
export function SavingsPlanSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const plans = useQuery(savingsPlansQuery(code));
  const [adding, setAdding] = useState(false);
  const mayWrite =
    can(me, "savingsPlans.write") &&
    ((me.role === "county" && me.county === code.slice(0, 2)) ||
      (me.role === "municipality" && me.municipality === code));
  return (
    <Stack gap="sm" component="section" aria-labelledby="savings-plan-heading">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="savings-plan-heading">
          {t("economicReviews.plans.title")}
        </Title>
        {mayWrite && (
          <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t("economicReviews.plans.submit")}
          </Button>
        )}
      </Group>
      <Text size="sm" maw={820}>
        {t("economicReviews.plans.intro")}
      </Text>
      <QueryView query={plans}>{(data) => <PlansView data={data} />}</QueryView>
      {mayWrite && (
        <AppModal opened={adding} onClose={() => setAdding(false)} title={t("economicReviews.plans.submitTitle")}>
          {adding && (
            <PlanForm
              code={code}
              newest={plans.data?.items[0]}
              onCancel={() => setAdding(false)}
              onDone={(saved) => {
                setAdding(false);
                notifySaved(t("economicReviews.plans.saved", { number: saved.number }));
              }}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

export function PlansView({ data }: { data: SavingsPlanList }) {
  const { t } = useTranslation();
  const tolerance = data.tolerance;
  const share = percentText(1 - tolerance.value);
  const [newest, ...earlier] = [...data.items].sort((a, b) => b.number - a.number);
  // The latest submission (the server's rule decided that it answers the detection).
  const answeredOn = latestSubmittedOn(data.items);
  return (
    <Stack gap="md">
      {data.owed && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={
            data.dueOn
              ? t("economicReviews.plans.required", { date: data.dueOn })
              : t("economicReviews.plans.requiredNoDate")
          }
          data-testid="savings-plan-required"
          styles={{ title: { color: TEXT_COLOR.orange } }}
        />
      )}
      {data.required && !data.owed && (
        <Text
          size="sm"
          style={{ display: "inline-flex", alignItems: "center", gap: 6 }}
          data-testid="savings-plan-answered"
        >
          <IconCircleCheck size={18} aria-hidden />
          {answeredOn
            ? t("economicReviews.plans.answered", { date: answeredOn })
            : t("economicReviews.plans.answeredNoDate")}
        </Text>
      )}
      <Text size="sm" maw={820}>
        {t(tolerance.unverified ? "economicReviews.plans.toleranceUnverified" : "economicReviews.plans.tolerance", {
          share,
          tolerance: percentText(tolerance.value),
          source: tolerance.source ?? t("economicReviews.plans.noSource"),
        })}
      </Text>
      {!newest ? (
        <EmptyState>{t("economicReviews.plans.empty")}</EmptyState>
      ) : (
        <>
          <PlanView plan={newest} share={share} heading={t("economicReviews.plans.newest")} />
          {earlier.length > 0 && (
            <details>
              <summary style={{ cursor: "pointer" }}>
                {t("economicReviews.plans.earlier", { count: earlier.length })}
              </summary>
              <Stack gap="md" mt="sm">
                {earlier.map((p) => (
                  <PlanView key={p.id} plan={p} share={share} />
                ))}
              </Stack>
            </details>
          )}
        </>
      )}
    </Stack>
  );
}

function PlanView({ plan, share, heading }: { plan: SavingsPlan; share: string; heading?: string }) {
  const { t } = useTranslation();
  const years = [...plan.years].sort((a, b) => a.year - b.year);
  const outcome = [...plan.outcome].sort((a, b) => a.year - b.year);
  const version = t("economicReviews.plans.version", { number: plan.number });
  return (
    <Paper withBorder p="md" data-testid="savings-plan">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {heading ? `${heading}: ${version}` : version}
          </Title>
          <Text size="sm">
            {plan.submittedAt
              ? t("economicReviews.plans.submitted", { date: formatDate(plan.submittedAt), name: plan.createdBy.name })
              : t("economicReviews.plans.notSubmitted", {
                  date: formatDate(plan.createdAt),
                  name: plan.createdBy.name,
                })}
          </Text>
        </Group>
        {plan.note.trim() && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            <Text span fw={600}>
              {t("economicReviews.plans.note")}:
            </Text>{" "}
            {plan.note}
          </Text>
        )}
        <TableScroll label={t("economicReviews.plans.yearsCaption", { number: plan.number })} minWidth={640}>
          <Table withTableBorder striped verticalSpacing="xs">
            <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
              {t("economicReviews.plans.yearsCaption", { number: plan.number })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("economicReviews.plans.year")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("economicReviews.plans.plannedSavings")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("economicReviews.plans.plannedCompensation")}
                </Table.Th>
                <Table.Th scope="col">{t("economicReviews.plans.activities")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Th scope="row">{y.year}</Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatAmount(y.plannedSavingsUse)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatAmount(y.plannedCompensationUse)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{y.activities}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {outcome.length > 0 && (
          <TableScroll label={t("economicReviews.plans.outcomeCaption", { number: plan.number })} minWidth={560}>
            <Table withTableBorder verticalSpacing="xs">
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                {t("economicReviews.plans.outcomeCaption", { number: plan.number })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("economicReviews.plans.year")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("economicReviews.plans.outcomePlanned")}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("economicReviews.plans.outcomeUsed")}
                  </Table.Th>
                  <Table.Th scope="col">{t("economicReviews.plans.outcomeDeviation")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outcome.map((o) => (
                  <Table.Tr key={o.year} data-testid="savings-plan-outcome">
                    <Table.Th scope="row">{o.year}</Table.Th>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {formatAmount(o.planned)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {o.used === null ? t("economicReviews.plans.unknown") : formatAmount(o.used)}
                    </Table.Td>
                    <Table.Td>
                      <OutcomeText state={outcomeState(o)} share={share} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </Paper>
  );
}

function OutcomeText({ state, share }: { state: ReturnType<typeof outcomeState>; share: string }) {
  const { t } = useTranslation();
  if (state === "deviation")
    return (
      <Badge
        color="orange"
        variant="light"
        tt="none"
        size="lg"
        leftSection={<IconAlertTriangle size={14} aria-hidden />}
        styles={{
          root: { height: "auto", whiteSpace: "normal" },
          label: { whiteSpace: "normal", color: TEXT_COLOR.orange },
        }}
      >
        {t("economicReviews.plans.deviation", { share })}
      </Badge>
    );
  if (state === "onPlan")
    return (
      <Text size="sm" span style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
        <IconCircleCheck size={16} aria-hidden />
        {t("economicReviews.plans.noDeviation")}
      </Text>
    );
  return (
    <Text size="sm" span>
      {t(state === "notPlanned" ? "economicReviews.plans.notPlanned" : "economicReviews.plans.unknown")}
    </Text>
  );
}
