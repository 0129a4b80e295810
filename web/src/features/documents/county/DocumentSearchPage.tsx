import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconLock } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { documentFileUrl, documentSearchQuery } from "./api";
import { EmptyState } from "../../../components/EmptyState";
import { SearchForm } from "../../../components/SearchForm";
import { highlight } from "../../../components/highlight";
import { ErrorState } from "../../../components/ErrorState";
import { ListPagination } from "../../../components/ListPagination";
import { LoadingState } from "../../../components/LoadingState";
import { RequireAccess } from "../../../components/RequireAccess";
import { AnchorLink } from "../../../components/links";
import { CountyFrame } from "../../../components/CountyFrame";
import { PeriodSelect } from "../../../components/PeriodSelect";
import { periodRange, useDocumentTypeName } from "./labels";

const route = getRouteApi("/signed-in/lan/$code/sok");
const PAGE_SIZE = 20;

/** Sök i dokument: full-text search in the county's submitted files. */
export function DocumentSearchPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="documents.search">
      <CountyFrame
        code={code}
        title={t("countyDocuments.search.title")}
        intro={(county) => t("countyDocuments.search.intro", { county: county.name })}
      >
        {() => <Search code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function Search({ code }: { code: string }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/sok" });
  const typeName = useDocumentTypeName();
  const q = search.q?.trim() ?? "";
  const page = Math.max(1, search.page ?? 1);

  const ready = q.length >= 2;
  const results = useQuery({
    ...documentSearchQuery(code, { q, period: search.period, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((results.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <SearchForm
        query={search.q}
        label={t("countyDocuments.search.query")}
        description={t("countyDocuments.search.queryHelp")}
        submitLabel={t("countyDocuments.search.submit")}
        tooShort={t("countyDocuments.search.tooShort")}
        onSearch={(next) => void navigate({ search: (prev) => ({ ...prev, q: next, page: undefined }) })}
      >
        <PeriodSelect
          value={search.period}
          allowAll
          onChange={(period) =>
            void navigate({ search: (prev) => ({ ...prev, period, page: undefined }), replace: true })
          }
          w={240}
        />
      </SearchForm>

      {!ready ? (
        <EmptyState>{t("countyDocuments.search.start")}</EmptyState>
      ) : results.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState>{t("countyDocuments.search.empty", { q })}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Title order={2} size="h3" aria-live="polite" aria-atomic>
            {t("countyDocuments.search.results", { count: results.data.total, q })}
          </Title>
          <ol
            aria-label={t("countyDocuments.search.listLabel")}
            aria-busy={results.isFetching}
            style={{ listStyle: "none", margin: 0, padding: 0 }}
            start={(page - 1) * PAGE_SIZE + 1}
          >
            {results.data.items.map((hit) => (
              <li key={hit.fileId} style={{ marginBottom: "0.75rem" }}>
                <Paper withBorder p="md" component="article" aria-labelledby={`hit-${hit.fileId}`}>
                  <Stack gap={6}>
                    <Group gap="sm" justify="space-between" align="flex-start">
                      <Title order={3} size="h5" id={`hit-${hit.fileId}`} style={{ overflowWrap: "anywhere" }}>
                        <Anchor href={documentFileUrl(hit.fileId)} download>
                          <IconDownload size={16} aria-hidden style={{ verticalAlign: "-2px", marginRight: 4 }} />
                          {hit.fileName}
                        </Anchor>
                      </Title>
                      {hit.confidential && (
                        <Badge
                          color="red.9"
                          variant="filled"
                          size="lg"
                          radius="sm"
                          leftSection={<IconLock size={14} aria-hidden />}
                          styles={{ label: { textTransform: "none" } }}
                        >
                          {t("countyDocuments.search.confidential")}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">
                      <AnchorLink
                        to="/kommun/$code"
                        params={{ code: hit.municipality.code }}
                        search={{ period: hit.period }}
                      >
                        {hit.municipality.name}
                      </AnchorLink>
                      {" · "}
                      {typeName(hit.type, hit.typeName)}
                      {" · "}
                      {t("countyDocuments.reviewQueue.periodLabel", periodRange(hit.period))}
                    </Text>
                    {hit.confidential && (
                      <div>
                        <Text size="sm" fw={600}>
                          {t("countyDocuments.search.confidentialBasis", { basis: hit.confidential.basis })}
                        </Text>
                        {hit.confidential.readableBy.length > 0 && (
                          <Text size="sm">
                            {t("countyDocuments.search.readableBy", {
                              names: hit.confidential.readableBy.map((p) => p.name).join(", "),
                            })}
                          </Text>
                        )}
                      </div>
                    )}
                    {hit.excerpt ? (
                      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                        {highlight(hit.excerpt)}
                      </Text>
                    ) : (
                      <Text size="sm" fs="italic">
                        {hit.confidential
                          ? t("countyDocuments.search.excerptHidden")
                          : t("countyDocuments.search.noExcerpt")}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              </li>
            ))}
          </ol>
          <ListPagination
            label={t("countyDocuments.search.pagination")}
            total={pages}
            page={page}
            onChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })}
          />
        </Stack>
      )}
    </>
  );
}
