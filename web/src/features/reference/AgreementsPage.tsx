import { List, NativeSelect, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Agreement } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { agreementsQuery, periodsQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import {
  ReferenceEditModal,
  ReferenceNewButton,
  ReferenceTable,
  type ReferenceEditing,
} from "../../components/ReferenceTable";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { AgreementForm } from "./AgreementForm";

const route = getRouteApi("/signed-in/overenskommelser");

/** The state–SKR agreements; the agency may add and change them, everyone else reads. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const config = useAppConfig();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/overenskommelser" });
  const mayWrite = can(me, "agreements.write");
  const [editing, setEditing] = useState<ReferenceEditing<Agreement>>(null);

  const periods = useQuery(periodsQuery);
  const agreements = useQuery({ ...agreementsQuery(search.period), placeholderData: keepPreviousData });
  const defaultYear = Number(config.today.slice(0, 4)) || new Date().getFullYear();

  return (
    <Page
      title={t("agreements.title")}
      intro={t("agreements.intro")}
      actions={
        mayWrite && (
          <ReferenceNewButton onClick={() => setEditing({ mode: "new" })}>
            {t("agreements.newAgreement")}
          </ReferenceNewButton>
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
      ) : (
        <ReferenceTable
          items={agreements.data.items}
          empty={t("agreements.empty")}
          total={t("agreements.total", { count: agreements.data.total })}
          caption={t("agreements.caption")}
          minWidth={900}
          tableProps={{ verticalSpacing: "sm", "aria-busy": agreements.isFetching }}
          headers={[
            t("agreements.colTitle"),
            t("agreements.colKind"),
            t("agreements.colYears"),
            t("agreements.colRegistrationNumber"),
            t("agreements.colTaskAreas"),
          ]}
          rowKey={(a) => a.id}
          cells={(a) => (
            <>
              <Table.Td fw={500} maw={320}>
                {a.title}
                {a.note && (
                  <Text size="sm" c="dark.5" fw={400} mt={4}>
                    {a.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`agreements.kinds.${a.kind}`)}</Table.Td>
              <Table.Td className="nowrap">{t("agreements.years", { first: a.firstYear, last: a.lastYear })}</Table.Td>
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
            </>
          )}
          edit={
            mayWrite
              ? {
                  header: t("agreements.colActions"),
                  text: t("common.edit"),
                  label: (a) => t("agreements.edit", { title: a.title }),
                  onEdit: (a) => setEditing({ mode: "edit", item: a }),
                }
              : undefined
          }
        />
      )}

      {mayWrite && (
        <ReferenceEditModal
          editing={editing}
          onClose={() => setEditing(null)}
          titles={{ new: t("agreements.form.titleNew"), edit: t("agreements.form.titleEdit") }}
          itemKey={(a) => a.id}
          form={(a) => (
            <AgreementForm
              agreement={a}
              defaultYear={defaultYear}
              onDone={() => setEditing(null)}
              onCancel={() => setEditing(null)}
            />
          )}
        />
      )}
    </Page>
  );
}
