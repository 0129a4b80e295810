import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconFileSpreadsheet, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { DOCUMENT_TYPE_IDS, DocumentFlag, DocumentStatus, compareSwedish, type DocumentTypeId } from "@uppsikt/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { documentMatrixQuery, documentMatrixXlsxUrl, type MatrixParams } from "./api";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { LoadingState } from "../../../components/LoadingState";
import { RequireAccess } from "../../../components/RequireAccess";
import { SortableHeader } from "../../../components/SortableHeader";
import { TableScroll } from "../../../components/TableScroll";
import { AnchorLink } from "../../../components/links";
import { useAppConfig } from "../../../api/useAppConfig";
import { useDebounced } from "../../../lib/useDebounced";
import type { MatrixSortKey } from "../../../routeSearch";
import { CountyFrame } from "../../../components/CountyFrame";
import { PeriodSelect } from "../../../components/PeriodSelect";
import { StatusLegend, StatusMark, useStatusText } from "../../../components/StatusMark";
import { periodRange, useDocumentTypeName } from "./labels";

const route = getRouteApi("/signed-in/lan/$code/dokument");

/** Dokumentöversikt: the county's municipalities × the five required documents (R2.2-6). */
export function DocumentMatrixPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="documents.matrix">
      <CountyFrame
        code={code}
        title={t("countyDocuments.matrix.title")}
        intro={(county) => <MatrixIntro county={county.name} />}
        actions={() => <ExportLink code={code} />}
      >
        {(county) => <Matrix code={code} countyName={county.name} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function useMatrixParams(): MatrixParams {
  const search = route.useSearch();
  return { period: search.period, status: search.status, flag: search.flag, type: search.type, q: search.q };
}

function MatrixIntro({ county }: { county: string }) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const { period } = useMatrixParams();
  return (
    <Text maw={760}>
      {t("countyDocuments.matrix.intro", { county, ...periodRange(period ?? config.currentPeriod) })}
    </Text>
  );
}

function ExportLink({ code }: { code: string }) {
  const { t } = useTranslation();
  const params = useMatrixParams();
  return (
    <Stack gap={2} align="flex-end">
      <Button
        component="a"
        href={documentMatrixXlsxUrl(code, params)}
        download
        variant="outline"
        leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        aria-describedby="matrix-export-note"
      >
        {t("countyDocuments.matrix.export")}
      </Button>
      <Text size="xs" id="matrix-export-note">
        {t("countyDocuments.matrix.exportNote")}
      </Text>
    </Stack>
  );
}

