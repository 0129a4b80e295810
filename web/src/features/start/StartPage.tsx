import { Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { countiesQuery } from "../../api/queries";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { TableScroll } from "../../components/TableScroll";
import { QueryView } from "../../components/QueryView";
import { AnchorLink } from "../../components/links";

/** The agency's start page: Sweden's 21 counties, each linking to its municipalities. */
export function StartPage() {
  const { t } = useTranslation();
  const counties = useQuery(countiesQuery);
  return (
    <Page title={t("start.countiesTitle")} intro={t("start.countiesIntro")}>
      <QueryView query={counties}>
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState>{t("start.empty")}</EmptyState>
          ) : (
            <>
              <Text fw={600} aria-live="polite">
                {t("start.total", { count: total })}
              </Text>
              <TableScroll label={t("start.caption")} minWidth={520}>
                <Table striped withTableBorder>
                  <Table.Caption className="visually-hidden-text">{t("start.caption")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("start.colCode")}</Table.Th>
                      <Table.Th scope="col">{t("start.colName")}</Table.Th>
                      <Table.Th scope="col">{t("start.colBoard")}</Table.Th>
                      <Table.Th scope="col" style={{ textAlign: "right" }}>
                        {t("start.colCount")}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((county) => (
                      <Table.Tr key={county.code}>
                        <Table.Td>{county.code}</Table.Td>
                        <Table.Td>
                          <AnchorLink to="/lan/$code" params={{ code: county.code }}>
                            {county.name}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{county.board}</Table.Td>
                        <Table.Td style={{ textAlign: "right" }}>{county.municipalityCount}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </>
          )
        }
      </QueryView>
    </Page>
  );
}
