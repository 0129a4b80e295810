import { Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconFilePencil, IconMinus } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { awaitingFeedbackQuery } from "./api";
import { useAppConfig } from "../../../api/useAppConfig";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { LoadingState } from "../../../components/LoadingState";
import { RequireAccess } from "../../../components/RequireAccess";
import { TableScroll } from "../../../components/TableScroll";
import { AnchorLink } from "../../../components/links";
import { useMe } from "../../auth/useSession";
import { CountyFrame } from "../../../components/CountyFrame";
import { PeriodSelect } from "../../../components/PeriodSelect";
import { useDocumentTypeName } from "./labels";

const route = getRouteApi("/signed-in/lan/$code/aterkoppling");

/** Väntar på återkoppling: documents that have waited long for written feedback, longest first (R2.3-3). */
export function AwaitingFeedbackPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="feedback.awaiting">
      <CountyFrame
        code={code}
        title={t("countyDocuments.awaiting.title")}
        intro={(county) => t("countyDocuments.awaiting.intro", { county: county.name })}
      >
        {(county) => <AwaitingList code={code} countyName={county.name} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function AwaitingList({ code, countyName }: { code: string; countyName: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const config = useAppConfig();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/aterkoppling" });
  const typeName = useDocumentTypeName();
  const list = useQuery({
    ...awaitingFeedbackQuery(code, { days: search.days, period: search.period }),
    placeholderData: keepPreviousData,
  });
  const officerView = me.role === "county" && me.county === code;

  // The number of days is typed, so it is applied with a button rather than on every key.
  const [days, setDays] = useState(search.days !== undefined ? String(search.days) : "");
  const [daysError, setDaysError] = useState<string | null>(null);
  useEffect(() => setDays(search.days !== undefined ? String(search.days) : ""), [search.days]);
  const applyDays = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = days.trim();
    const n = Number(trimmed);
    if (trimmed !== "" && (!Number.isInteger(n) || n < 0 || n > 3650)) {
      setDaysError(t("countyDocuments.awaiting.daysInvalid"));
      return;
    }
    setDaysError(null);
    void navigate({ search: (prev) => ({ ...prev, days: trimmed === "" ? undefined : n }), replace: true });
  };

  const items = (list.data?.items ?? []).filter((i) => !search.mine || i.responsibleOfficer?.id === me.id);
  const caption = t("countyDocuments.awaiting.caption", { county: countyName });

  return (
    <>
      <Paper withBorder p="md" component="form" onSubmit={applyDays} noValidate aria-labelledby="awaiting-filter">
        <Title order={2} size="h4" id="awaiting-filter" mb="sm">
          {t("countyDocuments.matrix.filters")}
        </Title>
        <Group align="flex-end" gap="md">
          <PeriodSelect
            value={search.period}
            onChange={(period) => void navigate({ search: (prev) => ({ ...prev, period }), replace: true })}
            w={200}
          />
          <TextInput
            label={t("countyDocuments.awaiting.days")}
            description={t("countyDocuments.awaiting.daysHelp", { days: list.data?.days ?? "" })}
            inputMode="numeric"
            autoComplete="off"
            w={300}
            value={days}
            error={daysError}
            onChange={(e) => setDays(e.currentTarget.value)}
          />
          <Button type="submit" variant="outline">
            {t("countyDocuments.awaiting.apply")}
          </Button>
          {officerView && (
            <Checkbox
              label={t("countyDocuments.awaiting.mine")}
              checked={!!search.mine}
              mb={8}
              onChange={(e) => {
                const mine = e.currentTarget.checked ? true : undefined;
                void navigate({ search: (prev) => ({ ...prev, mine }), replace: true });
              }}
            />
          )}
        </Group>
      </Paper>

      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="sm">
          <div>
            <Text fw={600} size="sm">
              {t("countyDocuments.awaiting.ruleHeading")}
            </Text>
            <Text size="sm" maw={760}>
              {list.data.rule}
            </Text>
          </div>
          {items.length === 0 ? (
            <EmptyState>{t("countyDocuments.awaiting.empty", { days: list.data.days })}</EmptyState>
          ) : (
            <>
              <Text fw={600} aria-live="polite" aria-atomic>
                {t("countyDocuments.awaiting.total", { count: items.length })}
              </Text>
              <TableScroll label={caption} minWidth={900}>
                <Table striped withTableBorder aria-busy={list.isFetching}>
                  <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" style={{ textAlign: "right" }}>
                        {t("countyDocuments.awaiting.colDays")}
                      </Table.Th>
                      <Table.Th scope="col">{t("countyDocuments.awaiting.colMunicipality")}</Table.Th>
                      <Table.Th scope="col">{t("countyDocuments.awaiting.colDocument")}</Table.Th>
                      <Table.Th scope="col">{t("countyDocuments.awaiting.colReceived")}</Table.Th>
                      <Table.Th scope="col">{t("countyDocuments.awaiting.colOfficer")}</Table.Th>
                      <Table.Th scope="col">{t("countyDocuments.awaiting.colDraft")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.versionId}>
                        <Table.Td className="nowrap" style={{ textAlign: "right" }} fw={600}>
                          {t("countyDocuments.awaiting.daysValue", { count: item.daysWaited })}
                        </Table.Td>
                        <Table.Td>
                          <AnchorLink
                            to="/kommun/$code"
                            params={{ code: item.municipality.code }}
                            search={{ period: item.period === config.currentPeriod ? undefined : item.period }}
                          >
                            {item.municipality.name}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          {typeName(item.type, item.typeName)}
                          <Text size="sm" c="dimmed">
                            {t("countyDocuments.version", { version: item.versionNo })}
                          </Text>
                        </Table.Td>
                        <Table.Td className="nowrap">{item.receivedOn}</Table.Td>
                        <Table.Td>
                          {item.responsibleOfficer?.name ?? (
                            <Text component="span" fs="italic" size="sm">
                              {t("common.notAssigned")}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {item.hasDraft ? (
                              <IconFilePencil size={18} aria-hidden color="var(--mantine-color-uppsikt-7)" />
                            ) : (
                              <IconMinus size={18} aria-hidden color="var(--mantine-color-gray-7)" />
                            )}
                            <Text component="span" size="sm">
                              {item.hasDraft
                                ? t("countyDocuments.awaiting.draftYes")
                                : t("countyDocuments.awaiting.draftNo")}
                            </Text>
                          </Group>
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
    </>
  );
}