function Matrix({ code, countyName }: { code: string; countyName: string }) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/dokument" });
  const typeName = useDocumentTypeName();
  const statusText = useStatusText();
  const params = useMatrixParams();
  const sort = search.sort ?? "name";
  const order = search.order ?? "asc";
  const period = search.period ?? config.currentPeriod;

  const [text, setText] = useState(search.q ?? "");
  const debounced = useDebounced(text.trim(), 250);
  useEffect(() => {
    if ((search.q ?? "") === debounced) return;
    void navigate({ search: (prev) => ({ ...prev, q: debounced || undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const matrix = useQuery({ ...documentMatrixQuery(code, params), placeholderData: keepPreviousData });

  const rows = useMemo(() => {
    const list = [...(matrix.data?.rows ?? [])];
    const dir = order === "asc" ? 1 : -1;
    const byName = (a: (typeof list)[number], b: (typeof list)[number]) =>
      compareSwedish(a.municipality.name, b.municipality.name);
    list.sort((a, b) => {
      if (sort === "flagged") return dir * (a.flagged - b.flagged) || byName(a, b);
      if (sort === "responsibleOfficer") {
        // Municipalities without an officer last, whichever the direction.
        const x = a.responsibleOfficer?.name;
        const y = b.responsibleOfficer?.name;
        if (!x || !y) return (x ? -1 : 0) + (y ? 1 : 0) || byName(a, b);
        return dir * compareSwedish(x, y) || byName(a, b);
      }
      return dir * byName(a, b);
    });
    return list;
  }, [matrix.data, sort, order]);

  const set = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const onSort = (column: MatrixSortKey, next: "asc" | "desc") => set({ sort: column, order: next });
  const filtered = !!(search.status || search.flag || search.type || search.q);
  const types = matrix.data?.types ?? [];
  const flaggedCount = rows.filter((r) => r.flagged > 0).length;
  const range = periodRange(matrix.data?.period ?? period);
  const caption = t("countyDocuments.matrix.caption", { county: countyName, ...range });

  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="matrix-filter-heading">
        <Title order={2} size="h4" id="matrix-filter-heading" mb="sm">
          {t("countyDocuments.matrix.filters")}
        </Title>
        <Group align="flex-start" gap="md">
          <PeriodSelect value={search.period} onChange={(p) => set({ period: p })} w={210} />
          <NativeSelect
            label={t("countyDocuments.matrix.status")}
            w={200}
            data={[
              { value: "", label: t("countyDocuments.matrix.allStatuses") },
              ...DocumentStatus.options.map((s) => ({ value: s, label: t(`documents.status.${s}`) })),
            ]}
            value={search.status ?? ""}
            onChange={(e) => set({ status: (e.currentTarget.value || undefined) as DocumentStatus | undefined })}
          />
          <NativeSelect
            label={t("countyDocuments.matrix.flag")}
            w={180}
            data={[
              { value: "", label: t("countyDocuments.matrix.allFlags") },
              ...DocumentFlag.options.map((f) => ({ value: f, label: t(`countyDocuments.flagOption.${f}`) })),
            ]}
            value={search.flag ?? ""}
            onChange={(e) => set({ flag: (e.currentTarget.value || undefined) as DocumentFlag | undefined })}
          />
          <NativeSelect
            label={t("countyDocuments.matrix.type")}
            description={t("countyDocuments.matrix.typeHelp")}
            w={250}
            data={[
              { value: "", label: t("countyDocuments.matrix.allTypes") },
              ...DOCUMENT_TYPE_IDS.map((id) => ({ value: id, label: typeName(id) })),
            ]}
            value={search.type ?? ""}
            onChange={(e) => set({ type: (e.currentTarget.value || undefined) as DocumentTypeId | undefined })}
          />
          <TextInput
            label={t("countyDocuments.matrix.text")}
            description={t("countyDocuments.matrix.textHelp")}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            autoComplete="off"
            w={240}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </Group>
        {filtered && (
          <Button
            variant="subtle"
            mt="sm"
            px={0}
            onClick={() => {
              setText("");
              set({ status: undefined, flag: undefined, type: undefined, q: undefined });
            }}
          >
            {t("countyDocuments.matrix.reset")}
          </Button>
        )}
      </Paper>

      {matrix.isPending ? (
        <LoadingState />
      ) : matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>
          {filtered ? t("countyDocuments.matrix.empty") : t("countyDocuments.matrix.emptyNoFilter")}
        </EmptyState>
      ) : (
        <Stack gap="xs">
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("countyDocuments.matrix.total", { count: rows.length })},{" "}
            {t("countyDocuments.matrix.flaggedTotal", { count: flaggedCount })}
          </Text>
          <TableScroll label={caption} minWidth={1000}>
            <Table striped withTableBorder aria-busy={matrix.isFetching}>
              <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr style={{ verticalAlign: "bottom" }}>
                  <SortableHeader
                    column="name"
                    label={t("countyDocuments.matrix.colMunicipality")}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                  />
                  <SortableHeader
                    column="flagged"
                    label={t("countyDocuments.matrix.colFlagged")}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                  />
                  {types.map((type) => (
                    <Table.Th key={type.id} scope="col">
                      <span aria-hidden title={typeName(type.id)}>
                        {t(`countyDocuments.typeShort.${type.id}`)}
                      </span>
                      <span className="visually-hidden-text">{typeName(type.id)}</span>
                      {"deadlineDate" in type && (
                        <Text size="xs" fw={400} className="nowrap">
                          {t("countyDocuments.matrix.deadline", { date: type.deadlineDate })}
                        </Text>
                      )}
                    </Table.Th>
                  ))}
                  <SortableHeader
                    column="responsibleOfficer"
                    label={t("countyDocuments.matrix.colOfficer")}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                  />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ verticalAlign: "top" }}>
                {rows.map((row) => (
                  <Table.Tr key={row.municipality.code}>
                    <Table.Th scope="row" fw={500}>
                      <AnchorLink
                        to="/kommun/$code"
                        params={{ code: row.municipality.code }}
                        search={{ period: search.period }}
                      >
                        {row.municipality.name}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td fw={row.flagged > 0 ? 700 : 400} style={{ textAlign: "center" }}>
                      {row.flagged}
                    </Table.Td>
                    {types.map((type) => {
                      const cell = row.cells.find((c) => c.type === type.id);
                      if (!cell) return <Table.Td key={type.id}>{t("common.none")}</Table.Td>;
                      return (
                        <Table.Td key={type.id}>
                          <StatusMark
                            status={cell.status}
                            flags={cell.flags}
                            fullText={t("countyDocuments.matrix.cellLabel", {
                              type: typeName(type.id),
                              text: statusText(cell.status, cell.flags),
                              deadline: cell.deadline,
                            })}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td>
                      {row.responsibleOfficer?.name ?? (
                        <Text component="span" fs="italic" size="sm">
                          {t("common.notAssigned")}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>
      )}
      <StatusLegend />
    </>
  );
}
