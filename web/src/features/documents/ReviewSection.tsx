import { Stack, Text, Title } from "@mantine/core";
import { IconClipboardCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { allows } from "@uppsikt/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { reviewQuery } from "./api";
import { ButtonLink } from "../../components/links";
import { QueryView } from "../../components/QueryView";
import { formatDateTime } from "../../lib/datetime";
import { useMe } from "../auth/useSession";
import { useSelectedPeriod } from "./useSelectedPeriod";

const municipalityRoute = getRouteApi("/signed-in/kommun/$code");

interface ReviewSectionProps {
  versionId: string;
  versionNo: number;
  documentName: string;
  headingOrder: 5 | 6;
}

/**
 * Where the county's review of a version stands, and the way into it (R2.2-3): county users review,
 * the agency reads, the municipality reads it once it is completed — on the review page, beside the document.
 */
export function ReviewSection({ versionId, versionNo, documentName, headingOrder }: ReviewSectionProps) {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = allows(me, "documentReviews.write");
  const review = useQuery({ ...reviewQuery(versionId), enabled: allows(me, "documentReviews.read") });
  const { code } = municipalityRoute.useParams();
  const selected = useSelectedPeriod();

  return (
    <Stack gap="xs">
      <Title order={headingOrder} size="h5">
        {t("documents.review.heading")}
      </Title>
      <QueryView query={review}>
        {(data) => {
          const assessed = data.criteria.filter((c) => c.result !== null).length;
          const started = data.updatedAt !== null;
          const completed = data.completedAt !== null;
          const visible = me.role !== "municipality" || completed;
          // A confidential version's review is changed only by someone who may read its comments (R2.10-2).
          const commentsHidden = data.confidential !== null && !data.confidential.canRead;
          const mayEdit = mayWrite && !commentsHidden;
          const buttonLabel = mayEdit
            ? completed
              ? t("documents.review.view")
              : started
                ? t("documents.review.continue")
                : t("documents.review.start")
            : t("documents.review.view");
          return (
            <Stack gap="xs">
              {completed && data.reviewer && data.completedAt ? (
                <Text>
                  {t("documents.review.completed", {
                    at: formatDateTime(data.completedAt),
                    name: data.reviewer.name,
                  })}{" "}
                  {data.outcome && (
                    <Text component="span" fw={700}>
                      {t("documents.review.outcomeLabel")} {t(`documents.review.outcomes.${data.outcome}`)}
                    </Text>
                  )}
                </Text>
              ) : me.role === "municipality" ? (
                <Text>{t("documents.review.notVisibleYet")}</Text>
              ) : started ? (
                <Text>
                  {t("documents.review.inProgress", { assessed, total: data.criteria.length })}{" "}
                  {data.reviewer &&
                    data.updatedAt &&
                    t("documents.review.lastSaved", { at: formatDateTime(data.updatedAt), name: data.reviewer.name })}
                </Text>
              ) : (
                <Text>{t("documents.review.notStarted")}</Text>
              )}
              {commentsHidden && data.confidential && (
                <Text size="sm" c="dark.5">
                  {t("documents.review.commentsHidden", { basis: data.confidential.basis })}
                </Text>
              )}
              {visible && (mayEdit || started) && (
                <div>
                  <ButtonLink
                    to="/kommun/$code/granskning/$versionId"
                    params={{ code, versionId }}
                    search={{ period: selected.period?.id }}
                    variant={mayEdit && !completed ? "filled" : "outline"}
                    size="sm"
                    leftSection={<IconClipboardCheck size={16} aria-hidden />}
                  >
                    {buttonLabel}
                    <span className="visually-hidden-text">
                      {" "}
                      {t("documents.review.forVersion", { no: versionNo, name: documentName })}
                    </span>
                  </ButtonLink>
                </div>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}
