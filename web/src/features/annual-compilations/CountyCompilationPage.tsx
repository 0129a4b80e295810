import { Anchor, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconFileSpreadsheet, IconLifebuoy } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { ANNUAL_REPORT_STATUSES, type CountyCompilation } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { CountyFrame } from "../../components/CountyFrame";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { AnchorLink } from "../../components/links";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { annualFormQuery, annualReportsQuery, compilationXlsxUrl, countyCompilationQuery } from "./api";
import { AssessmentSection } from "./AssessmentSection";
import { CompilationTable } from "./CompilationTable";
import { Filters } from "./Filters";
import { ForwardSection } from "./ForwardSection";
import { ImportSection } from "./ImportSection";
import { choiceLabels, statusSummary } from "./model";
import { YearSelect, useCompilationYear } from "./YearSelect";

const route = getRouteApi("/signed-in/lan/$code/arsuppfoljning");

/** Årsuppföljning for a county (R2.4-2, R1-6): the municipalities' reports side by side, assessment, forwarding. */
export function CountyCompilationPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="annualCompilations.read">
      <CountyFrame
        code={code}
        title={t("annualCompilations.county.title")}
        intro={(c) => t("annualCompilations.county.intro", { county: c.name })}
      >
        {() => <CountyCompilationView code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function CountyCompilationView({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/arsuppfoljning" });
  const { year, years } = useCompilationYear(search.ar);
  const filter = { part: search.del, area: search.omrade };
  const compilation = useQuery(countyCompilationQuery(code, year, filter));
  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="lg" wrap="wrap">
        <YearSelect
          value={year}
          years={years}
          onChange={(ar) => void navigate({ search: (prev) => ({ ...prev, ar }), replace: true })}
        />
        <Filters
          part={filter.part}
          area={filter.area}
          onChange={(next) =>
            void navigate({ search: (prev) => ({ ...prev, del: next.part, omrade: next.area }), replace: true })
          }
        />
        <Anchor href={compilationXlsxUrl(code, year)} download data-testid="compilation-export">
          <Group gap={4} component="span">
            <IconFileSpreadsheet size={18} aria-hidden />
            {t("annualCompilations.export")}
          </Group>
        </Anchor>
        {can(me, "supportNeeds.read") && (
          <AnchorLink to="/lan/$code/stod" params={{ code }} search={{ ar: year }}>
            <Group gap={4} component="span">
              <IconLifebuoy size={18} aria-hidden />
              {t("supportNeeds.title")}
            </Group>
          </AnchorLink>
        )}
      </Group>
      <QueryView query={compilation}>
        {(data) =>
          data.form === null ? (
            <EmptyState>{t("annualCompilations.noForm", { year })}</EmptyState>
          ) : (
            <Stack gap="lg">
              <Summary data={data} />
              <Answers code={code} data={data} />
              <AssessmentSection code={code} data={data} />
              <ForwardSection code={code} data={data} />
              {can(me, "annualReports.import") && data.can.edit && <ImportSection code={code} year={year} />}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}

function Answers({ code, data }: { code: string; data: CountyCompilation }) {
  const { t } = useTranslation();
  const form = useQuery({ ...annualFormQuery(data.form?.id ?? ""), enabled: !!data.form });
  const reports = useQuery(annualReportsQuery(code, data.year));
  const labels = choiceLabels(form.data?.definition);
  // A forwarded compilation's rows are frozen: a day is shown only where the live status is still the row's.
  const status = new Map(data.rows.map((r) => [r.municipality.code, r.status]));
  const statusOn = new Map(
    (reports.data?.items ?? [])
      .filter((r) => status.get(r.municipality.code) === r.status)
      .map((r) => [r.municipality.code, r.statusOn]),
  );
  return (
    <Stack gap="xs">
      <CompilationTable data={data} labels={labels} statusOn={statusOn} />
      {data.questions.some((q) => q.part === "economy") || (
        <Text size="sm" c="dimmed">
          {t("annualCompilations.county.economyNote")}
        </Text>
      )}
    </Stack>
  );
}

/** Counts per status, late and missing, the form and the forwarding: the county's state of the year at a glance. */
function Summary({ data }: { data: CountyCompilation }) {
  const { t } = useTranslation();
  const summary = statusSummary(data.rows);
  const newest = data.versions[0];
  const caption = t("annualCompilations.county.summaryCaption");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="compilation-summary-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="compilation-summary-heading">
          {t("annualCompilations.county.summaryTitle", { year: data.year })}
        </Title>
        {data.form && (
          <Text size="sm">
            {t("annualCompilations.county.form", { title: data.form.title, number: data.form.number })}
            {data.forwardingDeadline &&
              ` ${t("annualCompilations.county.deadline", { date: data.forwardingDeadline })}`}
          </Text>
        )}
        <Text fw={600} data-testid="compilation-status">
          {newest
            ? t("annualCompilations.county.forwarded", {
                date: newest.forwardedOn,
                dnr: newest.registrationNumber,
                number: newest.number,
              })
            : t("annualCompilations.county.notForwarded")}
          {newest && data.late && ` ${t("annualCompilations.county.forwardedLate")}`}
        </Text>
        <Table withTableBorder maw={560} data-testid="compilation-summary">
          <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("annualCompilations.county.colStatus")}</Table.Th>
              <Table.Th scope="col">{t("annualCompilations.county.colCount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ANNUAL_REPORT_STATUSES.map((s) => (
              <Table.Tr key={s}>
                <Table.Th scope="row" fw={400}>
                  {t(`annualCompilations.status.${s}`)}
                </Table.Th>
                <Table.Td>{summary.counts[s]}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                {t("annualCompilations.late")}
              </Table.Th>
              <Table.Td>{summary.late}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                {t("annualCompilations.missing")}
              </Table.Th>
              <Table.Td>{summary.missing}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t("annualCompilations.county.total")}</Table.Th>
              <Table.Td fw={600}>{summary.total}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
