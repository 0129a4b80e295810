import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { IconCircleCheck, IconFilePencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { VISIT_KINDS, VisitCreate, compareSwedish, type VisitPlanView } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { CountyFrame } from "../../components/CountyFrame";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { PeriodSelect } from "../../components/PeriodSelect";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { notifyError, notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { formatDate } from "../../lib/formatDate";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import {
  createVisit,
  proposeVisitPlan,
  publishVisitPlan,
  updateVisitPlanSettings,
  visitKeys,
  visitPlanQuery,
} from "./api";
import { Coverage } from "./Coverage";
import { LetterLinks, PlanDownloads } from "./PlanDownloads";
import { isNotFound, useVisitLine } from "./labels";

const route = getRouteApi("/signed-in/lan/$code/besoksplan");

/** Besöksplan (R2.7-3, R2.7-1): the county's plan of formal follow-up visits in a mandate period, with coverage. */
export function VisitPlanPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="visitPlans.read">
      <CountyFrame code={code} title={t("visits.plan.title")} intro={(c) => t("visits.plan.intro", { county: c.name })}>
        {() => <Plan code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function Plan({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/besoksplan" });
  const plan = useQuery(visitPlanQuery(code, search.period));
  const mayWrite = can(me, "visitPlans.write") && me.county === code;

  return (
    <>
      <Group align="flex-end" gap="md">
        <PeriodSelect
          value={search.period}
          onChange={(period) => void navigate({ search: (prev) => ({ ...prev, period }), replace: true })}
        />
      </Group>
      {plan.isPending ? (
        <LoadingState />
      ) : plan.isError ? (
        isNotFound(plan.error) && me.role !== "county" ? (
          <EmptyState>{t("visits.plan.notPublished")}</EmptyState>
        ) : (
          <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
        )
      ) : (
        <PlanView
          code={code}
          plan={plan.data}
          mayWrite={mayWrite}
          mayPublish={mayWrite && can(me, "visitPlans.publish")}
          mayEditTemplate={mayWrite && can(me, "visitPlans.editTemplate")}
        />
      )}
    </>
  );
}

function PlanView({
  code,
  plan,
  mayWrite,
  mayPublish,
  mayEditTemplate,
}: {
  code: string;
  plan: VisitPlanView;
  mayWrite: boolean;
  mayPublish: boolean;
  mayEditTemplate: boolean;
}) {
  const { t } = useTranslation();
  const visitLine = useVisitLine();
  const published = plan.status === "published";
  const items = [...plan.items].sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name));
  return (
    <Stack gap="md">
      <Group gap="sm" aria-live="polite">
        {published ? (
          <IconCircleCheck size={20} aria-hidden color="var(--mantine-color-green-8)" />
        ) : (
          <IconFilePencil size={20} aria-hidden color="var(--mantine-color-gray-7)" />
        )}
        <Text fw={600} data-testid="plan-status">
          {published && plan.publishedAt
            ? t("visits.plan.statusPublished", { date: formatDate(plan.publishedAt) })
            : t("visits.plan.statusDraft")}
        </Text>
        <Text>{t("visits.plan.revision", { revision: plan.revision })}</Text>
      </Group>
      <Coverage coverage={plan.coverage} />
      {mayWrite && <PlanActions code={code} plan={plan} mayPublish={mayPublish} />}
      <PlanDownloads plan={plan} mayEditTemplate={mayEditTemplate} />

      <Stack gap="xs" component="section" aria-labelledby="plan-table-heading">
        <Title order={2} size="h3" id="plan-table-heading">
          {t("visits.plan.tableCaption")}
        </Title>
        {plan.items.length === 0 ? (
          <EmptyState>{t("visits.plan.empty")}</EmptyState>
        ) : (
          <TableScroll label={t("visits.plan.tableCaption")} minWidth={640}>
            <Table withTableBorder striped>
              <Table.Caption className="visually-hidden-text">{t("visits.plan.tableCaption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("visits.plan.colMunicipality")}</Table.Th>
                  <Table.Th scope="col">{t("visits.plan.colVisits")}</Table.Th>
                  <Table.Th scope="col">{t("visits.plan.letters")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ verticalAlign: "top" }}>
                {items.map((item) => (
                  <Table.Tr key={item.municipality.code}>
                    <Table.Th scope="row" fw={600} w={240}>
                      <AnchorLink
                        to="/kommun/$code"
                        params={{ code: item.municipality.code }}
                        search={{ flik: "besok", period: plan.period }}
                      >
                        {item.municipality.name}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>
                      {item.visits.length === 0 ? (
                        <Text size="sm" fs="italic">
                          {t("visits.plan.noVisits")}
                        </Text>
                      ) : (
                        <Stack gap={6} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                          {item.visits.map((v) => (
                            <li key={v.id}>
                              <AnchorLink
                                to="/besok/$id"
                                params={{ id: v.id }}
                                aria-label={t("visits.plan.open", {
                                  planned: v.planned,
                                  municipality: item.municipality.name,
                                })}
                              >
                                {visitLine(v)}
                              </AnchorLink>
                              {v.reason && (
                                <Text size="sm" c="dark.6">
                                  {v.reason}
                                </Text>
                              )}
                            </li>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <LetterLinks plan={plan} municipality={item.municipality} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>

      {plan.revisions.length > 0 || mayWrite ? <Revisions plan={plan} /> : null}
    </Stack>
  );
}

function PlanActions({ code, plan, mayPublish }: { code: string; plan: VisitPlanView; mayPublish: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [perYear, setPerYear] = useState(String(plan.visitsPerYear));
  const [perYearError, setPerYearError] = useState<string>();
  const [confirm, setConfirm] = useState<"propose" | "publish" | null>(null);
  const [adding, setAdding] = useState(false);
  const refresh = (next: VisitPlanView) => {
    queryClient.setQueryData(visitKeys.plan(code, next.period), next);
    void queryClient.invalidateQueries({ queryKey: visitKeys.all });
  };
  const parsedPerYear = (): number | null => {
    const n = Number(perYear);
    if (!Number.isInteger(n) || n < 1 || n > 200) {
      setPerYearError(t("visits.plan.capacityHelp"));
      return null;
    }
    setPerYearError(undefined);
    return n;
  };
  // The plan's version follows its revision (every change is a revision and a new version).
  const settings = useMutation({
    mutationFn: (visitsPerYear: number) =>
      updateVisitPlanSettings(code, { period: plan.period, visitsPerYear, version: plan.revision + 1 }),
    onSuccess: (next) => {
      refresh(next);
      notifySaved(t("visits.plan.capacitySaved"));
    },
    onError: (e) => setPerYearError(e.message),
  });
  const propose = useMutation({
    mutationFn: (visitsPerYear: number) => proposeVisitPlan(code, { period: plan.period, visitsPerYear }),
    onSuccess: (next) => {
      refresh(next);
      setConfirm(null);
      notifySaved(t("visits.plan.proposed"));
    },
    onError: (e) => notifyError(e.message),
  });
  const publish = useMutation({
    mutationFn: () => publishVisitPlan(code, { period: plan.period }),
    onSuccess: (next) => {
      refresh(next);
      setConfirm(null);
      notifySaved(t("visits.plan.published"));
    },
    onError: (e) => notifyError(e.message),
  });

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <TextInput
        label={t("visits.plan.capacity")}
        description={t("visits.plan.capacityHelp")}
        inputMode="numeric"
        w={420}
        value={perYear}
        error={perYearError}
        onChange={(e) => setPerYear(e.currentTarget.value)}
      />
      <Button
        variant="default"
        loading={settings.isPending}
        onClick={() => {
          const n = parsedPerYear();
          if (n !== null) settings.mutate(n);
        }}
      >
        {t("visits.plan.saveCapacity")}
      </Button>
      <Button onClick={() => parsedPerYear() !== null && setConfirm("propose")}>{t("visits.plan.propose")}</Button>
      <Button variant="default" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
        {t("visits.plan.addVisit")}
      </Button>
      {mayPublish && <Button onClick={() => setConfirm("publish")}>{t("visits.plan.publish")}</Button>}

      <AppModal opened={confirm === "propose"} onClose={() => setConfirm(null)} title={t("visits.plan.proposeTitle")}>
        <Stack gap="md">
          <Text>{t("visits.plan.proposeText", { perYear })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t("visits.plan.cancel")}
            </Button>
            <Button loading={propose.isPending} onClick={() => propose.mutate(Number(perYear))}>
              {t("visits.plan.proposeConfirm")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
      <AppModal opened={confirm === "publish"} onClose={() => setConfirm(null)} title={t("visits.plan.publishTitle")}>
        <Stack gap="md">
          <Text>{t("visits.plan.publishText")}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t("visits.plan.cancel")}
            </Button>
            <Button loading={publish.isPending} onClick={() => publish.mutate()}>
              {t("visits.plan.publishConfirm")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
      <AppModal opened={adding} onClose={() => setAdding(false)} title={t("visits.plan.addTitle")}>
        <AddVisitForm
          plan={plan}
          onDone={() => {
            setAdding(false);
            void queryClient.invalidateQueries({ queryKey: visitKeys.all });
            notifySaved(t("visits.plan.added"));
          }}
          onCancel={() => setAdding(false)}
        />
      </AppModal>
    </Group>
  );
}

function AddVisitForm({ plan, onDone, onCancel }: { plan: VisitPlanView; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: createVisit,
    onSuccess: onDone,
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: VisitCreate,
    initialValues: {
      municipality: plan.items[0]?.municipality.code ?? "",
      planned: "",
      kind: "only" as (typeof VISIT_KINDS)[number],
      reason: "",
    },
    toInput: (v) => ({ ...v, period: plan.period }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        <NativeSelect
          label={t("visits.plan.municipality")}
          data={plan.items.map((i) => ({ value: i.municipality.code, label: i.municipality.name }))}
          {...field("municipality")}
        />
        <TextInput
          label={t("visits.plan.planned")}
          description={t("visits.plan.plannedHelp")}
          required
          w={240}
          {...field("planned")}
        />
        <NativeSelect
          label={t("visits.plan.kindLabel")}
          data={VISIT_KINDS.map((k) => ({ value: k, label: t(`visits.kind.${k}`) }))}
          w={240}
          {...field("kind")}
        />
        <Textarea label={t("visits.plan.reason")} autosize minRows={2} {...field("reason")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("visits.plan.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("visits.plan.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Revisions({ plan }: { plan: VisitPlanView }) {
  const { t } = useTranslation();
  const caption = t("visits.plan.revisionsCaption");
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-revisions-heading">
      <Title order={2} size="h3" id="plan-revisions-heading">
        {t("visits.plan.revisions")}
      </Title>
      {plan.revisions.length === 0 ? (
        <Alert variant="light" color="gray" styles={{ message: { color: "var(--mantine-color-text)" } }}>
          {t("visits.plan.noRevisions")}
        </Alert>
      ) : (
        <TableScroll label={caption} minWidth={640}>
          <Table withTableBorder striped>
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("visits.plan.colRevision")}</Table.Th>
                <Table.Th scope="col">{t("visits.plan.colDate")}</Table.Th>
                <Table.Th scope="col">{t("visits.plan.colBy")}</Table.Th>
                <Table.Th scope="col">{t("visits.plan.colReason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...plan.revisions].reverse().map((r) => (
                <Table.Tr key={r.revision}>
                  <Table.Td>{r.revision}</Table.Td>
                  <Table.Td className="nowrap">{formatDate(r.at)}</Table.Td>
                  <Table.Td>{r.by ?? t("visits.plan.system")}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
