import { List, Stack, Table, Text, Title } from "@mantine/core";
import type { SupportNeeds } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";

const number = (n: number) => n.toLocaleString("sv-SE");

/** The ranked municipalities (R2.4-3, R2.2-6): score, and every reason with its rule in words and its detail. */
export function SupportNeedsList({ data }: { data: SupportNeeds }) {
  const { t } = useTranslation();
  const caption = t("supportNeeds.caption");
  return (
    <Stack gap="xs" component="section" aria-labelledby="support-needs-heading">
      <Title order={2} size="h3" id="support-needs-heading">
        {t("supportNeeds.listTitle", { year: data.year })}
      </Title>
      <Text size="sm">
        {data.weightsSource
          ? t("supportNeeds.weightsSource", { source: data.weightsSource })
          : t("supportNeeds.weightsUnknown")}
      </Text>
      {data.items.length === 0 ? (
        <EmptyState>{t("supportNeeds.empty")}</EmptyState>
      ) : (
        <TableScroll label={caption} minWidth={760}>
          <Table withTableBorder striped data-testid="support-needs" verticalSpacing="sm">
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("supportNeeds.colRank")}</Table.Th>
                <Table.Th scope="col">{t("supportNeeds.colMunicipality")}</Table.Th>
                <Table.Th scope="col">{t("supportNeeds.colScore")}</Table.Th>
                <Table.Th scope="col">{t("supportNeeds.colReasons")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ verticalAlign: "top" }}>
              {data.items.map((item, index) => (
                <Table.Tr key={item.municipality.code} data-testid={`support-need-${item.municipality.code}`}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Th scope="row">
                    <AnchorLink to="/kommun/$code" params={{ code: item.municipality.code }}>
                      {item.municipality.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td fw={600}>{number(item.score)}</Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={4}>
                      {item.reasons.map((r, i) => (
                        <List.Item key={`${r.rule}-${i}`}>
                          <Text size="sm" fw={600} span>
                            {t(`supportNeeds.rule.${r.rule}`)}
                          </Text>{" "}
                          <Text size="sm" span>
                            ({t("supportNeeds.weight", { weight: number(r.weight) })})
                          </Text>
                          {r.detail && (
                            <Text size="sm" display="block">
                              {r.detail}
                            </Text>
                          )}
                        </List.Item>
                      ))}
                    </List>
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
