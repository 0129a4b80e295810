import { Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { QueryView } from "../../components/QueryView";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { useSelectedPeriod } from "../documents/useSelectedPeriod";
import { municipalityVisitsQuery } from "./api";

/**
 * The municipality page's Besök tab: its visits of the chosen period, each linking to the visit page. The
 * municipality's users see the published planned visits and the held ones, without the county's notes.
 */
export function VisitsTab({ code }: { code: string }) {
  const selected = useSelectedPeriod();
  if (selected.isError) return <ErrorState error={selected.error} onRetry={selected.refetch} />;
  if (!selected.period) return <LoadingState />;
  return <Visits code={code} period={selected.period.id} />;
}

function Visits({ code, period }: { code: string; period: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const visits = useQuery(municipalityVisitsQuery(code, period));
  const caption = t("visits.list.caption");
  const county = code.slice(0, 2);
  return (
    <Stack gap="xs" component="section" aria-labelledby="visits-heading">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="visits-heading">
          {t("visits.list.title")}
        </Title>
        {can(me, "visitPlans.read") && me.role !== "municipality" && (
          <AnchorLink to="/lan/$code/besoksplan" params={{ code: county }} search={{ period }}>
            {t("visits.list.planLink")}
          </AnchorLink>
        )}
      </Group>
      <QueryView query={visits}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>
              {me.role === "municipality" ? t("visits.list.emptyMunicipality") : t("visits.list.empty")}
            </EmptyState>
          ) : (
            <TableScroll label={caption} minWidth={700}>
              <Table withTableBorder striped>
                <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("visits.list.colPlanned")}</Table.Th>
                    <Table.Th scope="col">{t("visits.list.colKind")}</Table.Th>
                    <Table.Th scope="col">{t("visits.list.colStatus")}</Table.Th>
                    <Table.Th scope="col">{t("visits.list.colHeld")}</Table.Th>
                    <Table.Th scope="col">{t("visits.list.colReason")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody style={{ verticalAlign: "top" }}>
                  {[...data.items]
                    .sort((a, b) => a.from.localeCompare(b.from))
                    .map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Th scope="row">
                          <AnchorLink to="/besok/$id" params={{ id: v.id }}>
                            {v.planned}
                          </AnchorLink>
                        </Table.Th>
                        <Table.Td>{t(`visits.kind.${v.kind}`)}</Table.Td>
                        <Table.Td>{t(`visits.status.${v.status}`)}</Table.Td>
                        <Table.Td>{v.heldOn ?? <Text span>{t("visits.visit.notHeld")}</Text>}</Table.Td>
                        <Table.Td>{v.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryView>
    </Stack>
  );
}
