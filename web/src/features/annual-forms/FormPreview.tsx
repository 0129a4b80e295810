import { Badge, List, Paper, Stack, Text, Title } from "@mantine/core";
import { ANNUAL_FORM_QUESTION_PARTS, type AnnualForm, type Question } from "@uppsikt/core";
import { useTranslation } from "react-i18next";

function QuestionLine({ q }: { q: Question }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Stack gap={2}>
        <Text fw={600} size="sm">
          {q.label}
        </Text>
        <Text size="xs">
          {[
            t(`annualForms.type.${q.type}`),
            q.required ? t("annualForms.required") : t("annualForms.optional"),
            t(`annualForms.area.${q.area}`),
            t("annualForms.key", { key: q.key }),
          ].join(" · ")}
        </Text>
        {q.help && <Text size="xs">{q.help}</Text>}
        {q.choices && (
          <Text size="xs">{t("annualForms.choices", { choices: q.choices.map((c) => c.label).join(", ") })}</Text>
        )}
        {q.fields && (
          <Text size="xs">
            {t("annualForms.fields", {
              fields: q.fields.map((f) => `${f.label} (${t(`annualForms.type.${f.type}`).toLowerCase()})`).join(", "),
            })}
          </Text>
        )}
        {q.warning && (
          <div>
            <Badge variant="outline" color="orange" tt="none" size="sm" style={{ color: "#a13c00" }}>
              {t("annualForms.warning", { text: q.warning.text })}
            </Badge>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** A form to read: parts → sections → questions with type, required, area and warning sign. */
export function FormPreview({ form }: { form: AnnualForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="annual-form-preview">
      {ANNUAL_FORM_QUESTION_PARTS.map((part) => (
        <Stack key={part} gap="xs" component="section" aria-labelledby={`preview-${part}`}>
          <Title order={3} size="h4" id={`preview-${part}`}>
            {t(`annualForms.parts.${part}`)}
          </Title>
          {form.definition[part].sections.length === 0 && <Text size="sm">{t("annualForms.noSections")}</Text>}
          {form.definition[part].sections.map((s) => (
            <Stack key={s.key} gap={4}>
              <Title order={4} size="h5">
                {s.title}
              </Title>
              <List listStyleType="none" spacing={4} m={0} p={0}>
                {s.questions.map((q) => (
                  <List.Item key={q.key}>
                    <QuestionLine q={q} />
                  </List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </Stack>
      ))}
      <Stack gap="xs" component="section" aria-labelledby="preview-economy">
        <Title order={3} size="h4" id="preview-economy">
          {t("annualForms.parts.economy")}
        </Title>
        <Text size="sm">{t("annualForms.economyPart")}</Text>
      </Stack>
    </Stack>
  );
}
