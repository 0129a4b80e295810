import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconLock, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueries } from "@tanstack/react-query";
import { formatAmount, type AnnualReport } from "@uppsikt/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { TableScroll } from "../../components/TableScroll";
import { compensationPartsQuery, costCategoriesQuery } from "../economy/api";
import { partActiveIn } from "../economy/model";
import { questionAnchor, type CostRow } from "./model";

function Secret() {
  const { t } = useTranslation();
  return (
    <Text span size="sm" fw={600} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
      <IconLock size={14} aria-hidden />
      {t("annualReports.economy.secret")}
    </Text>
  );
}

/**
 * The report's economy part: the compensation received per part, read-only from the agency's figures, and the costs
 * per part and cost category with the manual-compilation flag (the economy's parts and the year's categories).
 */
export function EconomyPart({
  report,
  costs,
  onCosts,
  editable,
  aside,
}: {
  report: AnnualReport;
  costs: CostRow[];
  onCosts: (rows: CostRow[]) => void;
  editable: boolean;
  /** The county's comments or the reviewer's comment field on the economy. */
  aside?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [parts, categories] = useQueries({ queries: [compensationPartsQuery, costCategoriesQuery(report.year)] });
  const failed = [parts, categories].find((q) => q.isError);
  const partName = (code: string) => {
    const p = parts.data?.items.find((x) => x.code === code);
    return p ? (en ? p.nameEn : p.name) : (report.compensation.find((c) => c.part === code)?.name ?? code);
  };
  const categoryName = (code: string) => {
    const c = categories.data?.items.find((x) => x.code === code);
    return c ? (en ? c.nameEn : c.name) : code;
  };
  const compensationCaption = t("annualReports.economy.compensationCaption");
  const costsCaption = t("annualReports.economy.costsCaption");
  const activeParts = (parts.data?.items ?? []).filter((p) => partActiveIn(p, report.year));

  return (
    <Stack gap="lg" id={questionAnchor("economy")} tabIndex={-1}>
      <Stack gap="xs" component="section" aria-labelledby="annual-compensation-heading">
        <Title order={4} id="annual-compensation-heading">
          {t("annualReports.economy.compensationTitle")}
        </Title>
        <Text size="sm">{t("annualReports.economy.compensationIntro")}</Text>
        {report.compensation.length === 0 ? (
          <Text size="sm">{t("annualReports.economy.compensationEmpty")}</Text>
        ) : (
          <TableScroll label={compensationCaption} minWidth={420}>
            <Table withTableBorder striped data-testid="annual-compensation">
              <Table.Caption className="visually-hidden-text">{compensationCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("annualReports.economy.colPart")}</Table.Th>
                  <Table.Th scope="col">{t("annualReports.economy.colAmount")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.compensation.map((c) => (
                  <Table.Tr key={c.part}>
                    <Table.Th scope="row" fw={400}>
                      {c.name}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {c.amount === null ? <Secret /> : formatAmount(c.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="annual-costs-heading">
        <Title order={4} id="annual-costs-heading">
          {t("annualReports.economy.costsTitle")}
        </Title>
        {aside}
        {editable && <Text size="sm">{t("annualReports.economy.costsIntro")}</Text>}
        {failed ? (
          <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
        ) : !parts.data || !categories.data ? (
          <LoadingState />
        ) : !editable ? (
          costs.length === 0 ? (
            <Text size="sm">{t("annualReports.economy.costsEmpty")}</Text>
          ) : (
            <TableScroll label={costsCaption} minWidth={560}>
              <Table withTableBorder striped data-testid="annual-costs">
                <Table.Caption className="visually-hidden-text">{costsCaption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("annualReports.economy.colPart")}</Table.Th>
                    <Table.Th scope="col">{t("annualReports.economy.colCategory")}</Table.Th>
                    <Table.Th scope="col">{t("annualReports.economy.colAmount")}</Table.Th>
                    <Table.Th scope="col">{t("annualReports.economy.colManual")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {costs.map((c) => (
                    <Table.Tr key={`${c.part}|${c.category}`}>
                      <Table.Td>{partName(c.part)}</Table.Td>
                      <Table.Td>{categoryName(c.category)}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {typeof c.amount === "number" ? formatAmount(c.amount) : "–"}
                      </Table.Td>
                      <Table.Td>{c.manualCompilation ? t("annualReports.yes") : t("annualReports.no")}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        ) : activeParts.length === 0 ? (
          <Alert color="gray">{t("annualReports.economy.noParts")}</Alert>
        ) : (
          <Stack gap="sm">
            {costs.length === 0 && <Text size="sm">{t("annualReports.economy.costsEmpty")}</Text>}
            {costs.map((row, i) => {
              const n = i + 1;
              const set = (patch: Partial<CostRow>) => onCosts(costs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
              return (
                <Fieldset key={i} legend={t("annualReports.economy.row", { n })} data-testid="annual-cost-row">
                  <Group align="flex-end" gap="sm">
                    <NativeSelect
                      label={t("annualReports.economy.part")}
                      required
                      w={{ base: "100%", sm: 260 }}
                      data={activeParts.map((p) => ({ value: p.code, label: en ? p.nameEn : p.name }))}
                      value={row.part}
                      onChange={(e) => set({ part: e.currentTarget.value })}
                    />
                    <NativeSelect
                      label={t("annualReports.economy.category")}
                      required
                      w={{ base: "100%", sm: 300 }}
                      data={categories.data.items.map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
                      value={row.category}
                      onChange={(e) => set({ category: e.currentTarget.value })}
                    />
                    <NumberInput
                      label={t("annualReports.economy.amount")}
                      required
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator=" "
                      suffix=" kr"
                      w={{ base: "100%", sm: 200 }}
                      value={row.amount}
                      onChange={(v) => set({ amount: typeof v === "number" ? v : "" })}
                    />
                    <ActionIcon
                      variant="default"
                      size="lg"
                      mb={4}
                      aria-label={t("annualReports.economy.remove", { n })}
                      onClick={() => onCosts(costs.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                  <Checkbox
                    mt="sm"
                    label={t("annualReports.economy.manual")}
                    description={t("annualReports.economy.manualHelp")}
                    checked={row.manualCompilation}
                    onChange={(e) => set({ manualCompilation: e.currentTarget.checked })}
                  />
                </Fieldset>
              );
            })}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  onCosts([
                    ...costs,
                    {
                      part: activeParts[0]?.code ?? "",
                      category: categories.data.items[0]?.code ?? "",
                      amount: "",
                      manualCompilation: false,
                    },
                  ])
                }
              >
                {t("annualReports.economy.add")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
