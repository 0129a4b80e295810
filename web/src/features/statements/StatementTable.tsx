import { Table, Text } from "@mantine/core";
import { type StatementListItem, stockholmDate } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { StatementStatusBadge } from "./Badges";

/**
 * Statements as a table in a horizontal scroll container: with the municipality column on the county's page,
 * without it on the municipality's tab. Each row links to the statement and, once sent, to the agency's case.
 */
export function StatementTable({
  items,
  caption,
  withMunicipality,
  mayOpenCase,
}: {
  items: readonly StatementListItem[];
  caption: string;
  withMunicipality: boolean;
  mayOpenCase: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption} minWidth={withMunicipality ? 1060 : 960}>
      <Table withTableBorder striped>
        <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              {withMunicipality ? t("statements.list.colMunicipality") : t("statements.list.colStatement")}
            </Table.Th>
            <Table.Th scope="col">{t("statements.list.colStatus")}</Table.Th>
            <Table.Th scope="col">{t("statements.list.colGrounds")}</Table.Th>
            <Table.Th scope="col">{t("statements.list.colDraftedBy")}</Table.Th>
            <Table.Th scope="col">{t("statements.list.colUpdated")}</Table.Th>
            <Table.Th scope="col">{t("statements.list.colSent")}</Table.Th>
            <Table.Th scope="col">{t("statements.list.colRegistration")}</Table.Th>
            <Table.Th scope="col">{t("statements.list.colCase")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const status = t(`statements.status.${s.status}`);
            const open = (
              <AnchorLink
                to="/yttranden/$id"
                params={{ id: s.id }}
                aria-label={t("statements.list.openLabel", { municipality: s.municipality.name, status })}
              >
                {withMunicipality ? s.municipality.name : t("statements.list.open")}
              </AnchorLink>
            );
            return (
              <Table.Tr key={s.id}>
                <Table.Th scope="row" fw={400}>
                  {open}
                </Table.Th>
                <Table.Td>
                  <StatementStatusBadge status={s.status} />
                  {s.initiatedBy === "municipality" && (
                    <Text size="sm" mt={4}>
                      {t("statements.initiator.municipality")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.grounds.length === 0
                    ? t("common.none")
                    : s.grounds.map((g) => t(`statements.ground.${g}`)).join("; ")}
                </Table.Td>
                <Table.Td>{s.draftedBy.name}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <time dateTime={s.updatedAt}>{stockholmDate(new Date(s.updatedAt))}</time>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {s.sentOn ? <time dateTime={s.sentOn}>{s.sentOn}</time> : t("statements.list.notSent")}
                </Table.Td>
                <Table.Td>{s.registrationNumber ?? t("common.none")}</Table.Td>
                <Table.Td>
                  {s.reductionCase && mayOpenCase ? (
                    <AnchorLink
                      to="/arenden/$id"
                      params={{ id: s.reductionCase.id }}
                      aria-label={t("statements.list.caseLinkLabel", { municipality: s.municipality.name })}
                    >
                      {t("statements.list.caseLink")}
                    </AnchorLink>
                  ) : (
                    t("common.none")
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
