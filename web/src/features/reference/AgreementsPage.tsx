import { Button, List, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Agreement } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { agreementsQuery, periodsQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { TableScroll } from "../../components/TableScroll";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { AgreementForm } from "./AgreementForm";

const route = getRouteApi("/signed-in/overenskommelser");

type Editing = { mode: "new" } | { mode: "edit"; agreement: Agreement } | null;

/** The state–SKR agreements; the agency may add and change them, everyone else reads. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const config = useAppConfig();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/overenskommelser" });
  const mayWrite = can(me, "agreements.write");
  const [editing, setEditing] = useState<Editing>(null);

  const periods = useQuery(periodsQuery);
  const agreements = useQuery({ ...agreementsQuery(search.period), placeholderData: keepPreviousData });
  const defaultYear = Number(config.today.slice(0, 4)) || new Date().getFullYear();

  return (
    <Page
      title={t("agreements.title")}
      intro={t("agreements.intro")}
      actions={
        mayWrite && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ mode: "new" })}>
            {t("agreements.newAgreement")}
          </Button>
        )
      }
    >
      <NativeSelect
        label={t("agreements.period")}
        w={280}
        data={[
          { value: "", label: t("agreements.allPeriods") },
          ...(periods.data?.items ?? []).map((p) => ({
            value: String(p.id),
            label: t(p.current ? "municipality.periodCurrent" : "municipality.periodOption", {
              first: p.firstYear,
              last: p.lastYear,
            }),
          })),
        ]}
        value={search.period ? String(search.period) : ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          void navigate({ search: { period: v ? Number(v) : undefined }, replace: true });
        }}
      />

      {agreements.isPending ? (
        <LoadingState />
      ) : agreements.isError ? (
        <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : agreements.data.items.length === 0 ? (
        <EmptyState>{t("agreements.empty")}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("agreements.total", { count: agreements.data.total })}
          </Text>
          <TableScroll label={t("agreements.caption")} minWidth={900}>
            <Table striped withTableBorder verticalSpacing="sm" aria-busy={agreements.isFetching}>
              <Table.Caption className="visually-hidden-text">{t("agreements.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("agreements.colTitle")}</Table.Th>
                  <Table.Th scope="col">{t("agreements.colKind")}</Table.Th>
                  <Table.Th scope="col">{t("agreements.colYears")}</Table.Th>
                  <Table.Th scope="col">{t("agreements.colRegistrationNumber")}</Table.Th>
                  <Table.Th scope="col">{t("agreements.colTaskAreas")}</Table.Th>
                  {mayWrite && (
                    <Table.Th scope="col">
                      <span className="visually-hidden-text">{t("agreements.colActions")}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ verticalAlign: "top" }}>
                {agreements.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td fw={500} maw={320}>
                      {a.title}
                      {a.note && (
                        <Text size="sm" c="dark.5" fw={400} mt={4}>
                          {a.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`agreements.kinds.${a.kind}`)}</Table.Td>
                    <Table.Td className="nowrap">
                      {t("agreements.years", { first: a.firstYear, last: a.lastYear })}
                    </Table.Td>
                    <Table.Td className="nowrap">{a.registrationNumber ?? t("common.none")}</Table.Td>
                    <Table.Td>
                      {a.taskAreas.length === 0 ? (
                        t("common.none")
                      ) : (
                        <List size="sm" spacing={2}>
                          {a.taskAreas.map((area) => (
                            <List.Item key={area}>{area}</List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                    {mayWrite && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="outline"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t("agreements.edit", { title: a.title })}
                          onClick={() => setEditing({ mode: "edit", agreement: a })}
                        >
                          {t("common.edit")}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>
      )}

      {mayWrite && (
        <AppModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing?.mode === "edit" ? t("agreements.form.titleEdit") : t("agreements.form.titleNew")}
        >
          {editing && (
            <AgreementForm
              key={editing.mode === "edit" ? editing.agreement.id : "new"}
              agreement={editing.mode === "edit" ? editing.agreement : undefined}
              defaultYear={defaultYear}
              onDone={() => setEditing(null)}
              onCancel={() => setEditing(null)}
            />
          )}
        </AppModal>
      )}
    </Page>
  );
}
