import { Group, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleDashed, IconCircleHalf2, IconCircleX, type Icon } from "@tabler/icons-react";
import type { ReviewResult } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { TEXT_COLOR } from "./colors";

const LOOK: Record<ReviewResult | "none", { icon: Icon; color: string }> = {
  met: { icon: IconCircleCheck, color: "green" },
  partlyMet: { icon: IconCircleHalf2, color: "orange" },
  notMet: { icon: IconCircleX, color: "red" },
  none: { icon: IconCircleDashed, color: "gray" },
};

/** One criterion's result as icon and words. */
export function ReviewResultText({ result }: { result: ReviewResult | null }) {
  const { t } = useTranslation();
  const look = LOOK[result ?? "none"];
  const IconComponent = look.icon;
  const color = TEXT_COLOR[look.color] ?? TEXT_COLOR.gray;
  return (
    <Group gap={6} wrap="nowrap">
      <IconComponent size={18} aria-hidden color={color} style={{ flexShrink: 0 }} />
      <Text fw={600} size="sm" style={{ color }}>
        {result ? t(`documents.review.results.${result}`) : t("documents.review.notAssessed")}
      </Text>
    </Group>
  );
}
