import { Table } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { countiesQuery } from "../../api/queries";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { countyDialoguesQuery } from "./api";
import { newestFirst } from "./model";

/** Dialoger med länen: the agency's overview of the latest dialogue with each county (R1-7). */
export function CountyDialoguesOverviewPage() {
  const { t } = useTranslation();
  return (
    <RequireAccess action="countyDialogues.write">
      <Page title={t("countyDialogues.overview.title")} intro={t("countyDialogues.overview.intro")}>
        <Overview />
      </Page>
    </RequireAccess>
  );
}

function Overview() {
  const { t } = useTranslation();
  const counties = useQuery(countiesQuery);
  const lists = useQueries({ queries: (counties.data?.items ?? []).map((c) => countyDialoguesQuery(c.code)) });
  const caption = t("countyDialogues.overview.caption");
  return (
    <QueryView query={counties}>
      {(data) => (
        <TableScroll label={caption} minWidth={560}>
          <Table withTableBorder striped data-testid="county-dialogues-overview">
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("countyDialogues.overview.colCounty")}</Table.Th>
                <Table.Th scope="col">{t("countyDialogues.overview.colLatest")}</Table.Th>
                <Table.Th scope="col">{t("countyDialogues.overview.colOpen")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((c, i) => {
                const items = lists[i]?.data?.items;
                const latest = items ? newestFirst(items)[0] : undefined;
                const open = items?.flatMap((d) => d.followUps).filter((f) => f.doneAt === null).length;
                return (
                  <Table.Tr key={c.code}>
                    <Table.Th scope="row">
                      <AnchorLink to="/lan/$code/dialoger-mcf" params={{ code: c.code }}>
                        {c.name}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>{items ? (latest?.heldOn ?? t("countyDialogues.overview.none")) : "…"}</Table.Td>
                    <Table.Td>{open ?? "…"}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </QueryView>
  );
}
