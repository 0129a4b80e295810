import { Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { OutboxMessage } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { outboxMessageUrl, outboxQuery } from "../watch/api";
import { breakable } from "../../components/breakable";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { ListPagination } from "../../components/ListPagination";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { formatDateTime } from "../../lib/datetime";
import { DownloadLink } from "../documents/DownloadLink";

const PAGE_SIZE = 50;

/** Mail written to DATA_DIR/outbox when no SMTP server is configured (admin). */
export function OutboxPage() {
  return (
    <RequireAccess action="outbox.read">
      <Outbox />
    </RequireAccess>
  );
}

/** Always in kB with one decimal, in the interface language: 2345 → "2,3 kB". */
function useKilobytes() {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (bytes: number) => t("watchAdmin.outbox.size", { size: format.format(Math.max(bytes, 100) / 1000) });
}

function Outbox() {
  const { t } = useTranslation();
  // The route has no search parameters, so the page lives here (the list is short-lived and newest first).
  const [page, setPage] = useState(1);
  const messages = useQuery({
    ...outboxQuery({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((messages.data?.total ?? 0) / PAGE_SIZE));

  const intro = (
    <Stack gap="xs" maw={760}>
      <Text>{t("watchAdmin.outbox.intro")}</Text>
      <Text>{t("watchAdmin.outbox.introDownload")}</Text>
    </Stack>
  );

  return (
    <Page title={t("watchAdmin.outbox.title")} intro={intro}>
      {messages.isPending ? (
        <LoadingState />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.data.items.length === 0 ? (
        <EmptyState>{t("watchAdmin.outbox.empty")}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("watchAdmin.outbox.total", { count: messages.data.total })}
          </Text>
          <OutboxTable items={messages.data.items} busy={messages.isFetching} />
          <ListPagination
            label={t("watchAdmin.outbox.pagination")}
            total={pages}
            page={page}
            onChange={(p) => {
              setPage(p);
              window.scrollTo({ top: 0 });
            }}
          />
        </Stack>
      )}
    </Page>
  );
}

function OutboxTable({ items, busy }: { items: OutboxMessage[]; busy: boolean }) {
  const { t } = useTranslation();
  const kilobytes = useKilobytes();
  return (
    <TableScroll label={t("watchAdmin.outbox.caption")} minWidth={860}>
      <Table striped withTableBorder aria-busy={busy}>
        <Table.Caption className="visually-hidden-text">{t("watchAdmin.outbox.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("watchAdmin.outbox.colDate")}</Table.Th>
            <Table.Th scope="col">{t("watchAdmin.outbox.colTo")}</Table.Th>
            <Table.Th scope="col">{t("watchAdmin.outbox.colSubject")}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("watchAdmin.outbox.colSize")}
            </Table.Th>
            <Table.Th scope="col">{t("watchAdmin.outbox.colFile")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => {
            const subject = m.subject || t("watchAdmin.outbox.noSubject");
            const to = m.to || t("watchAdmin.outbox.noRecipient");
            return (
              <Table.Tr key={m.id}>
                <Table.Td className="nowrap">
                  {m.date ? <time dateTime={m.date}>{formatDateTime(m.date)}</time> : t("watchAdmin.outbox.noDate")}
                </Table.Td>
                <Table.Td style={{ overflowWrap: "break-word", maxWidth: 260 }}>{breakable(to)}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere", minWidth: 220 }}>{subject}</Table.Td>
                <Table.Td className="nowrap" style={{ textAlign: "right" }}>
                  {kilobytes(m.sizeBytes)}
                </Table.Td>
                <Table.Td className="nowrap">
                  <DownloadLink
                    href={outboxMessageUrl(m.id)}
                    fileName={m.name}
                    label={t("watchAdmin.outbox.downloadLabel", { subject, to })}
                  >
                    {t("watchAdmin.outbox.download")}
                  </DownloadLink>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
