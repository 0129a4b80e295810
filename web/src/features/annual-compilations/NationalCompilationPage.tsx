import { Anchor, Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Distribution, NationalCompilation, NationalQuestion } from "@uppsikt/core";
import { Suspense, lazy, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { LoadingState } from "../../components/LoadingState";
import { Page } from "../../components/Page";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { annualFormQuery, nationalCompilationQuery, nationalXlsxUrl } from "./api";
import { ReportFlag } from "./Badges";
import { useCellWords } from "./CompilationTable";
import { Filters } from "./Filters";
import { choiceLabels, distributionBars, isSummed, summedText, type ChoiceLabels, type DistributionBar } from "./model";
import { YearSelect, useCompilationYear } from "./YearSelect";

const DistributionChart = lazy(() => import("./DistributionChart").then((m) => ({ default: m.DistributionChart })));

const route = getRouteApi("/signed-in/arsuppfoljning");

/** Årsuppföljning i landet (R1-6): every county's compilation and status, the answers per question and over years. */
export function NationalCompilationPage() {
  const { t } = useTranslation();
  return (
    <RequireAccess action="annualCompilations.national">
      <Page title={t("annualCompilations.national.title")} intro={t("annualCompilations.national.intro")}>
        <NationalView />
      </Page>
    </RequireAccess>
  );
}

function NationalView() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/arsuppfoljning" });
  const { year, years } = useCompilationYear(search.ar);
  const national = useQuery(nationalCompilationQuery(year));
  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="lg">
        <YearSelect
          value={year}
          years={years}
          onChange={(ar) => void navigate({ search: (prev) => ({ ...prev, ar }), replace: true })}
        />
        <Anchor href={nationalXlsxUrl(year)} download data-testid="national-export">
          <Group gap={4} component="span">
            <IconFileSpreadsheet size={18} aria-hidden />
            {t("annualCompilations.export")}
          </Group>
        </Anchor>
      </Group>
      <QueryView query={national}>
        {(data) => (
          <Stack gap="xl">
            <Counties data={data} />
            {data.form === null ? (
              <EmptyState>{t("annualCompilations.noForm", { year })}</EmptyState>
            ) : (
              <Questions data={data} />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function Counties({ data }: { data: NationalCompilation }) {
  const { t } = useTranslation();
  const caption = t("annualCompilations.national.countiesCaption", { year: data.year });
  const forwarded = data.counties.filter((c) => c.status === "forwarded").length;
  return (
    <Stack gap="xs" component="section" aria-labelledby="national-counties-heading">
      <Title order={2} size="h3" id="national-counties-heading">
        {t("annualCompilations.national.countiesTitle")}
      </Title>
      <Text>{t("annualCompilations.national.summary", { forwarded, total: data.counties.length })}</Text>
      <TableScroll label={caption} minWidth={860}>
        <Table withTableBorder striped data-testid="national-counties">
          <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("annualCompilations.national.colCounty")}</Table.Th>
              <Table.Th scope="col">{t("annualCompilations.national.colStatus")}</Table.Th>
              <Table.Th scope="col">{t("annualCompilations.national.colForwardedOn")}</Table.Th>
              <Table.Th scope="col">{t("annualCompilations.national.colDnr")}</Table.Th>
              <Table.Th scope="col">{t("annualCompilations.national.colAccepted")}</Table.Th>
              <Table.Th scope="col">{t("annualCompilations.national.colLate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.counties.map((c) => (
              <Table.Tr key={c.county.code} data-testid={`national-county-${c.county.code}`}>
                <Table.Th scope="row">
                  <AnchorLink
                    to="/lan/$code/arsuppfoljning"
                    params={{ code: c.county.code }}
                    search={{ ar: data.year }}
                  >
                    {c.county.name}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>
                  {t(
                    c.status === "forwarded"
                      ? "annualCompilations.national.forwarded"
                      : "annualCompilations.national.notForwarded",
                  )}
                  {c.version !== null && c.version > 1 && ` (v. ${c.version})`}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{c.forwardedOn ?? t("annualCompilations.none")}</Table.Td>
                <Table.Td>{c.registrationNumber ?? t("annualCompilations.none")}</Table.Td>
                <Table.Td>
                  {t("annualCompilations.national.acceptedOf", { accepted: c.accepted, total: c.municipalities })}
                </Table.Td>
                <Table.Td>{c.late ? <ReportFlag flag="late" /> : t("annualCompilations.none")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

function Questions({ data }: { data: NationalCompilation }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/arsuppfoljning" });
  const form = useQuery({ ...annualFormQuery(data.form?.id ?? ""), enabled: !!data.form });
  const labels = choiceLabels(form.data?.definition);
  const shown = data.questions.filter(
    (q) => (!search.del || q.part === search.del) && (!search.omrade || q.area === search.omrade),
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const question = shown.find((q) => q.key === chosen) ?? shown[0];
  const countyName = new Map(data.counties.map((c) => [c.county.code, c.county.name]));
  return (
    <Stack gap="md" component="section" aria-labelledby="national-questions-heading">
      <Title order={2} size="h3" id="national-questions-heading">
        {t("annualCompilations.national.questionsTitle")}
      </Title>
      <Group align="flex-end" gap="lg" wrap="wrap">
        <Filters
          part={search.del}
          area={search.omrade}
          parts={["indicators", "events", "activities"]}
          onChange={(next) =>
            void navigate({ search: (prev) => ({ ...prev, del: next.part, omrade: next.area }), replace: true })
          }
        />
        {shown.length > 0 && (
          <NativeSelect
            label={t("annualCompilations.national.pick")}
            value={question?.key ?? ""}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={shown.map((q) => ({ value: q.key, label: q.label }))}
            maw={520}
            style={{ flex: "1 1 320px" }}
          />
        )}
      </Group>
      {question ? (
        <QuestionView key={question.key} question={question} labels={labels} countyName={countyName} year={data.year} />
      ) : (
        <EmptyState>{t("annualCompilations.national.noQuestions")}</EmptyState>
      )}
    </Stack>
  );
}

interface Column {
  key: string;
  label: string;
  value: (d: Distribution) => string;
}

/** The columns of a question's tables: answered, then counts per value, or the sums of a number or an amount. */
function useColumns(question: NationalQuestion, bars: DistributionBar[] | null): Column[] {
  const { t } = useTranslation();
  const none = t("annualCompilations.none");
  const answered: Column = {
    key: "answered",
    label: t("annualCompilations.national.answered"),
    value: (d) => String(d.answered),
  };
  if (bars)
    return [
      answered,
      ...bars.map((b) => ({
        key: b.value,
        label: b.label,
        value: (d: Distribution) => String(d.counts?.[b.value] ?? 0),
      })),
    ];
  if (isSummed(question))
    return [
      answered,
      ...(["sum", "mean", "min", "max"] as const).map((k) => ({
        key: k,
        label: t(`annualCompilations.national.${k}`),
        value: (d: Distribution) => summedText(question, d[k], none),
      })),
    ];
  return [answered];
}

function QuestionView({
  question,
  labels,
  countyName,
  year,
}: {
  question: NationalQuestion;
  labels: ChoiceLabels;
  countyName: Map<string, string>;
  year: number;
}) {
  const { t } = useTranslation();
  const words = useCellWords();
  const tableId = useId();
  // Bars for every value seen anywhere, so that the county table has a column for each.
  const merged: Distribution = {
    ...question.nation,
    counts: question.nation.counts
      ? Object.fromEntries(
          [
            question.nation,
            ...question.counties.map((c) => c.distribution),
            ...question.trend.map((y) => y.distribution),
          ]
            .flatMap((d) => Object.keys(d.counts ?? {}))
            .map((k) => [k, question.nation.counts?.[k] ?? 0]),
        )
      : null,
  };
  const bars = distributionBars(question, merged, labels, words);
  const columns = useColumns(question, bars);
  const caption = t("annualCompilations.national.distributionCaption", { question: question.label });
  const trendCaption = t("annualCompilations.national.trendCaption", { question: question.label });
  const row = (key: string, name: string, d: Distribution, header = false) => (
    <Table.Tr key={key}>
      <Table.Th scope="row" fw={header ? 700 : 400}>
        {name}
      </Table.Th>
      {columns.map((c) => (
        <Table.Td key={c.key} style={{ whiteSpace: "nowrap" }} fw={header ? 700 : undefined}>
          {c.value(d)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  const head = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        {columns.map((c) => (
          <Table.Th key={c.key} scope="col">
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack gap="md" data-testid="national-question">
      <Title order={3} size="h4">
        {question.label}
      </Title>
      <Text size="sm" c="dimmed">
        {t(`annualCompilations.parts.${question.part}`)}, {question.section}
        {question.area ? `, ${t(`annualCompilations.areas.${question.area}`)}` : ""}
      </Text>
      {!bars && !isSummed(question) && <Text size="sm">{t("annualCompilations.national.countOnly")}</Text>}
      {bars && bars.length > 0 && (
        <figure style={{ margin: 0, maxWidth: 720 }} aria-describedby={tableId}>
          <figcaption className="visually-hidden-text">
            {t("annualCompilations.national.chartCaption", { question: question.label })}
          </figcaption>
          <Suspense fallback={<LoadingState />}>
            <DistributionChart
              bars={bars}
              label={t("annualCompilations.national.chartCaption", { question: question.label })}
              seriesLabel={t("annualCompilations.national.chartCount")}
            />
          </Suspense>
        </figure>
      )}
      <TableScroll label={caption} minWidth={Math.max(480, 220 + columns.length * 110)}>
        <Table withTableBorder striped id={tableId} data-testid="national-distribution">
          <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>{caption}</Table.Caption>
          {head(t("annualCompilations.national.colCounty"))}
          <Table.Tbody>
            {row("nation", t("annualCompilations.national.nation"), question.nation, true)}
            {question.counties.map((c) => row(c.county, countyName.get(c.county) ?? c.county, c.distribution))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t("annualCompilations.national.trendTitle")}
        </Title>
        {question.trend.length === 0 ? (
          <Text size="sm">{t("annualCompilations.national.noTrend")}</Text>
        ) : (
          <TableScroll label={trendCaption} minWidth={Math.max(420, 160 + columns.length * 110)}>
            <Table withTableBorder striped data-testid="national-trend">
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{trendCaption}</Table.Caption>
              {head(t("annualCompilations.national.colYear"))}
              <Table.Tbody>
                {[...question.trend]
                  .sort((a, b) => a.year - b.year)
                  .map((y) => row(String(y.year), String(y.year), y.distribution))}
                {row(String(year), String(year), question.nation, true)}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </Stack>
  );
}
