import { Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { compareSwedish, formatAmount, type SavingsNotice } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { CountyFrame } from "../../components/CountyFrame";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { countyNoticesQuery, countyStatementsQuery } from "./api";
import { sortStatements } from "./model";
import { StatementTable } from "./StatementTable";

const route = getRouteApi("/signed-in/lan/$code/yttranden");

/** The county's statements to the agency (R3.1-1) and its municipalities' open notices of savings (R3.3-3). */
export function CountyStatementsPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="statements.read">
      <CountyFrame code={code} title={t("statements.county.title")} intro={() => t("statements.county.intro")}>
        {() => <CountyStatements code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function CountyStatements({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useQuery(countyStatementsQuery(code));
  return (
    <Stack gap="xl">
      <Stack gap="xs" component="section" aria-labelledby="county-statements-heading">
        <Title order={2} size="h3" id="county-statements-heading">
          {t("statements.county.caption")}
        </Title>
        <QueryView query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>{t("statements.county.empty")}</EmptyState>
            ) : (
              <StatementTable
                items={sortStatements(data.items)}
                caption={t("statements.county.caption")}
                withMunicipality
                mayOpenCase={can(me, "reductionCases.read")}
              />
            )
          }
        </QueryView>
      </Stack>
      {can(me, "savingsNotices.read") && <OpenNotices county={code} />}
    </Stack>
  );
}

/** The notices no statement has been raised from, over the county's municipalities. */
function OpenNotices({ county }: { county: string }) {
  const { t } = useTranslation();
  const notices = useQuery(countyNoticesQuery(county));
  const caption = t("statements.notices.openCaption");
  const open: SavingsNotice[] = (notices.data?.items ?? [])
    .filter((n) => n.statement === null)
    .sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name) || b.createdOn.localeCompare(a.createdOn));
  return (
    <Stack gap="xs" component="section" aria-labelledby="open-notices-heading">
      <Title order={2} size="h3" id="open-notices-heading">
        {t("statements.notices.openHeading")}
      </Title>
      <Text size="sm">{t("statements.notices.intro")}</Text>
      {notices.isError ? (
        <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />
      ) : notices.isPending ? (
        <LoadingState />
      ) : open.length === 0 ? (
        <EmptyState>{t("statements.notices.openEmpty")}</EmptyState>
      ) : (
        <TableScroll label={caption} minWidth={760}>
          <Table withTableBorder striped>
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("statements.notices.colMunicipality")}</Table.Th>
                <Table.Th scope="col">{t("statements.notices.colDate")}</Table.Th>
                <Table.Th scope="col">{t("statements.notices.colText")}</Table.Th>
                <Table.Th scope="col">{t("statements.notices.colAmount")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Th scope="row" fw={400}>
                    <AnchorLink
                      to="/kommun/$code"
                      params={{ code: n.municipality.code }}
                      search={{ flik: "yttranden" }}
                    >
                      {n.municipality.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>
                    <time dateTime={n.createdOn}>{n.createdOn}</time>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{n.text}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {n.amount === null ? t("common.none") : formatAmount(n.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
