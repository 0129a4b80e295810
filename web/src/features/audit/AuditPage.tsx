import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { isValidIsoDate } from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { auditQuery } from "../../api/queries";
import { breakable } from "../../components/breakable";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { ListPagination } from "../../components/ListPagination";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { TableScroll } from "../../components/TableScroll";
import { RequireAccess } from "../../components/RequireAccess";
import { formatDateTime } from "../../lib/datetime";
import { useRoleLabel } from "../auth/useRoleLabel";
import { AUDIT_ACTIONS, actionLabel, changeSummary, entityLabel } from "./auditLabels";
import { DateField } from "../../components/DateField";

const route = getRouteApi("/signed-in/logg");
const PAGE_SIZE = 50;

export function AuditPage() {
  return (
    <RequireAccess action="audit.read">
      <AuditLog />
    </RequireAccess>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/logg" });
  const page = Math.max(1, search.page ?? 1);

  const [action, setAction] = useState(search.action ?? "");
  const [actor, setActor] = useState(search.actor ?? "");
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");

  const events = useQuery({
    ...auditQuery({
      action: search.action,
      actor: search.actor,
      from: search.from,
      to: search.to,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((events.data?.total ?? 0) / PAGE_SIZE));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    void navigate({
      search: {
        action: action || undefined,
        actor: actor.trim() || undefined,
        from: isValidIsoDate(from) ? from : undefined,
        to: isValidIsoDate(to) ? to : undefined,
      },
    });
  };
  const reset = () => {
    setAction("");
    setActor("");
    setFrom("");
    setTo("");
    void navigate({ search: {} });
  };

  return (
    <Page title={t("audit.title")} intro={t("audit.intro")}>
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-labelledby="audit-filter-heading">
        <Title order={2} size="h4" id="audit-filter-heading" mb="sm">
          {t("audit.filters")}
        </Title>
        <Group align="flex-end" gap="md">
          <NativeSelect
            label={t("audit.action")}
            data={[
              { value: "", label: t("audit.allActions") },
              ...AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })),
            ]}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            w={260}
          />
          <TextInput
            label={t("audit.actor")}
            type="search"
            value={actor}
            onChange={(e) => setActor(e.currentTarget.value)}
            w={260}
          />
          <DateField label={t("audit.from")} value={from} onChange={(v) => setFrom(v)} w={170} />
          <DateField label={t("audit.to")} value={to} onChange={(v) => setTo(v)} w={170} />
          <Group gap="xs">
            <Button type="submit">{t("audit.apply")}</Button>
            <Button variant="default" onClick={reset}>
              {t("audit.reset")}
            </Button>
          </Group>
        </Group>
      </Paper>

      {events.isPending ? (
        <LoadingState />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState>{t("audit.empty")}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("audit.total", { count: events.data.total })}
          </Text>
          <TableScroll label={t("audit.caption")} minWidth={960}>
            <Table striped withTableBorder aria-busy={events.isFetching}>
              <Table.Caption className="visually-hidden-text">{t("audit.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("audit.colAt")}</Table.Th>
                  <Table.Th scope="col">{t("audit.colActor")}</Table.Th>
                  <Table.Th scope="col">{t("audit.colRole")}</Table.Th>
                  <Table.Th scope="col">{t("audit.colAction")}</Table.Th>
                  <Table.Th scope="col">{t("audit.colObject")}</Table.Th>
                  <Table.Th scope="col">{t("audit.colChange")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td className="nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: "break-word", maxWidth: 220 }}>
                      {e.actorEmail === "system"
                        ? t("audit.system")
                        : e.actorEmail
                          ? breakable(e.actorEmail)
                          : t("common.none")}
                    </Table.Td>
                    <Table.Td>
                      {e.actorRole && e.actorEmail !== "system" ? roleLabel(e.actorRole) : t("common.none")}
                    </Table.Td>
                    <Table.Td>{actionLabel(t, e.action)}</Table.Td>
                    <Table.Td style={{ overflowWrap: "break-word", maxWidth: 240 }}>
                      {breakable(entityLabel(t, e))}
                    </Table.Td>
                    <Table.Td style={{ minWidth: 220, maxWidth: 420, overflowWrap: "anywhere" }}>
                      <Text size="sm">{changeSummary(t, e, roleLabel)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <ListPagination
            label={t("audit.pagination")}
            total={pages}
            page={page}
            onChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })}
          />
        </Stack>
      )}
    </Page>
  );
}
