import { BarChart, LineChart } from "@mantine/charts";
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconLock, IconPencil } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LargeSavingsDuePut, formatAmount, type MunicipalityEconomy } from "@uppsikt/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { EconomyPartYear, EconomyYear } from "@uppsikt/core";
import { AppModal } from "../../components/AppModal";
import { DateField } from "../../components/DateField";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { TableScroll } from "../../components/TableScroll";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { EconomicReviewsSection } from "../economic-reviews/EconomicReviewsSection";
import { SavingsPlanSection } from "../economic-reviews/SavingsPlanSection";
import { invalidateEconomy, municipalityEconomyQuery, putPlanDue } from "./api";
import { ConfidentialAmount, NoShare } from "./Confidential";
import { CostsEditor, OpeningBalanceEditor } from "./CostsEditor";
import { amountText, knownShare, secretYearGroups, shareText, yearRanges } from "./model";
import { RuleText, useRuleParts } from "./RuleText";
import { TEXT_COLOR } from "../documents/colors";

type Year = z.infer<typeof EconomyYear>;
type PartYear = z.infer<typeof EconomyPartYear>;

/**
 * The municipality page's Ekonomi tab (R2.6-1, R2.5-2, R2.5-3): the large-savings status with its rule, the figures
 * per year (expandable to the parts), charts with the same figures, the flagged costs, and for the county's officer
 * the costs and opening-balance editors; then the economic reviews and the savings plan.
 */
