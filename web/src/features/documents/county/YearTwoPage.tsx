import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconCalendarExclamation, IconInfoCircle, IconPencil } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { yearTwoQuery } from "./api";
import { useAppConfig } from "../../../api/useAppConfig";
import { AppModal } from "../../../components/AppModal";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { LoadingState } from "../../../components/LoadingState";
import { RequireAccess } from "../../../components/RequireAccess";
import { TableScroll } from "../../../components/TableScroll";
import { AnchorLink } from "../../../components/links";
import { YEAR_TWO_SHOWS } from "../../../routeSearch";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useSession";
import { CountyFrame } from "../../../components/CountyFrame";
import { FollowUpForm, type MissingDocument } from "./FollowUpForm";
import { PeriodSelect } from "../../../components/PeriodSelect";
import { periodRange, useDocumentTypeName } from "./labels";

const route = getRouteApi("/signed-in/lan/$code/uppfoljning-ar-2");

/** Uppföljning år 2: from the period's second year, documents still missing, with reasons and agreed dates (R2.2-4). */
export function YearTwoPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="documents.yearTwo">
      <CountyFrame
        code={code}
        title={t("countyDocuments.yearTwo.title")}
        intro={(county) => t("countyDocuments.yearTwo.intro", { county: county.name })}
      >
        {(county) => <YearTwoList code={code} countyName={county.name} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function YearTwoList({ code, countyName }: { code: string; countyName: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const config = useAppConfig();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/uppfoljning-ar-2" });
  const typeName = useDocumentTypeName();
  const list = useQuery({ ...yearTwoQuery(code, search.period), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<MissingDocument | null>(null);
  const mayRecord = can(me, "documents.followUp") && me.county === code;
  const officerView = me.role === "county" && me.county === code;
  const set = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const period = list.data?.period ?? search.period ?? config.currentPeriod;
  const rows = (list.data?.items ?? [])
    .filter((r) => !search.mine || r.responsibleOfficer?.id === me.id)
    .map((r) => ({
      ...r,
      missing: r.missing.filter(
        (m) => (search.show !== "noPlan" || m.agreedDate === null) && (search.show !== "overdue" || m.overdue),
      ),
    }))
    .filter((r) => r.missing.length > 0);
  const shownDocuments = rows.reduce((n, r) => n + r.missing.length, 0);
  const filtered = !!(search.show || search.mine);
  const caption = t("countyDocuments.yearTwo.caption", { county: countyName, ...periodRange(period) });

  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="year-two-filter">
        <Title order={2} size="h4" id="year-two-filter" mb="sm">
          {t("countyDocuments.matrix.filters")}
        </Title>
        <Group align="flex-end" gap="md">
          <PeriodSelect value={search.period} onChange={(p) => set({ period: p })} w={200} />
          <NativeSelect
            label={t("countyDocuments.yearTwo.show")}
            w={280}
            data={[
              { value: "", label: t("countyDocuments.yearTwo.showAll") },
              ...YEAR_TWO_SHOWS.map((s) => ({
                value: s,
                label:
                  s === "noPlan" ? t("countyDocuments.yearTwo.showNoPlan") : t("countyDocuments.yearTwo.showOverdue"),
              })),
            ]}
            value={search.show ?? ""}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set({ show: v === "noPlan" || v === "overdue" ? v : undefined });
            }}
          />
          {officerView && (
            <Checkbox
              label={t("countyDocuments.yearTwo.mine")}
              checked={!!search.mine}
              mb={8}
              onChange={(e) => set({ mine: e.currentTarget.checked ? true : undefined })}
            />
          )}
        </Group>
      </Paper>

      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data.active ? (
        <Alert
          role="note"
          variant="light"
          color="gray"
          icon={<IconInfoCircle aria-hidden />}
          title={t("countyDocuments.yearTwo.notActiveTitle")}
          styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: "var(--mantine-color-text)" } }}
        >
          {t("countyDocuments.yearTwo.notActive", { ...periodRange(list.data.period), date: list.data.from })}
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState>
          {filtered ? t("countyDocuments.yearTwo.emptyFiltered") : t("countyDocuments.yearTwo.empty")}
        </EmptyState>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t("countyDocuments.yearTwo.activeFrom", { date: list.data.from })}</Text>
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("countyDocuments.yearTwo.total", { count: rows.length })} ·{" "}
            {t("countyDocuments.yearTwo.rows", { count: shownDocuments })}
          </Text>
          <TableScroll label={caption} minWidth={mayRecord ? 1000 : 880}>
            <Table withTableBorder aria-busy={list.isFetching}>
              <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("countyDocuments.yearTwo.colMunicipality")}</Table.Th>
                  <Table.Th scope="col">{t("countyDocuments.yearTwo.colOfficer")}</Table.Th>
                  <Table.Th scope="col">{t("countyDocuments.yearTwo.colDocument")}</Table.Th>
                  <Table.Th scope="col">{t("countyDocuments.yearTwo.colReason")}</Table.Th>
                  <Table.Th scope="col">{t("countyDocuments.yearTwo.colAgreed")}</Table.Th>
                  {mayRecord && (
                    <Table.Th scope="col">
                      <span className="visually-hidden-text">{t("countyDocuments.yearTwo.colActions")}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              {rows.map((row, index) => (
                // One body per municipality: its name spans its missing documents, and every other
                // municipality is shaded so that the groups stay apart.
                <Table.Tbody
                  key={row.municipality.code}
                  style={{
                    verticalAlign: "top",
                    background: index % 2 === 1 ? "var(--mantine-color-gray-0)" : undefined,
                  }}
                >
                  {row.missing.map((m, i) => {
                    const name = typeName(m.type, m.typeName);
                    const target: MissingDocument = {
                      municipality: row.municipality,
                      type: m.type,
                      typeName: name,
                      period,
                      reason: m.reason,
                      agreedDate: m.agreedDate,
                    };
                    return (
                      <Table.Tr key={m.type}>
                        {i === 0 && (
                          <Fragment>
                            <Table.Th scope="rowgroup" rowSpan={row.missing.length} fw={500}>
                              <AnchorLink
                                to="/kommun/$code"
                                params={{ code: row.municipality.code }}
                                search={{ period: search.period }}
                              >
                                {row.municipality.name}
                              </AnchorLink>
                            </Table.Th>
                            <Table.Td rowSpan={row.missing.length}>
                              {row.responsibleOfficer?.name ?? (
                                <Text component="span" fs="italic" size="sm">
                                  {t("common.notAssigned")}
                                </Text>
                              )}
                            </Table.Td>
                          </Fragment>
                        )}
                        <Table.Td>{name}</Table.Td>
                        <Table.Td maw={360}>
                          {m.reason ?? (
                            <Text component="span" fs="italic" size="sm">
                              {t("countyDocuments.yearTwo.noReason")}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td className="nowrap">
                          {m.agreedDate ? (
                            <Stack gap={2}>
                              <span>{m.agreedDate}</span>
                              {m.overdue && (
                                <Group gap={4} wrap="nowrap" title={t("countyDocuments.yearTwo.overdueLong")}>
                                  <IconCalendarExclamation size={18} aria-hidden color="var(--mantine-color-red-8)" />
                                  <Text component="span" size="sm" fw={700} aria-hidden>
                                    {t("countyDocuments.yearTwo.overdue")}
                                  </Text>
                                  <span className="visually-hidden-text">
                                    {t("countyDocuments.yearTwo.overdueLong")}
                                  </span>
                                </Group>
                              )}
                            </Stack>
                          ) : (
                            <Text component="span" fs="italic" size="sm">
                              {t("countyDocuments.yearTwo.noDate")}
                            </Text>
                          )}
                        </Table.Td>
                        {mayRecord && (
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="outline"
                              leftSection={<IconPencil size={14} aria-hidden />}
                              aria-label={t(
                                m.reason ? "countyDocuments.yearTwo.changeFor" : "countyDocuments.yearTwo.recordFor",
                                {
                                  type: name,
                                  municipality: row.municipality.name,
                                },
                              )}
                              onClick={() => setEditing(target)}
                            >
                              {m.reason ? t("countyDocuments.yearTwo.change") : t("countyDocuments.yearTwo.record")}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              ))}
            </Table>
          </TableScroll>
        </Stack>
      )}

      {mayRecord && (
        <AppModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={t("countyDocuments.yearTwo.form.title")}
        >
          {editing && (
            <FollowUpForm
              key={`${editing.municipality.code}:${editing.type}`}
              missing={editing}
              onDone={() => setEditing(null)}
              onCancel={() => setEditing(null)}
            />
          )}
        </AppModal>
      )}
    </>
  );
}
