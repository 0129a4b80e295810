import { Button, Stack, Text, Title } from "@mantine/core";
import { IconClipboardCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { allows } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewQuery } from "./api";
import { AppModal } from "../../components/AppModal";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { formatDateTime } from "../../lib/datetime";
import { useMe } from "../auth/useSession";
import { ReviewForm } from "./ReviewForm";
import { ReviewView } from "./ReviewView";

interface ReviewSectionProps {
  versionId: string;
  versionNo: number;
  documentName: string;
  headingOrder: 5 | 6;
}

/**
 * Where the county's review of a version stands, and the way into it (R2.2-3): county users review,
 * the agency reads, the municipality reads it once it is completed.
 */
export function ReviewSection({ versionId, versionNo, documentName, headingOrder }: ReviewSectionProps) {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = allows(me, "documentReviews.write");
  const review = useQuery({ ...reviewQuery(versionId), enabled: allows(me, "documentReviews.read") });
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);

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
                  <Button
                    variant={mayEdit && !completed ? "filled" : "outline"}
                    size="sm"
                    leftSection={<IconClipboardCheck size={16} aria-hidden />}
                    onClick={() => {
                      setEditing(mayEdit && !completed);
                      setOpen(true);
                    }}
                  >
                    {buttonLabel}
                    <span className="visually-hidden-text">
                      {" "}
                      {t("documents.review.forVersion", { no: versionNo, name: documentName })}
                    </span>
                  </Button>
                </div>
              )}
              <AppModal
                opened={open}
                onClose={() => setOpen(false)}
                title={t("documents.review.modalTitle", { name: documentName, no: versionNo })}
              >
                {open &&
                  (editing ? (
                    <ReviewForm
                      review={data}
                      onCancel={() => setOpen(false)}
                      onCompleted={(updated) => {
                        setOpen(false);
                        notifySaved(
                          t("documents.review.completedSaved", {
                            name: documentName,
                            outcome: updated.outcome ? t(`documents.review.outcomes.${updated.outcome}`) : "",
                          }),
                        );
                      }}
                    />
                  ) : (
                    <Stack gap="md">
                      <ReviewView review={data} />
                      {mayEdit && (
                        <div>
                          <Button variant="outline" onClick={() => setEditing(true)}>
                            {t("documents.review.change")}
                          </Button>
                        </div>
                      )}
                    </Stack>
                  ))}
              </AppModal>
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}
