import { Table, Text } from "@mantine/core";
import type { AnswerValue, Question } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/TableScroll";
import { answerText, groupRows, type AnswerWords } from "./model";

export function useAnswerWords(): AnswerWords {
  const { t, i18n } = useTranslation();
  return {
    yes: t("annualReports.yes"),
    no: t("annualReports.no"),
    none: t("annualReports.noAnswer"),
    language: i18n.language,
  };
}

/** An answer to read: words for a value, a table for a repeating group. */
export function AnswerView({ question, value }: { question: Question; value: AnswerValue | null | undefined }) {
  const { t } = useTranslation();
  const words = useAnswerWords();
  if (question.type !== "group")
    return (
      <Text style={{ whiteSpace: "pre-wrap" }} fs={value === null || value === undefined ? "italic" : undefined}>
        {answerText(question, value, words)}
      </Text>
    );
  const fields = question.fields ?? [];
  const rows = groupRows(value);
  if (rows.length === 0)
    return (
      <Text fs="italic" size="sm">
        {t("annualReports.group.noRows")}
      </Text>
    );
  const caption = t("annualReports.group.caption", { label: question.label });
  return (
    <TableScroll label={caption} minWidth={Math.max(480, fields.length * 160)}>
      <Table withTableBorder striped style={{ verticalAlign: "top" }}>
        <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("annualReports.group.rowCol")}</Table.Th>
            {fields.map((f) => (
              <Table.Th key={f.key} scope="col">
                {f.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              <Table.Th scope="row">{i + 1}</Table.Th>
              {fields.map((f) => (
                <Table.Td key={f.key} style={{ whiteSpace: "pre-wrap" }}>
                  {answerText(f, row[f.key] ?? null, words)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
