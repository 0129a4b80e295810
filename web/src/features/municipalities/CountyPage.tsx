import { Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconAlertTriangle, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { compareSwedish } from "@uppsikt/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { warningSummaryQuery } from "../dialogue/api";
import { countyQuery, municipalitiesQuery, usersQuery } from "../../api/queries";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { errorHeading } from "../../components/errorHeading";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { TableScroll } from "../../components/TableScroll";
import { SortableHeader } from "../../components/SortableHeader";
import { AnchorLink } from "../../components/links";
import { useDebounced } from "../../lib/useDebounced";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import type { MunicipalitySortKey } from "../../routeSearch";
import { can } from "../auth/permissions";
import { CountyNav } from "../../components/CountyNav";
import { ReviewQueue } from "../documents/county/ReviewQueue";
import { useMe } from "../auth/useSession";
import { OfficerSelect } from "./OfficerSelect";

const route = getRouteApi("/signed-in/lan/$code");

/**
 * A county's municipalities with their responsible officers; sorting and filtering are done by the API.
 * It is the county officer's landing page, so their review queue ("Att granska") comes first.
 */
export function CountyPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code" });
  const me = useMe();
  const sort = search.sort ?? "name";
  const order = search.order ?? "asc";

  const [filter, setFilter] = useState(search.q ?? "");
  const debouncedFilter = useDebounced(filter.trim(), 250);
  useEffect(() => {
    if ((search.q ?? "") === debouncedFilter) return;
    void navigate({ search: (prev) => ({ ...prev, q: debouncedFilter || undefined }), replace: true });
  }, [debouncedFilter, search.q, navigate]);

  const county = useQuery(countyQuery(code));
  const municipalities = useQuery({
    ...municipalitiesQuery(code, { q: search.q, sort, order, limit: 500 }),
    placeholderData: keepPreviousData,
  });
  const mayAssign = can(me, "municipalities.assignOfficer") && me.county === code;
  const ownCounty = me.role === "county" && me.county === code;
  const showWarnings = ownCounty && can(me, "warnings.read");
  const warnings = useQuery({ ...warningSummaryQuery(code), enabled: showWarnings });
  const openWarnings = new Map((warnings.data?.items ?? []).map((w) => [w.municipality.code, w.open]));
  const users = useQuery({ ...usersQuery({ role: "county", county: code, limit: 500 }), enabled: mayAssign });
  const officers = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter((u) => u.active && u.role === "county")
        .sort((a, b) => compareSwedish(a.name, b.name)),
    [users.data],
  );

  useDocumentTitle(county.data?.name ?? (county.isError ? errorHeading(t, county.error) : null));
  // Heading and table appear together, so that the page is whole when its h1 is.
  if (county.isPending || (municipalities.isPending && !county.isError)) return <LoadingState />;
  if (county.isError)
    return (
      <Page title={errorHeading(t, county.error)}>
        <ErrorState error={county.error} onRetry={() => void county.refetch()} />
      </Page>
    );

  const onSort = (column: MunicipalitySortKey, next: "asc" | "desc") =>
    void navigate({ search: (prev) => ({ ...prev, sort: column, order: next }), replace: true });
  const showQueue = ownCounty && can(me, "documents.reviewQueue");

  return (
    <Page title={county.data.name} intro={t("county.intro", { board: county.data.board })}>
      <CountyNav code={code} countyName={county.data.name} />
      {showQueue && (
        <ReviewQueue
          wholeCounty={search.queue === "county"}
          onWholeCountyChange={(whole) =>
            void navigate({ search: (prev) => ({ ...prev, queue: whole ? "county" : undefined }), replace: true })
          }
        />
      )}
      {showQueue && (
        <Title order={2} size="h3">
          {t("countyDocuments.countyNav.municipalities")}
        </Title>
      )}
      <Group align="flex-end" justify="space-between" gap="md">
        <TextInput
          label={t("county.filterLabel")}
          description={t("county.filterHelp")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={320}
          type="search"
          autoComplete="off"
        />
        {municipalities.data && (
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("county.total", { count: municipalities.data.total })}
          </Text>
        )}
      </Group>
      {warnings.isError && <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />}
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {municipalities.isPending ? (
        <LoadingState />
      ) : municipalities.isError ? (
        <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />
      ) : municipalities.data.items.length === 0 ? (
        <EmptyState>{search.q ? t("county.empty") : t("county.emptyNoFilter")}</EmptyState>
      ) : (
        <Stack gap="xs">
          <TableScroll label={t("county.caption", { county: county.data.name })} minWidth={340}>
            <Table striped withTableBorder aria-busy={municipalities.isFetching}>
              <Table.Caption className="visually-hidden-text">
                {t("county.caption", { county: county.data.name })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableHeader column="code" label={t("county.colCode")} sort={sort} order={order} onSort={onSort} />
                  <SortableHeader column="name" label={t("county.colName")} sort={sort} order={order} onSort={onSort} />
                  <SortableHeader
                    column="responsibleOfficer"
                    label={t("county.colOfficer")}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                  />
                  {showWarnings && <Table.Th scope="col">{t("warnings.column")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {municipalities.data.items.map((m) => (
                  <Table.Tr key={m.code}>
                    <Table.Td className="nowrap">{m.code}</Table.Td>
                    <Table.Td>
                      <AnchorLink to="/kommun/$code" params={{ code: m.code }}>
                        {m.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      {mayAssign && users.data ? (
                        <OfficerSelect municipality={m} officers={officers} />
                      ) : (
                        (m.responsibleOfficer?.name ?? (
                          <Text component="span" fs="italic">
                            {t("common.notAssigned")}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    {showWarnings && (
                      <Table.Td className="nowrap">
                        <WarningCount count={openWarnings.get(m.code) ?? 0} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>
      )}
    </Page>
  );
}

/** Open early warnings of one municipality: icon, number and words, never colour alone. */
function WarningCount({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0)
    return (
      <Text component="span" size="sm">
        <span aria-hidden>0</span>
        <span className="visually-hidden-text">{t("warnings.count", { count })}</span>
      </Text>
    );
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <IconAlertTriangle size={18} aria-hidden color="var(--mantine-color-red-8)" />
      <Text component="span" fw={600}>
        <span aria-hidden>{count}</span>
        <span className="visually-hidden-text">{t("warnings.count", { count })}</span>
      </Text>
    </Group>
  );
}
