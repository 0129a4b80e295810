import { Paper, SimpleGrid, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";

interface CoverageValues {
  none: number;
  one: number;
  twoOrMore: number;
  held: number;
  planned: number;
}

/** The coverage of a period (R2.7-1): municipalities with no, one and two or more visits; held and planned apart. */
export function Coverage({ coverage, title }: { coverage: CoverageValues; title?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const facts = [
    ["none", coverage.none],
    ["one", coverage.one],
    ["twoOrMore", coverage.twoOrMore],
    ["held", coverage.held],
    ["planned", coverage.planned],
  ] as const;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title ?? t("visits.coverage.title")}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md" component="dl" style={{ margin: 0 }}>
        {facts.map(([key, value]) => (
          <div key={key}>
            <Text component="dt" size="sm" fw={600} c="dark.5">
              {t(`visits.coverage.${key}`)}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="xs">
        {t("visits.coverage.note")}
      </Text>
    </Paper>
  );
}