export function EconomyTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const economy = useQuery(municipalityEconomyQuery(code));
  const [dialog, setDialog] = useState<"costs" | "opening" | "due" | null>(null);
  // The county's own municipalities (the server checks the scope too; a municipality's code starts with its county's).
  const ownCounty = me.role === "county" && me.county === code.slice(0, 2);
  const mayWrite = can(me, "costs.write") && ownCounty;
  const mayMoveDue = can(me, "largeSavings.write") && ownCounty;
  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="economy-heading">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="economy-heading">
            {t("economy.municipality.title")}
          </Title>
          {mayWrite && (
            <Group gap="sm">
              <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setDialog("costs")}>
                {t("economy.municipality.enterCosts")}
              </Button>
              <Button variant="default" onClick={() => setDialog("opening")}>
                {t("economy.municipality.openingBalance")}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" maw={820}>
          {t("economy.municipality.intro")}
        </Text>
        <QueryView query={economy}>
          {(data) => <EconomyView data={data} onMoveDue={mayMoveDue ? () => setDialog("due") : undefined} />}
        </QueryView>
      </Stack>
      {/* The savings plan against its outcome (R2.6-2) and the economic reviews (R2.5-1), from economic-reviews. */}
      <SavingsPlanSection code={code} />
      <EconomicReviewsSection code={code} />
      {mayWrite && (
        <>
          <AppModal opened={dialog === "costs"} onClose={() => setDialog(null)} title={t("economy.costs.title")}>
            {dialog === "costs" && (
              <CostsEditor
                code={code}
                years={economy.data?.years.map((y) => y.year) ?? []}
                onDone={() => setDialog(null)}
              />
            )}
          </AppModal>
          <AppModal opened={dialog === "opening"} onClose={() => setDialog(null)} title={t("economy.opening.title")}>
            {dialog === "opening" && economy.data && (
              <OpeningBalanceEditor code={code} economy={economy.data} onDone={() => setDialog(null)} />
            )}
          </AppModal>
        </>
      )}
      {mayMoveDue && (
        <AppModal opened={dialog === "due"} onClose={() => setDialog(null)} title={t("economy.due.title")}>
          {dialog === "due" && economy.data?.largeSavings.planDueOn && (
            <PlanDueForm code={code} current={economy.data.largeSavings.planDueOn} onDone={() => setDialog(null)} />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

function EconomyView({ data, onMoveDue }: { data: MunicipalityEconomy; onMoveDue: (() => void) | undefined }) {
  const { t } = useTranslation();
  const years = [...data.years].sort((a, b) => b.year - a.year);
  const anyAmounts = years.some((y) => y.parts.length > 0);
  const partNames = new Map(data.years.flatMap((y) => y.parts.map((p) => [p.part, p.name] as const)));
  return (
    <Stack gap="lg">
      <LargeSavingsStatus data={data} onMoveDue={onMoveDue} />
      {!anyAmounts ? (
        <EmptyState>{t("economy.municipality.emptyAll")}</EmptyState>
      ) : (
        <>
          <YearTable years={years} />
          <Charts years={years} />
        </>
      )}
      <FlagsTable flags={data.flags} partNames={partNames} />
    </Stack>
  );
}

function LargeSavingsStatus({ data, onMoveDue }: { data: MunicipalityEconomy; onMoveDue: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const ruleParts = useRuleParts();
  const status = data.largeSavings;
  const rule = data.rules.largeSavingsShare;
  if (status.status) {
    const values = { share: shareText(status.share, i18n.language), ...ruleParts(rule) };
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("economy.status.title")}
        data-testid="large-savings-status"
        styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: TEXT_COLOR.orange } }}
      >
        <Stack gap={4}>
          <Text fw={600}>
            {status.share === null
              ? rule.unverified
                ? t("economy.status.largeSecretUnverified", values)
                : t("economy.status.largeSecret", values)
              : rule.unverified
                ? t("economy.status.largeUnverified", values)
                : t("economy.status.large", values)}
          </Text>
          {status.judgedYear !== null && (
            <Text size="sm">{t("economy.status.judged", { year: status.judgedYear })}</Text>
          )}
          {status.since && <Text size="sm">{t("economy.status.since", { date: status.since })}</Text>}
          {status.planDueOn && <Text size="sm">{t("economy.status.planDue", { date: status.planDueOn })}</Text>}
          {status.planDueOn && onMoveDue && (
            <Group>
              <Button size="compact-sm" variant="default" onClick={onMoveDue}>
                {t("economy.due.open")}
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" data-testid="large-savings-status">
      <Stack gap={4}>
        <Text>
          {status.judgedYear === null
            ? t("economy.status.notJudged")
            : status.share === null
              ? t("economy.status.notLargeSecret", { year: status.judgedYear })
              : t("economy.status.notLarge", {
                  share: shareText(status.share, i18n.language),
                  year: status.judgedYear,
                })}
        </Text>
        <RuleText rule={rule} />
      </Stack>
    </Paper>
  );
}

/** An amount, or "Sekretess" where the reader may not see it. */
function Amount({ value, secret }: { value: number | null; secret: boolean }) {
  const { t } = useTranslation();
  if (value === null) return secret ? <ConfidentialAmount mark={null} /> : <>{t("economy.none")}</>;
  return <span style={{ whiteSpace: "nowrap" }}>{formatAmount(value)}</span>;
}

/**
 * The one explanation of the totals the reader may not see (R2.6-1): which years, the legal basis and who may read
 * them. The rows then only say "Sekretess", so that they stay short; the table refers to this note.
 */
function SecretYearsNote({ id, years }: { id: string; years: Year[] }) {
  const { t } = useTranslation();
  const groups = secretYearGroups(years);
  if (groups.length === 0) return null;
  return (
    <Paper withBorder p="sm" maw={820} id={id} data-testid="economy-secret-note">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconLock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={4}>
          {groups.map((g) => (
            <Text size="sm" key={g.years.join(",")}>
              {t("economy.municipality.secretYears", { count: g.years.length, years: yearRanges(g.years) })}{" "}
              {t("economy.municipality.secretBasis", { basis: g.basis })}{" "}
              {t("economy.municipality.readableBy", {
                names: g.readers.join(", ") || t("economy.municipality.nobody"),
              })}
            </Text>
          ))}
        </Stack>
      </Group>
    </Paper>
  );
}

export function YearTable({ years }: { years: Year[] }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (year: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(year)) next.delete(year);
      else next.add(year);
      return next;
    });
  const caption = t("economy.municipality.yearsCaption");
  const anySecret = secretYearGroups(years).length > 0;
  return (
    <Stack gap="xs" component="section" aria-labelledby="economy-years-heading">
      <Title order={3} size="h4" id="economy-years-heading">
        {caption}
      </Title>
      <SecretYearsNote id="economy-secret-note" years={years} />
      <TableScroll label={caption} minWidth={960}>
        <Table
          withTableBorder
          data-testid="economy-years"
          aria-describedby={anySecret ? "economy-secret-note" : undefined}
        >
          <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("economy.municipality.colYear")}</Table.Th>
              <Table.Th scope="col">{t("economy.municipality.colAnnounced")}</Table.Th>
              <Table.Th scope="col">{t("economy.municipality.colReceived")}</Table.Th>
              <Table.Th scope="col">{t("economy.municipality.colUsed")}</Table.Th>
              <Table.Th scope="col">{t("economy.municipality.colFlagged")}</Table.Th>
              <Table.Th scope="col">{t("economy.municipality.colClosing")}</Table.Th>
              <Table.Th scope="col">{t("economy.municipality.colShare")}</Table.Th>
              <Table.Th scope="col">{t("economy.municipality.colDetails")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ verticalAlign: "top" }}>
            {years.map((y) => {
              const expanded = open.has(y.year);
              const secret = y.totalConfidential !== null;
              // Before the year's costs are in, its savings are the whole compensation: no share, no large savings.
              const share = knownShare(y.total.share, y.costsIn);
              const detailsId = `economy-parts-${y.year}`;
              return (
                <Fragment key={y.year}>
                  <Table.Tr data-testid={`economy-year-${y.year}`}>
                    <Table.Th scope="row">
                      <Stack gap={2}>
                        <Text fw={600}>{y.year}</Text>
                        {y.largeSavings && y.costsIn && (
                          <Text size="xs" fw={600} style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
                            <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-9)" />
                            {t("economy.municipality.largeYear")}
                          </Text>
                        )}
                        {!y.costsIn && <Text size="xs">{t("economy.municipality.costsMissing")}</Text>}
                        {y.costSource && (
                          <Text size="xs" fw={400}>
                            {t("economy.municipality.costSource", { source: t(`economy.costSource.${y.costSource}`) })}
                          </Text>
                        )}
                        {y.manualCompilation && (
                          <Text size="xs" fw={600} data-testid="manual-compilation">
                            {t("economy.municipality.manual")}
                          </Text>
                        )}
                        {y.totalConfidential?.canRead && <Text size="xs">{t("economy.municipality.totalSecret")}</Text>}
                      </Stack>
                    </Table.Th>
                    {y.parts.length === 0 ? (
                      <Table.Td colSpan={7}>{t("economy.municipality.empty")}</Table.Td>
                    ) : (
                      <>
                        <Table.Td>
                          <Amount value={y.total.announced} secret={secret} />
                        </Table.Td>
                        <Table.Td>
                          <Amount value={y.total.received} secret={secret} />
                        </Table.Td>
                        <Table.Td>
                          <Amount value={y.total.usedCosts} secret={secret} />
                        </Table.Td>
                        <Table.Td>
                          <Amount value={y.total.flaggedCosts} secret={secret} />
                        </Table.Td>
                        <Table.Td>
                          <Amount value={y.total.closing} secret={secret} />
                        </Table.Td>
                        <Table.Td>
                          {!y.costsIn ? (
                            <NoShare />
                          ) : share === null && secret ? (
                            <ConfidentialAmount mark={null} />
                          ) : (
                            shareText(share, i18n.language)
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            aria-expanded={expanded}
                            aria-controls={expanded ? detailsId : undefined}
                            leftSection={
                              expanded ? (
                                <IconChevronDown size={16} aria-hidden />
                              ) : (
                                <IconChevronRight size={16} aria-hidden />
                              )
                            }
                            onClick={() => toggle(y.year)}
                          >
                            {expanded
                              ? t("economy.municipality.hideParts", { year: y.year })
                              : t("economy.municipality.showParts", { year: y.year })}
                          </Button>
                        </Table.Td>
                      </>
                    )}
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr id={detailsId}>
                      <Table.Td colSpan={8} bg="var(--mantine-color-gray-0)">
                        <PartsTable year={y} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

function PartsTable({ year }: { year: Year }) {
  const { t } = useTranslation();
  if (year.parts.length === 0) return <Text>{t("economy.municipality.empty")}</Text>;
  return (
    <Table withTableBorder data-testid={`economy-parts-${year.year}`}>
      <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>
        {t("economy.municipality.partsCaption", { year: year.year })}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("economy.municipality.colPart")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colStatus")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colAnnounced")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colReceived")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colOpening")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colUsed")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colFlagged")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colOwnFunding")}</Table.Th>
          <Table.Th scope="col">{t("economy.municipality.colClosing")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody style={{ verticalAlign: "top" }}>
        {year.parts.map((p) => (
          <PartRow key={p.part} part={p} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PartRow({ part }: { part: PartYear }) {
  const { t } = useTranslation();
  const hidden = part.confidential !== null && !part.confidential.canRead;
  const cell = (value: number | null) => <Amount value={value} secret={part.confidential !== null} />;
  return (
    <Table.Tr data-testid={`economy-part-${part.part}`}>
      <Table.Th scope="row">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {part.name}
          </Text>
          {!part.countsTowardSavings && (
            <Text size="xs" fs="italic">
              {t("economy.municipality.notCounting")}
            </Text>
          )}
        </Stack>
      </Table.Th>
      <Table.Td>{part.status ? t(`economy.compensationStatus.${part.status}`) : t("economy.none")}</Table.Td>
      {hidden ? (
        <Table.Td colSpan={7}>
          <ConfidentialAmount mark={part.confidential} />
        </Table.Td>
      ) : (
        <>
          <Table.Td>{cell(part.announced)}</Table.Td>
          <Table.Td>{cell(part.received)}</Table.Td>
          <Table.Td>{part.countsTowardSavings ? cell(part.opening) : t("economy.none")}</Table.Td>
          <Table.Td>{cell(part.usedCosts)}</Table.Td>
          <Table.Td>{cell(part.flaggedCosts)}</Table.Td>
          <Table.Td>{cell(part.ownFunding)}</Table.Td>
          <Table.Td>{part.countsTowardSavings ? cell(part.closing) : t("economy.none")}</Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

/** Two charts over the years; the year table above holds the same figures for those who do not see the charts. */
function Charts({ years }: { years: Year[] }) {
  const { t } = useTranslation();
  const charted = [...years]
    .sort((a, b) => a.year - b.year)
    .filter((y) => y.parts.length > 0)
    .filter((y) => y.total.received !== null && y.total.usedCosts !== null && y.total.closing !== null)
    .filter((y) => y.costsIn);
  const withParts = years.filter((y) => y.parts.length > 0);
  const leftOut = withParts.some((y) => y.total.closing === null);
  const noCosts = withParts.some((y) => !y.costsIn && y.total.closing !== null);
  const data = charted.map((y) => ({
    year: String(y.year),
    received: y.total.received,
    usedCosts: y.total.usedCosts,
    closing: y.total.closing,
  }));
  const barLabel = t("economy.municipality.receivedVsUsed");
  const lineLabel = t("economy.municipality.savingsPerYear");
  return (
    <Stack gap="xs" component="section" aria-labelledby="economy-charts-heading">
      <Title order={3} size="h4" id="economy-charts-heading">
        {t("economy.municipality.chartsTitle")}
      </Title>
      <Text size="sm">{t("economy.municipality.chartsNote")}</Text>
      {leftOut && <Text size="sm">{t("economy.municipality.chartsSecretNote")}</Text>}
      {noCosts && <Text size="sm">{t("economy.municipality.chartsNoCostsNote")}</Text>}
      {data.length === 0 ? (
        <EmptyState>{t("economy.municipality.chartNoData")}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <figure style={{ margin: 0, minWidth: 0 }}>
            <figcaption>
              <Text fw={600} size="sm" mb="xs">
                {barLabel}
              </Text>
            </figcaption>
            <BarChart
              role="img"
              aria-label={barLabel}
              h={280}
              data={data}
              dataKey="year"
              series={[
                { name: "received", label: t("economy.municipality.chartReceived"), color: "uppsikt.7" },
                { name: "usedCosts", label: t("economy.municipality.chartUsed"), color: "orange.8" },
              ]}
              valueFormatter={formatAmount}
              yAxisProps={{ width: 120 }}
              withLegend
              accessibilityLayer={false}
            />
          </figure>
          <figure style={{ margin: 0, minWidth: 0 }}>
            <figcaption>
              <Text fw={600} size="sm" mb="xs">
                {lineLabel}
              </Text>
            </figcaption>
            <LineChart
              role="img"
              aria-label={lineLabel}
              h={280}
              data={data}
              dataKey="year"
              series={[{ name: "closing", label: t("economy.municipality.chartClosing"), color: "uppsikt.7" }]}
              valueFormatter={formatAmount}
              yAxisProps={{ width: 120 }}
              withLegend
              accessibilityLayer={false}
            />
          </figure>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function FlagsTable({ flags, partNames }: { flags: MunicipalityEconomy["flags"]; partNames: Map<string, string> }) {
  const { t } = useTranslation();
  const caption = t("economy.municipality.flagsCaption");
  const sorted = [...flags].sort((a, b) => b.year - a.year);
  return (
    <Stack gap="xs" component="section" aria-labelledby="economy-flags-heading">
      <Title order={3} size="h4" id="economy-flags-heading">
        {t("economy.municipality.flagsTitle")}
      </Title>
      <Text size="sm" maw={820}>
        {t("economy.municipality.flagsIntro")}
      </Text>
      {sorted.length === 0 ? (
        <EmptyState>{t("economy.municipality.flagsEmpty")}</EmptyState>
      ) : (
        <TableScroll label={caption} minWidth={900}>
          <Table withTableBorder striped data-testid="economy-flags">
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("economy.municipality.colYear")}</Table.Th>
                <Table.Th scope="col">{t("economy.municipality.colPart")}</Table.Th>
                <Table.Th scope="col">{t("economy.municipality.colCategory")}</Table.Th>
                <Table.Th scope="col">{t("economy.municipality.colAmount")}</Table.Th>
                <Table.Th scope="col">{t("economy.municipality.colRule")}</Table.Th>
                <Table.Th scope="col">{t("economy.municipality.colSource")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ verticalAlign: "top" }}>
              {sorted.map((f) => (
                <Table.Tr key={`${f.year}|${f.part}|${f.category}`}>
                  <Table.Td>{f.year}</Table.Td>
                  <Table.Td>{partNames.get(f.part) ?? f.part}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{f.categoryName}</Text>
                      <Text size="xs" fw={600} style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
                        <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-orange-9)" />
                        {t(`economy.eligibility.${f.eligibility}`)}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{amountText(f.amount, t("economy.secret"))}</Table.Td>
                  <Table.Td>{f.rule}</Table.Td>
                  <Table.Td>{f.source ?? t("economy.municipality.noSource")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}

/** The county moves the savings plan's due date of the open large-savings detection (R2.6-2). */
function PlanDueForm({ code, current, onDone }: { code: string; current: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof LargeSavingsDuePut>) => putPlanDue(code, body),
    onSuccess: () => {
      invalidateEconomy(queryClient);
      notifySaved(t("economy.due.saved"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: LargeSavingsDuePut,
    initialValues: { planDueOn: current },
    onSubmit: (value) => mutation.mutate(value),
  });
  return (
    <form {...contract.formProps} data-plan-due-form>
      <Stack gap="md">
        <Text size="sm">{t("economy.due.intro")}</Text>
        <FormMessages form={contract} />
        <DateField label={t("economy.due.label")} required w={260} {...contract.field("planDueOn")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("economy.due.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
