import { Text } from "@mantine/core";
import type { RuleValue } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { shareText } from "./model";

export type Rule = z.infer<typeof RuleValue>;

/** The limit and source of the large-savings rule, in a sentence. */
export function useRuleParts() {
  const { t, i18n } = useTranslation();
  return (rule: Rule) => ({
    limit: shareText(rule.value, i18n.language),
    source: rule.source ?? t("economy.rule.noSource"),
  });
}

/** The rule that decides large savings, shown wherever the status is (R2.6-1). */
export function RuleText({ rule }: { rule: Rule }) {
  const { t } = useTranslation();
  const parts = useRuleParts()(rule);
  return (
    <Text size="sm" data-testid="large-savings-rule">
      {rule.unverified ? t("economy.rule.lineUnverified", parts) : t("economy.rule.line", parts)}
    </Text>
  );
}
