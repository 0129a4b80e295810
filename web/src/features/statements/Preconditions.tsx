import { Alert, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import type { Statement } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { CheckBadge } from "./Badges";
import { EvidenceList } from "./Evidence";
import { preconditionRows, preconditionSummary } from "./model";

/**
 * The checklist before sending (R3.2-1, R3.2-3): each precondition met, missing or not applying, with its rule and
 * the evidence it was judged on.
 */
export function Preconditions({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  const rows = preconditionRows(s.preconditions);
  const summary = preconditionSummary(s.preconditions);
  return (
    <Stack gap="xs" component="section" aria-labelledby="preconditions-heading">
      <Title order={2} size="h3" id="preconditions-heading">
        {s.status === "sent" ? t("statements.preconditions.headingSent") : t("statements.preconditions.heading")}
      </Title>
      <Text size="sm">
        {s.status === "sent" ? t("statements.preconditions.introSent") : t("statements.preconditions.intro")}
      </Text>
      {s.initiatedBy === "municipality" && (
        <Alert
          variant="light"
          color="gray"
          icon={<IconInfoCircle aria-hidden />}
          styles={{ message: { color: "var(--mantine-color-text)" } }}
        >
          {t("statements.preconditions.municipalityInitiated")}
        </Alert>
      )}
      <Alert
        variant="light"
        color={summary.missing === 0 ? "green" : "orange"}
        icon={summary.missing === 0 ? <IconCircleCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
        styles={{ message: { color: "var(--mantine-color-text)", fontWeight: 600 } }}
      >
        {summary.missing === 0
          ? t("statements.preconditions.allMet")
          : summary.missing === 1
            ? t("statements.preconditions.oneMissing")
            : t("statements.preconditions.someMissing", { count: summary.missing })}
      </Alert>
      <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={t("statements.preconditions.listLabel")}>
        {rows.map((p) => {
          const name = t(`statements.precondition.${p.key}`);
          return (
            <List.Item key={p.key} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
              <Paper
                withBorder
                p="md"
                style={p.state === "missing" ? { borderLeft: "4px solid var(--mantine-color-red-8)" } : undefined}
              >
                <Stack gap={6}>
                  <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem 1rem", alignItems: "center" }}>
                    <Title order={3} size="h4">
                      {name}
                    </Title>
                    <CheckBadge state={p.state} />
                  </div>
                  <Text size="sm">
                    <Text span fw={600}>
                      {t("statements.rule")}:
                    </Text>{" "}
                    {p.rule}
                  </Text>
                  {p.state !== "notApplicable" && (
                    <>
                      <Text size="sm" fw={600}>
                        {t("statements.evidence")}
                      </Text>
                      <EvidenceList evidence={p.evidence} label={`${t("statements.evidence")}: ${name}`} />
                    </>
                  )}
                </Stack>
              </Paper>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
