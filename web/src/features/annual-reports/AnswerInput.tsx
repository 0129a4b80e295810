import { ActionIcon, Button, Checkbox, Group, NumberInput, Radio, Stack, Table, Text, Textarea } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { AnswerValue, Question } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateField";
import { TableScroll } from "../../components/TableScroll";
import {
  choicesAnswer,
  choicesValue,
  emptyRow,
  groupRows,
  numberAnswer,
  numberValue,
  questionAnchor,
  textAnswer,
  textValue,
  yesNoAnswer,
  yesNoValue,
  type FieldSpec,
  type GroupRow,
} from "./model";

type Scalar = boolean | number | string | null;

/** A short input under a label that may be long: the input is narrow, the label keeps the line. */
const NARROW = { wrapper: { maxWidth: 240 } };

interface InputProps {
  spec: FieldSpec;
  value: AnswerValue | Scalar | undefined;
  onChange: (value: Scalar | string[]) => void;
  /** The element id the missing list focuses. */
  anchor: string;
  /** The visible label (a group's cell names its row). */
  label: string;
  description?: string;
  /** Inside a group's table the column header shows the label; the field keeps it for screen readers. */
  hideLabel?: boolean;
}

/** One answer's field by the question's type; the help text is its description, a required one is marked. */
export function AnswerInput({ spec, value, onChange, anchor, label, description, hideLabel = false }: InputProps) {
  const { t } = useTranslation();
  const common = {
    label,
    description,
    required: spec.required,
    labelProps: hideLabel ? { className: "visually-hidden-text" } : undefined,
  };
  switch (spec.type) {
    case "yesNo":
      return (
        <Radio.Group id={anchor} {...common} value={yesNoValue(value)} onChange={(v) => onChange(yesNoAnswer(v))}>
          <Group gap="lg" mt={6}>
            <Radio value="yes" label={t("annualReports.yes")} />
            <Radio value="no" label={t("annualReports.no")} />
          </Group>
        </Radio.Group>
      );
    case "singleChoice":
      return (
        <Radio.Group
          id={anchor}
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(v) => onChange(v === "" ? null : v)}
        >
          <Stack gap={6} mt={6}>
            {(spec.choices ?? []).map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "multipleChoice":
      return (
        <Checkbox.Group
          id={anchor}
          {...common}
          value={choicesValue(value)}
          onChange={(v) => onChange(choicesAnswer(v))}
        >
          <Stack gap={6} mt={6}>
            {(spec.choices ?? []).map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case "number":
      return (
        <NumberInput
          id={anchor}
          {...common}
          decimalSeparator=","
          thousandSeparator=" "
          styles={NARROW}
          value={numberValue(value)}
          onChange={(v) => onChange(numberAnswer(v))}
        />
      );
    case "amount":
      return (
        <NumberInput
          id={anchor}
          {...common}
          allowDecimal={false}
          allowNegative={false}
          min={0}
          thousandSeparator=" "
          suffix=" kr"
          styles={NARROW}
          value={numberValue(value)}
          onChange={(v) => onChange(numberAnswer(v))}
        />
      );
    case "date":
      return (
        <DateField
          id={anchor}
          {...common}
          styles={NARROW}
          value={textValue(value)}
          onChange={(v) => onChange(v === "" ? null : v)}
        />
      );
    default:
      return (
        <Textarea
          id={anchor}
          {...common}
          autosize
          minRows={3}
          maxRows={14}
          value={textValue(value)}
          onChange={(e) => onChange(textAnswer(e.currentTarget.value))}
        />
      );
  }
}

/** A repeating group: a table with one row per item, each cell a field, and buttons to add and remove rows. */
export function GroupInput({
  question,
  value,
  onChange,
}: {
  question: Question;
  value: AnswerValue | null | undefined;
  onChange: (rows: GroupRow[] | null) => void;
}) {
  const { t } = useTranslation();
  const fields = question.fields ?? [];
  const rows = groupRows(value);
  const set = (next: GroupRow[]) => onChange(next.length === 0 ? null : next);
  const caption = t("annualReports.group.caption", { label: question.label });
  return (
    <Stack gap="xs">
      {rows.length === 0 ? (
        <Text size="sm">{t("annualReports.group.noRows")}</Text>
      ) : (
        <TableScroll label={caption} minWidth={Math.max(560, fields.length * 220)}>
          <Table withTableBorder verticalSpacing="sm" style={{ verticalAlign: "top" }}>
            <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("annualReports.group.rowCol")}</Table.Th>
                {fields.map((f) => (
                  <Table.Th key={f.key} scope="col">
                    {f.label}
                    {f.required ? " *" : ""}
                  </Table.Th>
                ))}
                <Table.Th scope="col">
                  <span className="visually-hidden-text">{t("annualReports.group.actions")}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Th scope="row">{i + 1}</Table.Th>
                  {fields.map((f) => (
                    <Table.Td key={f.key} miw={180}>
                      <AnswerInput
                        spec={f}
                        anchor={questionAnchor(question.key, i, f.key)}
                        label={`${f.label}, ${t("annualReports.group.row", { n: i + 1 }).toLowerCase()}`}
                        hideLabel
                        value={row[f.key] ?? null}
                        onChange={(v) => set(rows.map((r, j) => (j === i ? { ...r, [f.key]: v as Scalar } : r)))}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t("annualReports.group.removeRow", { n: i + 1 })}
                      onClick={() => set(rows.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Group>
        <Button
          id={questionAnchor(question.key)}
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => set([...rows, emptyRow(fields)])}
        >
          {t("annualReports.group.addRow")}
          <span className="visually-hidden-text">: {question.label}</span>
        </Button>
      </Group>
    </Stack>
  );
}
