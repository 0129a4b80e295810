import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Clearance } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { clearancesQuery, oversightKeys, withdrawClearance } from "../documents/county/api";
import { countiesQuery, countyQuery, municipalitiesQuery } from "../../api/queries";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { notifyError, notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { ClearanceForm } from "./ClearanceForm";
import { ClearanceTable } from "./ClearanceTable";
import { useClearanceScope } from "./clearanceLabels";

const route = getRouteApi("/signed-in/behorigheter");

/**
 * Behörigheter (R2.10-2): a county head manages their county's clearances and an admin every county's;
 * everyone else sees their own ("Mina behörigheter").
 */
export function ClearancesPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me, "clearances.read"))
    return (
      <Page title={t("clearances.mine.title")} intro={t("clearances.mine.intro")}>
        <MyClearances withHeading={false} />
      </Page>
    );
  return <ManageClearances />;
}

function ManageClearances() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/behorigheter" });
  const isAdmin = me.role === "admin";
  const county = isAdmin ? search.county : (me.county ?? undefined);
  const mayWrite = can(me, "clearances.write");
  const [granting, setGranting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Clearance | null>(null);

  const ownCounty = useQuery({ ...countyQuery(me.county ?? ""), enabled: !isAdmin && !!me.county });
  const counties = useQuery({ ...countiesQuery, enabled: isAdmin });
  const municipalities = useQuery({ ...municipalitiesQuery(county ?? "", { limit: 500 }), enabled: !!county });
  const clearances = useQuery({
    ...clearancesQuery({ county, municipality: search.municipality, includeInactive: !!search.inactive }),
    placeholderData: keepPreviousData,
  });
  const names = useClearanceScope((clearances.data?.items ?? []).map((c) => c.county));

  const withdraw = useMutation({
    mutationFn: (c: Clearance) => withdrawClearance(c.id),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: oversightKeys.clearancesAll });
      notifySaved(t("clearances.withdrawn", { name: c.user.name }));
      setWithdrawing(null);
    },
    onError: (error) => notifyError(error.message),
  });

  const set = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const intro = isAdmin ? t("clearances.intro") : t("clearances.introCounty", { county: ownCounty.data?.name ?? "" });
  const scopeName = (c: Clearance) => names.scope(c, isAdmin && !county);

  return (
    <Page
      title={t("clearances.title")}
      intro={intro}
      actions={
        mayWrite && (
          <Button leftSection={<IconKey size={18} aria-hidden />} onClick={() => setGranting(true)}>
            {t("clearances.grant")}
          </Button>
        )
      }
    >
      <Paper withBorder p="md" component="section" aria-labelledby="clearance-filter">
        <Title order={2} size="h4" id="clearance-filter" mb="sm">
          {t("clearances.filters")}
        </Title>
        <Group align="flex-end" gap="md">
          {isAdmin && (
            <NativeSelect
              label={t("clearances.county")}
              w={240}
              data={[
                { value: "", label: t("clearances.allCounties") },
                ...(counties.data?.items ?? []).map((c) => ({ value: c.code, label: c.name })),
              ]}
              value={search.county ?? ""}
              onChange={(e) => set({ county: e.currentTarget.value || undefined, municipality: undefined })}
            />
          )}
          <NativeSelect
            label={t("clearances.municipality")}
            description={t("clearances.municipalityHelp")}
            w={260}
            disabled={!county}
            data={[
              {
                value: "",
                label: county ? t("clearances.allMunicipalities") : t("clearances.chooseCountyFirst"),
              },
              ...(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name })),
            ]}
            value={search.municipality ?? ""}
            onChange={(e) => set({ municipality: e.currentTarget.value || undefined })}
          />
          <Checkbox
            label={t("clearances.includeInactive")}
            checked={!!search.inactive}
            mb={8}
            onChange={(e) => set({ inactive: e.currentTarget.checked ? true : undefined })}
          />
        </Group>
      </Paper>

      {clearances.isPending ? (
        <LoadingState />
      ) : clearances.isError ? (
        <ErrorState error={clearances.error} onRetry={() => void clearances.refetch()} />
      ) : clearances.data.items.length === 0 ? (
        <EmptyState>{search.inactive ? t("clearances.emptyInactive") : t("clearances.empty")}</EmptyState>
      ) : (
        <Stack gap="xs">
          <Text fw={600} aria-live="polite" aria-atomic>
            {t("clearances.total", { count: clearances.data.total })}
          </Text>
          <ClearanceTable
            caption={t("clearances.caption")}
            items={clearances.data.items}
            scopeName={scopeName}
            busy={clearances.isFetching}
            onWithdraw={mayWrite ? setWithdrawing : undefined}
          />
        </Stack>
      )}

      {me.role === "county" && <MyClearances withHeading />}

      {mayWrite && (
        <AppModal opened={granting} onClose={() => setGranting(false)} title={t("clearances.form.title")}>
          {granting && (
            <ClearanceForm
              defaultCounty={county ?? null}
              onDone={() => setGranting(false)}
              onCancel={() => setGranting(false)}
            />
          )}
        </AppModal>
      )}
      {mayWrite && (
        <AppModal
          opened={withdrawing !== null}
          onClose={() => setWithdrawing(null)}
          title={t("clearances.confirmTitle")}
        >
          {withdrawing && (
            <Stack gap="md">
              <Text>{t("clearances.confirmText", { name: withdrawing.user.name, scope: scopeName(withdrawing) })}</Text>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setWithdrawing(null)}>
                  {t("common.cancel")}
                </Button>
                <Button color="red.9" loading={withdraw.isPending} onClick={() => withdraw.mutate(withdrawing)}>
                  {t("clearances.confirm")}
                </Button>
              </Group>
            </Stack>
          )}
        </AppModal>
      )}
    </Page>
  );
}

/** The signed-in user's own clearances, active and past. */
function MyClearances({ withHeading }: { withHeading: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useQuery(clearancesQuery({ userId: me.id, includeInactive: true }));
  const names = useClearanceScope((mine.data?.items ?? []).map((c) => c.county));
  const body = (
    <QueryView query={mine}>
      {({ items }) =>
        items.length === 0 ? (
          <EmptyState>{t("clearances.mine.empty")}</EmptyState>
        ) : (
          <ClearanceTable
            caption={t("clearances.mine.caption")}
            items={items}
            scopeName={(c) => names.scope(c, true)}
            showUser={false}
          />
        )
      }
    </QueryView>
  );
  if (!withHeading) return body;
  return (
    <Stack gap="xs" component="section" aria-labelledby="my-clearances-heading" mt="md">
      <Title order={2} size="h3" id="my-clearances-heading">
        {t("clearances.mine.title")}
      </Title>
      <Text size="sm">{t("clearances.mine.intro")}</Text>
      {body}
    </Stack>
  );
}
