import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { DocumentReview } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/datetime";
import { LibraryNote, groupByArea } from "./ReviewForm";
import { ReviewResultText } from "./ReviewResultText";
import { SERVER_LANG } from "./labels";

/** A review to read: the outcome, the summary and each criterion's result and comment. */
export function ReviewView({ review }: { review: DocumentReview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <LibraryNote review={review} />
      {review.completedAt && review.reviewer && (
        <Stack gap={4}>
          <Text>
            {t("documents.review.completed", { at: formatDateTime(review.completedAt), name: review.reviewer.name })}
          </Text>
          {review.outcome && (
            <Text fw={700}>
              {t("documents.review.outcomeLabel")} {t(`documents.review.outcomes.${review.outcome}`)}
            </Text>
          )}
        </Stack>
      )}
      {review.summary && (
        <div>
          <Text fw={600}>{t("documents.review.summaryLabel")}</Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{review.summary}</Text>
        </div>
      )}
      {groupByArea(review.criteria).map((area) => (
        <Stack key={area.code} gap="xs">
          <Title order={3} size="h4" lang={SERVER_LANG}>
            {area.title}
          </Title>
          {area.criteria.map((c) => (
            <Paper key={c.id} withBorder p="sm">
              <Stack gap={6}>
                <Text fw={700}>
                  {c.code}: <span lang={SERVER_LANG}>{c.text}</span>
                </Text>
                <Group gap="sm">
                  <Badge
                    variant="outline"
                    color="gray"
                    tt="none"
                    radius="sm"
                    style={{ color: "var(--mantine-color-dark-7)" }}
                  >
                    {t(`documents.review.tiers.${c.tier}`)}
                  </Badge>
                  <ReviewResultText result={c.result} />
                </Group>
                {c.comment && (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    <Text component="span" size="sm" fw={600}>
                      {t("documents.review.commentLabel")}:
                    </Text>{" "}
                    {c.comment}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
