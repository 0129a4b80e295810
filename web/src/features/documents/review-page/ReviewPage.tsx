import { Button, Grid, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { allows } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { municipalityQuery } from "../../../api/queries";
import { useAppConfig } from "../../../api/useAppConfig";
import { QueryView } from "../../../components/QueryView";
import { RequireAccess } from "../../../components/RequireAccess";
import { AnchorLink } from "../../../components/links";
import { notifySaved } from "../../../components/notify";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { useMe } from "../../auth/useSession";
import { documentsQuery, reviewQuery } from "../api";
import { typeName } from "../labels";
import { ReviewForm } from "../ReviewForm";
import { ReviewView } from "../ReviewView";
import { DocumentViewer } from "./DocumentViewer";

const route = getRouteApi("/signed-in/kommun/$code/granskning/$versionId");

/**
 * The county's review of a version in a page of its own (issue 10 item 14): the document on the left (a PDF drawn
 * with pdf.js, other files as their extracted text), the criteria on the right; stacked on a narrow screen.
 */
export function ReviewPage() {
  return (
    <RequireAccess action="documentReviews.read">
      <ReviewPageBody />
    </RequireAccess>
  );
}

function ReviewPageBody() {
  const { t } = useTranslation();
  const { code, versionId } = route.useParams();
  const search = route.useSearch();
  const config = useAppConfig();
  const me = useMe();
  const navigate = useNavigate();
  const period = search.period ?? config.currentPeriod;
  const documents = useQuery({ ...documentsQuery(code, period), enabled: period > 0 });
  const municipality = useQuery(municipalityQuery(code));
  const review = useQuery(reviewQuery(versionId));
  const [editing, setEditing] = useState<boolean | null>(null);

  const item = documents.data?.items.find((i) => i.versions.some((v) => v.id === versionId));
  const version = item?.versions.find((v) => v.id === versionId);
  const name = item ? typeName(t, item.type) : "";
  const title = version
    ? t("documents.review.page.title", { name, no: version.versionNo, municipality: municipality.data?.name ?? code })
    : t("documents.review.heading");
  useDocumentTitle(title);
  const back = { to: "/kommun/$code", params: { code }, search: { period } } as const;

  return (
    <Stack gap="md">
      <AnchorLink {...back} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {t("documents.review.page.back")}
      </AnchorLink>
      <Title order={1} tabIndex={-1}>
        {title}
      </Title>
      <QueryView query={documents}>
        {() =>
          !item || !version ? (
            <Text>{t("documents.review.page.notFound")}</Text>
          ) : (
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Stack component="section" aria-labelledby="review-document-heading" gap="sm">
                  <Title order={2} size="h4" id="review-document-heading">
                    {t("documents.review.page.documentHeading")}
                  </Title>
                  <DocumentViewer files={version.files} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack component="section" aria-labelledby="review-criteria-heading" gap="sm">
                  <Title order={2} size="h4" id="review-criteria-heading">
                    {t("documents.review.page.reviewHeading")}
                  </Title>
                  <QueryView query={review}>
                    {(data) => {
                      const commentsHidden = data.confidential !== null && !data.confidential.canRead;
                      const mayEdit = allows(me, "documentReviews.write") && !commentsHidden;
                      const isEditing = editing ?? (mayEdit && data.completedAt === null);
                      return isEditing && mayEdit ? (
                        <ReviewForm
                          review={data}
                          onCancel={() => setEditing(false)}
                          onCompleted={(updated) => {
                            notifySaved(
                              t("documents.review.completedSaved", {
                                name,
                                outcome: updated.outcome ? t(`documents.review.outcomes.${updated.outcome}`) : "",
                              }),
                            );
                            void navigate(back);
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
                      );
                    }}
                  </QueryView>
                </Stack>
              </Grid.Col>
            </Grid>
          )
        }
      </QueryView>
    </Stack>
  );
}
