import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CostsPut,
  OpeningBalancePut,
  formatAmount,
  type CompensationPart,
  type CostCategory,
  type MunicipalityCosts,
  type MunicipalityEconomy,
} from "@uppsikt/core";
import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isApiError } from "../../api/client";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { TableScroll } from "../../components/TableScroll";
import { notifyError, notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { formatDate } from "../../lib/formatDate";
import {
  compensationPartsQuery,
  costCategoriesQuery,
  economyKeys,
  invalidateEconomy,
  municipalityCostsQuery,
  putCosts,
  putOpeningBalance,
} from "./api";
import { ConfidentialAmount } from "./Confidential";
import { useThisYear } from "./YearSelect";
import { amountText, duplicateCostRows, editableYears, partActiveIn } from "./model";

/**
 * The county's costs for a year (R2.5-2, R4-1): every source's entry with the one that decides, and the county's own
 * items to edit (part, category with its eligibility, amount, manual compilation). Saved with its version; a stale
 * version answers 409, and the editor then reloads.
 */
export function CostsEditor({ code, years, onDone }: { code: string; years: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const offered = editableYears(years, useThisYear());
  const [year, setYear] = useState(() => offered.find((y) => years.includes(y)) ?? offered[0]!);
  const [costs, parts, categories] = useQueries({
    queries: [municipalityCostsQuery(code, year), compensationPartsQuery, costCategoriesQuery(year)],
  });
  const failed = [costs, parts, categories].find((q) => q.isError);
  return (
    <Stack gap="md">
      <Text size="sm">{t("economy.costs.intro")}</Text>
      <NativeSelect
        label={t("economy.costs.year")}
        value={String(year)}
        onChange={(e) => setYear(Number(e.currentTarget.value))}
        data={offered.map((y) => String(y))}
        w={160}
      />
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !costs.data || !parts.data || !categories.data ? (
        <LoadingState />
      ) : (
        <>
          <CostSets costs={costs.data} parts={parts.data.items} />
          <CostsForm
            key={`${year}|${costs.data.sets.find((s) => s.source === "county")?.version ?? 0}`}
            code={code}
            year={year}
            costs={costs.data}
            parts={parts.data.items.filter((p) => partActiveIn(p, year))}
            categories={categories.data}
            onDone={onDone}
          />
        </>
      )}
    </Stack>
  );
}

function CostSets({ costs, parts }: { costs: MunicipalityCosts; parts: CompensationPart[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const partName = (code: string) => {
    const p = parts.find((x) => x.code === code);
    return p ? (en ? p.nameEn : p.name) : code;
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="cost-sets-heading">
      <Title order={3} size="h4" id="cost-sets-heading">
        {t("economy.costs.setsTitle")}
      </Title>
      {costs.sets.length === 0 ? (
        <Text size="sm">{t("economy.costs.setsEmpty")}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" ml={0} pl={0} data-testid="cost-sets">
          {costs.sets.map((set) => {
            const amounts = set.items.map((i) => i.amount);
            const secret = amounts.some((a) => a === null);
            const sum = amounts.reduce<number>((n, a) => n + (a ?? 0), 0);
            const caption = t("economy.costs.setCaption", { source: t(`economy.costSource.${set.source}`) });
            return (
              <List.Item key={set.source}>
                <Paper withBorder p="sm" data-testid={`cost-set-${set.source}`}>
                  <Stack gap={4}>
                    <Text fw={600} size="sm">
                      {t(`economy.costSource.${set.source}`)}:{" "}
                      {set.effective ? t("economy.costs.decides") : t("economy.costs.notDecides")}
                    </Text>
                    <Text size="sm">
                      {secret
                        ? t("economy.costs.setItemsSecret", { count: set.items.length })
                        : t("economy.costs.setItems", { count: set.items.length, sum: formatAmount(sum) })}
                    </Text>
                    <Text size="sm">
                      {set.updatedBy
                        ? t("economy.costs.updated", { date: formatDate(set.updatedAt), name: set.updatedBy.name })
                        : t("economy.costs.updatedNoName", { date: formatDate(set.updatedAt) })}
                    </Text>
                    {set.items.length > 0 && (
                      <TableScroll label={caption} minWidth={560}>
                        <Table withTableBorder fz="sm">
                          <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th scope="col">{t("economy.costs.part")}</Table.Th>
                              <Table.Th scope="col">{t("economy.costs.category")}</Table.Th>
                              <Table.Th scope="col">{t("economy.costs.amountCol")}</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody style={{ verticalAlign: "top" }}>
                            {set.items.map((item) => (
                              <Table.Tr key={`${item.part}|${item.category}`}>
                                <Table.Td>{partName(item.part)}</Table.Td>
                                <Table.Td>
                                  <Stack gap={0}>
                                    <span lang="sv">{item.categoryName}</span>
                                    {item.eligibility !== "eligible" && (
                                      <Text size="xs" fw={600}>
                                        {t(`economy.eligibility.${item.eligibility}`)}
                                      </Text>
                                    )}
                                    {item.manualCompilation && (
                                      <Text size="xs" fw={600}>
                                        {t("economy.municipality.manual")}
                                      </Text>
                                    )}
                                  </Stack>
                                </Table.Td>
                                <Table.Td style={{ whiteSpace: "nowrap" }}>
                                  {item.amount === null ? (
                                    <ConfidentialAmount mark={item.confidential} compact />
                                  ) : (
                                    formatAmount(item.amount)
                                  )}
                                </Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </TableScroll>
                    )}
                  </Stack>
                </Paper>
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}

interface Row extends Record<string, unknown> {
  part: string;
  category: string;
  amount: number | string;
  manualCompilation: boolean;
}

function CostsForm({
  code,
  year,
  costs,
  parts,
  categories,
  onDone,
}: {
  code: string;
  year: number;
  costs: MunicipalityCosts;
  parts: CompensationPart[];
  categories: { instructions: string; example: boolean; items: CostCategory[] };
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const en = i18n.language === "en";
  const own = costs.sets.find((s) => s.source === "county");
  const hiddenItems = own?.items.some((i) => i.amount === null) ?? false;
  const version = own?.version ?? 0;
  const blank = (): Row => ({
    part: parts[0]?.code ?? "",
    category: categories.items[0]?.code ?? "",
    amount: "",
    manualCompilation: false,
  });
  const mutation = useMutation({
    mutationFn: (body: CostsPut) => putCosts(code, body),
    onSuccess: () => {
      invalidateEconomy(queryClient);
      notifySaved(t("economy.costs.saved"));
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        notifyError(t("economy.costs.stale"));
        void queryClient.invalidateQueries({ queryKey: economyKeys.costs(code, year) });
        return;
      }
      contract.onServerError(error);
    },
  });
  const contract = useContractForm({
    schema: CostsPut,
    initialValues: {
      items: (own?.items ?? []).map((i): Row => ({
        part: i.part,
        category: i.category,
        amount: i.amount ?? "",
        manualCompilation: i.manualCompilation,
      })),
    },
    toInput: (v) => ({
      version,
      year,
      items: v.items.map((r) => ({
        part: r.part,
        category: r.category,
        amount: typeof r.amount === "number" ? r.amount : Number.NaN,
        manualCompilation: r.manualCompilation,
      })),
    }),
    // One row per part and category (the contract says so for the whole list; here the repeated row is named).
    validate: (v) =>
      Object.fromEntries(
        duplicateCostRows(v.items).map((i) => [`items.${i}.category`, t("economy.costs.duplicate")] as const),
      ),
    onSubmit: (value) => mutation.mutate(value),
  });
  const { form, field } = contract;
  const categoryOf = (code: string) => categories.items.find((c) => c.code === code);
  // Another source's readable items (the annual report's, an import's) to start the county's entry from.
  const template = own
    ? undefined
    : costs.sets.find((s) => s.source !== "county" && s.items.length > 0 && s.items.every((i) => i.amount !== null));
  const startFrom = () =>
    form.setFieldValue(
      "items",
      (template?.items ?? [])
        .filter((i) => parts.some((p) => p.code === i.part) && categories.items.some((c) => c.code === i.category))
        .map((i): Row => ({
          part: i.part,
          category: i.category,
          amount: i.amount ?? "",
          manualCompilation: i.manualCompilation,
        })),
    );

  if (hiddenItems) return <Alert color="gray">{t("economy.costs.secretItem")}</Alert>;
  if (parts.length === 0) return <Text>{t("economy.costs.noParts")}</Text>;
  return (
    <form {...contract.formProps} data-costs-form>
      <Stack gap="md">
        <Title order={3} size="h4">
          {t("economy.costs.formTitle", { year })}
        </Title>
        <Text size="sm">{t("economy.costs.instructions", { instructions: categories.instructions })}</Text>
        {categories.example && <Text size="sm">{t("economy.costs.example")}</Text>}
        <FormMessages form={contract} />
        {form.values.items.length === 0 && <Text size="sm">{t("economy.costs.noRows")}</Text>}
        {template && form.values.items.length === 0 && (
          <Group>
            <Button variant="default" onClick={startFrom} data-testid="costs-start-from">
              {t(`economy.costs.startFrom.${template.source}`)}
            </Button>
          </Group>
        )}
        {form.values.items.map((row, index) => {
          const category = categoryOf(row.category);
          const n = index + 1;
          return (
            <Fieldset key={index} legend={t("economy.costs.row", { n })} data-testid="cost-row">
              <Stack gap="xs">
                <Group align="flex-start" grow>
                  <NativeSelect
                    label={t("economy.costs.part")}
                    required
                    data={parts.map((p) => ({ value: p.code, label: en ? p.nameEn : p.name }))}
                    {...field(`items.${index}.part`)}
                  />
                  <NativeSelect
                    label={t("economy.costs.category")}
                    required
                    data={categories.items.map((c) => ({
                      value: c.code,
                      label: `${en ? c.nameEn : c.name} (${t(`economy.eligibility.${c.eligibility}`).toLowerCase()})`,
                    }))}
                    {...field(`items.${index}.category`)}
                  />
                </Group>
                {category?.eligibility === "notEligible" && (
                  <Alert
                    color="orange"
                    variant="light"
                    icon={<IconAlertTriangle aria-hidden />}
                    styles={{ message: { color: "var(--mantine-color-text)" } }}
                    data-testid="not-eligible-warning"
                  >
                    {t("economy.costs.notEligibleWarning", { rule: category.rule })}
                    {category.source ? ` (${category.source})` : ""}
                  </Alert>
                )}
                {category?.eligibility === "limited" && (
                  <Text size="sm">{t("economy.costs.limitedWarning", { rule: category.rule })}</Text>
                )}
                <Group align="flex-end" justify="space-between">
                  <NumberInput
                    label={t("economy.costs.amount")}
                    required
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator=" "
                    w={220}
                    {...field(`items.${index}.amount`)}
                  />
                  <Checkbox
                    label={t("economy.costs.manual")}
                    description={t("economy.costs.manualHelp")}
                    {...field(`items.${index}.manualCompilation`, { type: "checkbox" })}
                  />
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t("economy.costs.remove", { n })}
                    onClick={() => form.removeListItem("items", index)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => form.insertListItem("items", blank())}
          >
            {t("economy.costs.add")}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("economy.costs.save")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The opening balance of a part in its first followed year (R2.6-1), entered by the county with its version. */
export function OpeningBalanceEditor({
  code,
  economy,
  onDone,
}: {
  code: string;
  economy: MunicipalityEconomy;
  onDone: () => void;
}) {
  const parts = useQuery(compensationPartsQuery);
  if (parts.isError) return <ErrorState error={parts.error} onRetry={() => void parts.refetch()} />;
  if (!parts.data) return <LoadingState />;
  return (
    <OpeningBalanceForm
      code={code}
      economy={economy}
      parts={parts.data.items.filter((p) => p.countsTowardSavings)}
      onDone={onDone}
    />
  );
}

function OpeningBalanceForm({
  code,
  economy,
  parts,
  onDone,
}: {
  code: string;
  economy: MunicipalityEconomy;
  parts: CompensationPart[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const thisYear = useThisYear();
  const queryClient = useQueryClient();
  const en = i18n.language === "en";
  const nameOf = (part: string) => {
    const p = parts.find((x) => x.code === part);
    return p ? (en ? p.nameEn : p.name) : part;
  };
  const versionOf = (part: string, year: unknown) =>
    economy.openingBalances.find((b) => b.part === part && b.year === year)?.version ?? 0;
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof OpeningBalancePut>) => putOpeningBalance(code, body),
    onSuccess: () => {
      invalidateEconomy(queryClient);
      notifySaved(t("economy.opening.saved"));
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        notifyError(t("economy.opening.stale"));
        void queryClient.invalidateQueries({ queryKey: economyKeys.municipality(code) });
        return;
      }
      contract.onServerError(error);
    },
  });
  const first = parts[0];
  const contract = useContractForm({
    schema: OpeningBalancePut,
    initialValues: {
      part: first?.code ?? "",
      year: (first?.firstYear ?? thisYear) as number | string,
      amount: "" as number | string,
    },
    toInput: (v) => ({
      version: versionOf(v.part, v.year),
      part: v.part,
      year: typeof v.year === "number" ? v.year : Number.NaN,
      amount: typeof v.amount === "number" ? v.amount : Number.NaN,
    }),
    onSubmit: (value) => mutation.mutate(value),
  });
  const { form, field } = contract;
  const partField = field("part");
  // A part's opening balance is that of its first year: choosing the part proposes the year.
  const onPart = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = parts.find((p) => p.code === event.currentTarget.value);
    partField.onChange(event);
    if (chosen) form.setFieldValue("year", chosen.firstYear);
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t("economy.opening.intro")}</Text>
      <Stack gap={4} component="section" aria-labelledby="opening-existing-heading">
        <Title order={3} size="h4" id="opening-existing-heading">
          {t("economy.opening.existing")}
        </Title>
        {economy.openingBalances.length === 0 ? (
          <Text size="sm">{t("economy.opening.existingEmpty")}</Text>
        ) : (
          <List size="sm">
            {economy.openingBalances.map((b) => (
              <List.Item key={`${b.part}|${b.year}`}>
                {t("economy.opening.line", {
                  part: nameOf(b.part),
                  year: b.year,
                  amount: amountText(b.amount, t("economy.secret")),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <form {...contract.formProps} data-opening-form>
        <Stack gap="md">
          <FormMessages form={contract} />
          <NativeSelect
            label={t("economy.opening.part")}
            required
            data={parts.map((p) => ({ value: p.code, label: en ? p.nameEn : p.name }))}
            {...partField}
            onChange={onPart}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t("economy.opening.year")}
              required
              min={2000}
              max={2100}
              allowDecimal={false}
              thousandSeparator={false}
              {...field("year")}
            />
            <NumberInput
              label={t("economy.opening.amount")}
              required
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              {...field("amount")}
            />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("economy.opening.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
