import { Badge, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { REDUCTION_CASE_STATUSES, type ReductionCaseStatus } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { countiesQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { reductionCasesQuery } from "./api";
import { useMe } from "../auth/useSession";
import { caseOrder, isDecisionOverdue } from "./model";

const route = getRouteApi("/signed-in/arenden");

/** Ärenden om ersättning (R3.3): the agency's reduction cases, with the 30 April rule's effect and their status. */
export function ReductionCasesPage() {
  const { t } = useTranslation();
  return (
    <RequireAccess action="reductionCases.read">
      <Page title={t("reductionCases.list.title")} intro={t("reductionCases.list.intro")}>
        <CasesView />
      </Page>
    </RequireAccess>
  );
}

function CasesView() {
  const { t } = useTranslation();
  const { status, lan } = route.useSearch();
  const navigate = useNavigate({ from: "/arenden" });
  const { today } = useAppConfig();
  const me = useMe();
  // Only the agency (and an admin) sees more than one county's cases.
  const allCounties = me.role === "agency" || me.role === "admin";
  const counties = useQuery({ ...countiesQuery, enabled: allCounties });
  const cases = useQuery(reductionCasesQuery({ status, county: lan }));
  const caption = t("reductionCases.list.caption");
  const filtered = status !== undefined || lan !== undefined;
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("reductionCases.list.filterStatus")}
          w={200}
          value={status ?? ""}
          data={[
            { value: "", label: t("reductionCases.list.allStatuses") },
            ...REDUCTION_CASE_STATUSES.map((s) => ({ value: s, label: t(`reductionCases.status.${s}`) })),
          ]}
          onChange={(e) => {
            const value = e.currentTarget.value as ReductionCaseStatus | "";
            void navigate({ search: (prev) => ({ ...prev, status: value || undefined }), replace: true });
          }}
        />
        {allCounties && (
          <NativeSelect
            label={t("reductionCases.list.filterCounty")}
            w={260}
            value={lan ?? ""}
            data={[
              { value: "", label: t("reductionCases.list.allCounties") },
              ...(counties.data?.items ?? []).map((c) => ({ value: c.code, label: c.name })),
            ]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              void navigate({ search: (prev) => ({ ...prev, lan: value || undefined }), replace: true });
            }}
          />
        )}
      </Group>
      <QueryView query={cases}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t(filtered ? "reductionCases.list.emptyFiltered" : "reductionCases.list.empty")}</EmptyState>
          ) : (
            <TableScroll label={caption} minWidth={1040}>
              <Table withTableBorder striped data-testid="reduction-cases" aria-busy={cases.isFetching}>
                <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("reductionCases.list.colMunicipality")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colCounty")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colReceived")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colYear")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colEffect")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colStatus")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colDecisionDue")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colOutcome")}</Table.Th>
                    <Table.Th scope="col">{t("reductionCases.list.colLegallyFinal")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {caseOrder(data.items).map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row">
                        <AnchorLink to="/arenden/$id" params={{ id: c.id }}>
                          {c.municipality.name}
                        </AnchorLink>
                        {c.initiatedBy === "municipality" && (
                          <Text size="xs">{t("reductionCases.list.municipalityInitiated")}</Text>
                        )}
                      </Table.Th>
                      <Table.Td>{c.county.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <time dateTime={c.receivedOn}>{c.receivedOn}</time>
                      </Table.Td>
                      <Table.Td>{c.year}</Table.Td>
                      <Table.Td>{t(`reductionCases.effect.${c.effect}`)}</Table.Td>
                      <Table.Td>{t(`reductionCases.status.${c.status}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {c.status !== "open" ? (
                          t("reductionCases.list.none")
                        ) : isDecisionOverdue(c, today) ? (
                          <Stack gap={2} align="flex-start">
                            <Text component="span" c="red.9" fw={700} data-overdue>
                              <time dateTime={c.decisionDueOn}>{c.decisionDueOn}</time>
                            </Text>
                            <Badge color="red" variant="light" size="sm">
                              {t("reductionCases.list.overdue")}
                            </Badge>
                          </Stack>
                        ) : (
                          <time dateTime={c.decisionDueOn}>{c.decisionDueOn}</time>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {c.outcome ? t(`reductionCases.outcome.${c.outcome}`) : t("reductionCases.list.none")}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {c.legallyFinalOn ? (
                          <time dateTime={c.legallyFinalOn}>{c.legallyFinalOn}</time>
                        ) : (
                          t("reductionCases.list.none")
                        )}
                      </Table.Td>
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
