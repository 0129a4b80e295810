import { Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { compareSwedish } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { nationalEconomyQuery } from "./api";
import { amountText, shareText } from "./model";
import { RuleText } from "./RuleText";
import { YearSelect, useEconomyYear } from "./YearSelect";

const route = getRouteApi("/signed-in/ekonomi");

/** Ekonomi i landet: the agency's economy per county and for the nation (R2.6-1). */
export function NationalEconomyPage() {
  const { t } = useTranslation();
  return (
    <RequireAccess action="economy.national">
      <Page title={t("economy.national.title")} intro={t("economy.national.intro")}>
        <NationalEconomyView />
      </Page>
    </RequireAccess>
  );
}

function NationalEconomyView() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/ekonomi" });
  const year = useEconomyYear(search.ar);
  const economy = useQuery(nationalEconomyQuery(year));
  const secret = t("economy.secret");
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <YearSelect
          value={year}
          onChange={(ar) => void navigate({ search: (prev) => ({ ...prev, ar }), replace: true })}
        />
      </Group>
      <QueryView query={economy}>
        {(data) => {
          const caption = t("economy.national.caption", { year: data.year });
          const cells = (row: (typeof data)["nation"]) => (
            <>
              <Table.Td>{row.municipalities}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{amountText(row.announced, secret)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{amountText(row.received, secret)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{amountText(row.usedCosts, secret)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{amountText(row.flaggedCosts, secret)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{amountText(row.closing, secret)}</Table.Td>
              <Table.Td>
                {/* A share is unknown when the amounts are confidential (null), not when nothing was announced. */}
                {row.share === null && row.closing === null ? secret : shareText(row.share, i18n.language)}
              </Table.Td>
              <Table.Td>{row.largeSavings}</Table.Td>
              <Table.Td>{row.reviewsShort}</Table.Td>
            </>
          );
          return (
            <Stack gap="md">
              <RuleText rule={data.rules.largeSavingsShare} />
              {data.items.length === 0 ? (
                <EmptyState>{t("economy.national.empty")}</EmptyState>
              ) : (
                <TableScroll label={caption} minWidth={1100}>
                  <Table withTableBorder striped data-testid="national-economy">
                    <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>
                      {caption}
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("economy.national.colCounty")}</Table.Th>
                        <Table.Th scope="col">{t("economy.national.colMunicipalities")}</Table.Th>
                        <Table.Th scope="col">{t("economy.county.colAnnounced")}</Table.Th>
                        <Table.Th scope="col">{t("economy.county.colReceived")}</Table.Th>
                        <Table.Th scope="col">{t("economy.county.colUsed")}</Table.Th>
                        <Table.Th scope="col">{t("economy.county.colFlagged")}</Table.Th>
                        <Table.Th scope="col">{t("economy.county.colClosing")}</Table.Th>
                        <Table.Th scope="col">{t("economy.county.colShare")}</Table.Th>
                        <Table.Th scope="col">{t("economy.national.colLarge")}</Table.Th>
                        <Table.Th scope="col">{t("economy.national.colShort")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {[...data.items]
                        .sort((a, b) => compareSwedish(a.county.name, b.county.name))
                        .map((row) => (
                          <Table.Tr key={row.county.code}>
                            <Table.Th scope="row">
                              <AnchorLink
                                to="/lan/$code/ekonomi"
                                params={{ code: row.county.code }}
                                search={{ ar: search.ar }}
                              >
                                {row.county.name}
                              </AnchorLink>
                            </Table.Th>
                            {cells(row)}
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                    <Table.Tfoot>
                      <Table.Tr data-testid="national-total">
                        <Table.Th scope="row">
                          <Text fw={700}>{t("economy.national.nation")}</Text>
                        </Table.Th>
                        {cells(data.nation)}
                      </Table.Tr>
                    </Table.Tfoot>
                  </Table>
                </TableScroll>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}
