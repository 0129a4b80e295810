import { Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { compareSwedish } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { countiesQuery } from "../../api/queries";
import { Page } from "../../components/Page";
import { PeriodSelect } from "../../components/PeriodSelect";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { nationalCoverageQuery } from "./api";
import { Coverage } from "./Coverage";

const route = getRouteApi("/signed-in/besokstackning");

/** Besökstäckning: the agency's coverage of formal follow-up visits per county and for the nation (R2.7-1). */
export function NationalCoveragePage() {
  const { t } = useTranslation();
  return (
    <RequireAccess action="visits.nationalCoverage">
      <Page title={t("visits.national.title")} intro={t("visits.national.intro")}>
        <NationalCoverage />
      </Page>
    </RequireAccess>
  );
}

function NationalCoverage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/besokstackning" });
  const coverage = useQuery(nationalCoverageQuery(search.period));
  const counties = useQuery(countiesQuery);
  const nameOf = (code: string) => counties.data?.items.find((c) => c.code === code)?.name ?? code;
  const caption = t("visits.national.caption");
  return (
    <>
      <Group align="flex-end">
        <PeriodSelect
          value={search.period}
          onChange={(period) => void navigate({ search: (prev) => ({ ...prev, period }), replace: true })}
        />
      </Group>
      <QueryView query={coverage}>
        {(data) => (
          <Stack gap="md">
            <Coverage coverage={data.nation} title={t("visits.national.nation")} />
            <TableScroll label={caption} minWidth={800}>
              <Table withTableBorder striped>
                <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("visits.national.colCounty")}</Table.Th>
                    <Table.Th scope="col">{t("visits.national.colPublished")}</Table.Th>
                    <Table.Th scope="col">{t("visits.coverage.none")}</Table.Th>
                    <Table.Th scope="col">{t("visits.coverage.one")}</Table.Th>
                    <Table.Th scope="col">{t("visits.coverage.twoOrMore")}</Table.Th>
                    <Table.Th scope="col">{t("visits.coverage.held")}</Table.Th>
                    <Table.Th scope="col">{t("visits.coverage.planned")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.counties]
                    .sort((a, b) => compareSwedish(nameOf(a.county), nameOf(b.county)))
                    .map((c) => (
                      <Table.Tr key={c.county}>
                        <Table.Th scope="row">
                          <AnchorLink
                            to="/lan/$code/besoksplan"
                            params={{ code: c.county }}
                            search={{ period: search.period }}
                          >
                            {nameOf(c.county)}
                          </AnchorLink>
                        </Table.Th>
                        <Table.Td>
                          <Text size="sm">
                            {c.published ? t("visits.national.published") : t("visits.national.notPublished")}
                          </Text>
                        </Table.Td>
                        <Table.Td>{c.coverage.none}</Table.Td>
                        <Table.Td>{c.coverage.one}</Table.Td>
                        <Table.Td>{c.coverage.twoOrMore}</Table.Td>
                        <Table.Td>{c.coverage.held}</Table.Td>
                        <Table.Td>{c.coverage.planned}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Stack>
        )}
      </QueryView>
    </>
  );
}
