import { BarChart } from "@mantine/charts";
import { Anchor, Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCalendarX, IconFileSpreadsheet, type Icon } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { CountyEconomy, CountyEconomyRow } from "@uppsikt/core";
import { useState, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { CountyFrame } from "../../components/CountyFrame";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { RequireAccess } from "../../components/RequireAccess";
import { SortableHeader } from "../../components/SortableHeader";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { TEXT_COLOR } from "../documents/colors";
import { countyEconomyQuery, countyEconomyXlsxUrl, largeSavingsQuery } from "./api";
import { ConfidentialAmount, NoShare } from "./Confidential";
import {
  amountText,
  rowShare,
  shareDistribution,
  shareText,
  sortCountyRows,
  type CountySort,
  type SortOrder,
} from "./model";
import { RuleText, type Rule } from "./RuleText";
import { YearSelect, useEconomyYear } from "./YearSelect";

const route = getRouteApi("/signed-in/lan/$code/ekonomi");

/** Ekonomi for a county (R2.6-1, R2.5-1): every municipality's figures, the distribution of shares, large savings. */
export function CountyEconomyPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="economy.read">
      <CountyFrame
        code={code}
        title={t("economy.county.title")}
        intro={(c) => t("economy.county.intro", { county: c.name })}
      >
        {() => <CountyEconomyView code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function CountyEconomyView({ code }: { code: string }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/ekonomi" });
  const year = useEconomyYear(search.ar);
  const economy = useQuery(countyEconomyQuery(code, year));
  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="lg">
        <YearSelect
          value={year}
          onChange={(ar) => void navigate({ search: (prev) => ({ ...prev, ar }), replace: true })}
        />
        <Anchor href={countyEconomyXlsxUrl(code, year)} download data-testid="economy-export">
          <Group gap={4} component="span">
            <IconFileSpreadsheet size={18} aria-hidden />
            {t("economy.county.export")}
          </Group>
        </Anchor>
      </Group>
      <QueryView query={economy}>
        {(data) => (
          <Stack gap="lg">
            <RuleText rule={data.rules.largeSavingsShare} />
            <MunicipalityTable data={data} />
            <Distribution data={data} />
          </Stack>
        )}
      </QueryView>
      <LargeSavings code={code} year={year} />
    </Stack>
  );
}

function MunicipalityTable({ data }: { data: CountyEconomy }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<CountySort>("name");
  const [order, setOrder] = useState<SortOrder>("asc");
  const onSort = (column: CountySort, next: SortOrder) => {
    setSort(column);
    setOrder(next);
  };
  const caption = t("economy.county.caption", { year: data.year });
  const secret = t("economy.secret");
  /** An amount, or "Sekretess" with the lock where the reader may not see it. */
  const money = (value: number | null) =>
    value === null ? <ConfidentialAmount mark={null} /> : amountText(value, secret);
  if (data.items.length === 0) return <EmptyState>{t("economy.county.empty")}</EmptyState>;
  const header = (column: CountySort, label: string) => (
    <SortableHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="county-economy-heading">
      <Title order={2} size="h3" id="county-economy-heading">
        {caption}
      </Title>
      <TableScroll label={caption} minWidth={1100}>
        <Table withTableBorder striped data-testid="county-economy">
          <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {header("name", t("economy.county.colMunicipality"))}
              {header("announced", t("economy.county.colAnnounced"))}
              {header("received", t("economy.county.colReceived"))}
              {header("usedCosts", t("economy.county.colUsed"))}
              {header("flaggedCosts", t("economy.county.colFlagged"))}
              {header("closing", t("economy.county.colClosing"))}
              {header("share", t("economy.county.colShare"))}
              {header("largeSavings", t("economy.county.colLarge"))}
              {header("reviews", t("economy.county.colReviews"))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ verticalAlign: "top" }}>
            {sortCountyRows(data.items, sort, order).map((row) => (
              <Table.Tr key={row.municipality.code} data-testid={`county-economy-${row.municipality.code}`}>
                <Table.Th scope="row">
                  <AnchorLink to="/kommun/$code" params={{ code: row.municipality.code }} search={{ flik: "ekonomi" }}>
                    {row.municipality.name}
                  </AnchorLink>
                </Table.Th>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{money(row.announced)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{money(row.received)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {row.costsIn ? money(row.usedCosts) : t("economy.county.costsMissing")}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" component="div" style={{ whiteSpace: "nowrap" }}>
                      {money(row.flaggedCosts)}
                    </Text>
                    {row.flags > 0 && (
                      <Text size="xs" fw={600} style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
                        <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-9)" />
                        {t("economy.county.flagsCount", { count: row.flags })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{money(row.closing)}</Table.Td>
                <Table.Td>
                  {!row.costsIn ? (
                    <NoShare />
                  ) : row.share === null && row.confidential ? (
                    <ConfidentialAmount mark={null} />
                  ) : (
                    shareText(row.share, i18n.language)
                  )}
                </Table.Td>
                <Table.Td>
                  {row.largeSavings ? (
                    <Text size="sm" fw={600} style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
                      <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-9)" />
                      {t("economy.county.yes")}
                    </Text>
                  ) : (
                    t("economy.county.no")
                  )}
                </Table.Td>
                <Table.Td style={{ minWidth: REVIEWS_MIN_WIDTH }}>
                  <Reviews reviews={row.reviews} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

/** Room for "1 hållen, 0 planerade" on one line and a warning badge beside or below it. */
const REVIEWS_MIN_WIDTH = 250;

type Warning = CountyEconomyRow["reviews"]["warnings"][number];
const WARNING_ICON: Record<Warning, Icon> = {
  economicReviewsShort: IconAlertTriangle,
  reviewBetweenVisitsMissing: IconCalendarX,
};

/** Held and planned economic reviews on one line, the warnings as short badges (the full text for screen readers). Exported for its test. */
export function Reviews({ reviews }: { reviews: CountyEconomyRow["reviews"] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {t("economy.county.reviewsHeld", { count: reviews.held })},{" "}
        {t("economy.county.reviewsPlanned", { count: reviews.planned })}
      </Text>
      {reviews.warnings.length > 0 && (
        <Group gap={4}>
          {reviews.warnings.map((w) => (
            <WarningBadge key={w} warning={w} />
          ))}
        </Group>
      )}
    </Stack>
  );
}

function WarningBadge({ warning }: { warning: Warning }) {
  const { t } = useTranslation();
  const Icon = WARNING_ICON[warning];
  const full = t(`economy.county.warning.${warning}`);
  return (
    <Badge
      color="orange"
      variant="light"
      tt="none"
      radius="sm"
      fw={600}
      title={full}
      data-testid={`review-warning-${warning}`}
      leftSection={<Icon size={14} aria-hidden />}
      style={{ "--badge-color": TEXT_COLOR.orange } as CSSProperties}
      styles={{ label: { overflow: "visible" } }}
    >
      <span aria-hidden>{t(`economy.county.warningShort.${warning}`)}</span>
      <span className="visually-hidden-text">{full}</span>
    </Badge>
  );
}

function Distribution({ data }: { data: CountyEconomy }) {
  const { t } = useTranslation();
  // A municipality without a share (confidential, costs not in, nothing announced) is "Okänd andel", never 0 %.
  const distribution = shareDistribution(data.items.map(rowShare));
  const chartData = [
    ...distribution.bands.map((b) => ({ band: t(`economy.county.band.${b.band}`), municipalities: b.municipalities })),
    ...(distribution.unknown > 0
      ? [{ band: t("economy.county.bandUnknown"), municipalities: distribution.unknown }]
      : []),
  ];
  const caption = t("economy.county.distributionCaption");
  if (data.items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="share-distribution-heading">
      <Title order={2} size="h3" id="share-distribution-heading">
        {t("economy.county.distributionTitle")}
      </Title>
      <Text size="sm">{t("economy.county.distributionIntro")}</Text>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <figure style={{ margin: 0, flex: "1 1 420px", minWidth: 0, maxWidth: "100%" }}>
          <figcaption className="visually-hidden-text">{caption}</figcaption>
          <BarChart
            role="img"
            aria-label={caption}
            h={260}
            data={chartData}
            dataKey="band"
            series={[{ name: "municipalities", label: t("economy.county.chartMunicipalities"), color: "uppsikt.7" }]}
            valueFormatter={(v) => String(v)}
            yAxisProps={{ allowDecimals: false }}
            accessibilityLayer={false}
          />
        </figure>
        <TableScroll label={caption} minWidth={240}>
          <Table withTableBorder w="auto" data-testid="share-distribution">
            <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("economy.county.colBand")}</Table.Th>
                <Table.Th scope="col">{t("economy.county.colCount")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {distribution.bands.map((b) => (
                <Table.Tr key={b.band}>
                  <Table.Th scope="row" fw={400}>
                    {t(`economy.county.band.${b.band}`)}
                  </Table.Th>
                  <Table.Td>{b.municipalities}</Table.Td>
                </Table.Tr>
              ))}
              {distribution.unknown > 0 && (
                <Table.Tr data-testid="share-unknown">
                  <Table.Th scope="row" fw={400}>
                    {t("economy.county.unknownShare")}
                  </Table.Th>
                  <Table.Td>{distribution.unknown}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Group>
    </Stack>
  );
}

function LargeSavings({ code, year }: { code: string; year: number }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(largeSavingsQuery(code, year));
  const caption = t("economy.county.largeCaption");
  return (
    <Stack gap="xs" component="section" aria-labelledby="large-savings-heading">
      <Title order={2} size="h3" id="large-savings-heading">
        {t("economy.county.largeTitle")}
      </Title>
      <QueryView query={list}>
        {(data) => (
          <Stack gap="xs">
            <RuleText rule={data.rules.largeSavingsShare as Rule} />
            {data.items.length === 0 ? (
              <EmptyState>{t("economy.county.largeEmpty")}</EmptyState>
            ) : (
              <TableScroll label={caption} minWidth={900}>
                <Table withTableBorder striped data-testid="large-savings">
                  <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("economy.county.colRank")}</Table.Th>
                      <Table.Th scope="col">{t("economy.county.colMunicipality")}</Table.Th>
                      <Table.Th scope="col">{t("economy.county.colShare")}</Table.Th>
                      <Table.Th scope="col">{t("economy.county.colClosing")}</Table.Th>
                      <Table.Th scope="col">{t("economy.county.colSince")}</Table.Th>
                      <Table.Th scope="col">{t("economy.county.colPlanDue")}</Table.Th>
                      <Table.Th scope="col">{t("economy.county.colPlan")}</Table.Th>
                      <Table.Th scope="col">{t("economy.county.colWarning")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item, index) => (
                      <Table.Tr key={item.municipality.code}>
                        <Table.Td>{index + 1}</Table.Td>
                        <Table.Th scope="row">
                          <AnchorLink
                            to="/kommun/$code"
                            params={{ code: item.municipality.code }}
                            search={{ flik: "ekonomi" }}
                          >
                            {item.municipality.name}
                          </AnchorLink>
                        </Table.Th>
                        <Table.Td>
                          {item.share === null ? t("economy.secret") : shareText(item.share, i18n.language)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          {amountText(item.closing, t("economy.secret"))}
                        </Table.Td>
                        <Table.Td>{item.since ?? t("economy.none")}</Table.Td>
                        <Table.Td>{item.planDueOn ?? t("economy.none")}</Table.Td>
                        <Table.Td>
                          {item.savingsPlan ? (
                            t("economy.county.planExists")
                          ) : (
                            <Text size="sm" fw={600} style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
                              <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-9)" />
                              {t("economy.county.planMissing")}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {item.warningOpen ? t("economy.county.warningOpen") : t("economy.county.warningNone")}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
