import { Group, Stack, Table, Text, Title } from "@mantine/core";
import type { CountyCompilation } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { TableScroll } from "../../components/TableScroll";
import { AnchorLink } from "../../components/links";
import { ReportFlag } from "./Badges";
import { cellText, type CellWords, type ChoiceLabels } from "./model";

/** The first column stays in view while the questions scroll sideways. */
const STICKY = {
  position: "sticky",
  left: 0,
  zIndex: 1,
  background: "var(--mantine-color-body)",
  minWidth: 180,
} as const;

export function useCellWords(): CellWords {
  const { t } = useTranslation();
  return {
    yes: t("annualCompilations.yes"),
    no: t("annualCompilations.no"),
    none: t("annualCompilations.none"),
    rows: (count) => t("annualCompilations.rows", { count }),
  };
}

/** One row per municipality (linked to its Årsrapport tab), its status, then one column per question (R2.4-2). */
export function CompilationTable({
  data,
  labels,
  statusOn,
}: {
  data: CountyCompilation;
  labels: ChoiceLabels;
  /** The day each municipality's report reached its status, from the county's list of reports. */
  statusOn?: ReadonlyMap<string, string | null>;
}) {
  const { t } = useTranslation();
  const words = useCellWords();
  const caption = t("annualCompilations.county.caption", { year: data.year });
  if (data.rows.length === 0) return <EmptyState>{t("annualCompilations.county.empty")}</EmptyState>;
  return (
    <Stack gap="xs" component="section" aria-labelledby="compilation-table-heading">
      <Title order={2} size="h3" id="compilation-table-heading">
        {t("annualCompilations.county.tableTitle")}
      </Title>
      {data.questions.length === 0 && <Text size="sm">{t("annualCompilations.county.noQuestions")}</Text>}
      <TableScroll label={caption} minWidth={Math.max(600, 340 + data.questions.length * 180)}>
        <Table withTableBorder withColumnBorders striped data-testid="county-compilation" verticalSpacing="xs">
          <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={STICKY}>
                {t("annualCompilations.county.colMunicipality")}
              </Table.Th>
              <Table.Th scope="col" miw={160}>
                {t("annualCompilations.county.colStatusDate")}
              </Table.Th>
              {data.questions.map((q) => (
                <Table.Th key={q.key} scope="col" miw={160} style={{ verticalAlign: "bottom" }}>
                  <Text size="sm" fw={600} component="span" display="block">
                    {q.label}
                  </Text>
                  <Text size="xs" c="dimmed" component="span" display="block" fw={400}>
                    {t(`annualCompilations.parts.${q.part}`)}
                    {q.area ? `, ${t(`annualCompilations.areas.${q.area}`)}` : ""}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ verticalAlign: "top" }}>
            {data.rows.map((row) => (
              <Table.Tr key={row.municipality.code} data-testid={`compilation-row-${row.municipality.code}`}>
                <Table.Th scope="row" style={STICKY}>
                  <AnchorLink
                    to="/kommun/$code"
                    params={{ code: row.municipality.code }}
                    search={{ flik: "arsrapport" }}
                  >
                    {row.municipality.name}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="sm">
                      {t(`annualCompilations.status.${row.status}`)}
                      {statusOn?.get(row.municipality.code) &&
                        ` ${t("annualCompilations.county.statusOn", { date: statusOn.get(row.municipality.code) })}`}
                    </Text>
                    {row.submittedOn && (
                      <Text size="xs" style={{ whiteSpace: "nowrap" }}>
                        {t("annualCompilations.county.submittedOn", { date: row.submittedOn })}
                      </Text>
                    )}
                    {(row.late || row.missing) && (
                      <Group gap={4}>
                        {row.late && <ReportFlag flag="late" />}
                        {row.missing && <ReportFlag flag="missing" />}
                      </Group>
                    )}
                  </Stack>
                </Table.Td>
                {data.questions.map((q) => (
                  <Table.Td
                    key={q.key}
                    style={{ whiteSpace: q.type === "amount" || q.type === "date" ? "nowrap" : undefined }}
                  >
                    {cellText(q, row.answers[q.key], labels, words)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
