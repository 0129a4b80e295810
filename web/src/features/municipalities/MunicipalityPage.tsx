import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { municipalityQuery, periodsQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";
import { ErrorState } from "../../components/ErrorState";
import { errorHeading } from "../../components/errorHeading";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { AnchorLink } from "../../components/links";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { FollowUpTabs } from "./FollowUpTabs";

const route = getRouteApi("/signed-in/kommun/$code");

/** One municipality: facts, the mandate period chosen in the URL, and the follow-up tabs. */
export function MunicipalityPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/kommun/$code" });
  const me = useMe();
  const config = useAppConfig();

  const municipality = useQuery(municipalityQuery(code));
  const periods = useQuery(periodsQuery);

  useDocumentTitle(municipality.data?.name ?? (municipality.isError ? errorHeading(t, municipality.error) : null));
  if (municipality.isPending) return <LoadingState />;
  if (municipality.isError)
    return (
      <Page title={errorHeading(t, municipality.error)}>
        <ErrorState error={municipality.error} onRetry={() => void municipality.refetch()} />
      </Page>
    );

  const m = municipality.data;
  const periodItems = periods.data?.items ?? [];
  const currentId = periodItems.find((p) => p.current)?.id ?? config.currentPeriod;
  const selectedId = periodItems.some((p) => p.id === search.period) ? search.period! : currentId;
  const selected = periodItems.find((p) => p.id === selectedId);
  const countyLink = can(me, "counties.browse");

  return (
    <Page title={m.name}>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs" className="visually-hidden-text">
          {t("municipality.facts")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="dl" style={{ margin: 0 }}>
          <Fact label={t("municipality.code")}>{m.code}</Fact>
          <Fact label={t("municipality.county")}>
            {countyLink ? (
              <AnchorLink to="/lan/$code" params={{ code: m.county.code }}>
                {m.county.name}
              </AnchorLink>
            ) : (
              m.county.name
            )}
          </Fact>
          <Fact label={t("municipality.officer")}>
            {m.responsibleOfficer ? (
              m.responsibleOfficer.name
            ) : (
              <Text component="span" fs="italic">
                {t("common.notAssigned")}
              </Text>
            )}
          </Fact>
        </SimpleGrid>
      </Paper>

      {periods.isError && <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />}
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t("municipality.period")}
          data={periodItems.map((p) => ({
            value: String(p.id),
            label: t(p.current ? "municipality.periodCurrent" : "municipality.periodOption", {
              first: p.firstYear,
              last: p.lastYear,
            }),
          }))}
          value={String(selectedId)}
          disabled={periods.isPending}
          w={260}
          onChange={(e) => {
            const id = Number(e.currentTarget.value);
            void navigate({
              search: (prev) => ({ ...prev, period: id === currentId ? undefined : id }),
              replace: true,
            });
          }}
        />
      </Group>

      <Stack gap="xs">
        {selected && (
          <Title order={2} size="h3">
            {t("municipality.followUpHeading", { first: selected.firstYear, last: selected.lastYear })}
          </Title>
        )}
        <FollowUpTabs />
      </Stack>
    </Page>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dark.5" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
