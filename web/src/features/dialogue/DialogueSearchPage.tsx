import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { dialogueSearchQuery } from "./api";
import { EmptyState } from "../../components/EmptyState";
import { SearchForm } from "../../components/SearchForm";
import { highlight } from "../../components/highlight";
import { ErrorState } from "../../components/ErrorState";
import { ListPagination } from "../../components/ListPagination";
import { LoadingState } from "../../components/LoadingState";
import { RequireAccess } from "../../components/RequireAccess";
import { AnchorLink } from "../../components/links";
import { ConfidentialNotice } from "../documents/ConfidentialNotice";
import { CountyFrame } from "../../components/CountyFrame";

const route = getRouteApi("/signed-in/lan/$code/sok-dialog");
const PAGE_SIZE = 20;

/** Sök i dialogen: the county's dialogue entries by their notes, participants, follow-up items and subjects. */
export function DialogueSearchPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  return (
    <RequireAccess action="dialogue.search">
      <CountyFrame
        code={code}
        title={t("dialogue.search.title")}
        intro={(county) => t("dialogue.search.intro", { county: county.name })}
      >
        {() => <Search code={code} />}
      </CountyFrame>
    </RequireAccess>
  );
}

function Search({ code }: { code: string }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/lan/$code/sok-dialog" });
  const q = search.q?.trim() ?? "";
  const page = Math.max(1, search.page ?? 1);

  const ready = q.length >= 2;
  const results = useQuery({
    ...dialogueSearchQuery(code, { q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((results.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <SearchForm
        query={search.q}
        label={t("dialogue.search.query")}
        description={t("dialogue.search.queryHelp")}
        submitLabel={t("dialogue.search.submit")}
        tooShort={t("dialogue.search.tooShort")}
        onSearch={(next) => void navigate({ search: (prev) => ({ ...prev, q: next, page: undefined }) })}
      ></SearchForm>

      {!ready ? (
        <EmptyState>{t("dialogue.search.start")}</EmptyState>
      ) : results.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState>{t("dialogue.search.empty", { q })}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Title order={2} size="h3" aria-live="polite" aria-atomic>
            {t("dialogue.search.results", { count: results.data.total, q })}
          </Title>
          <List
            listStyleType="none"
            spacing="sm"
            m={0}
            p={0}
            aria-label={t("dialogue.search.listLabel")}
            aria-busy={results.isFetching}
          >
            {results.data.items.map((hit) => {
              const hidden = hit.confidential !== null && !hit.confidential.canRead;
              return (
                <List.Item key={hit.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
                  <Paper withBorder p="md" component="article" aria-labelledby={`hit-${hit.id}`}>
                    <Stack gap={6}>
                      <Title order={3} size="h5" id={`hit-${hit.id}`}>
                        <time dateTime={hit.date}>{hit.date}</time> – {t(`dialogue.forms.${hit.form}`)}
                        {hit.visibility === "countyInternal" ? ` · ${t("dialogue.countyInternal")}` : ""}
                      </Title>
                      <Text size="sm">
                        {hit.municipalities.map((m, i) => (
                          <span key={m.code}>
                            {i > 0 && ", "}
                            <AnchorLink to="/kommun/$code" params={{ code: m.code }} search={{ flik: "dialog" }}>
                              {m.name}
                            </AnchorLink>
                          </span>
                        ))}
                        {" · "}
                        {hit.subjects.map((s) => t(`dialogue.subjects.${s}`)).join(", ")}
                      </Text>
                      {hit.confidential && <ConfidentialNotice mark={hit.confidential} />}
                      {hit.excerpt ? (
                        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                          {highlight(hit.excerpt)}
                        </Text>
                      ) : (
                        <Text size="sm" fs="italic">
                          {hidden ? t("dialogue.search.excerptHidden") : t("dialogue.search.noExcerpt")}
                        </Text>
                      )}
                      <Text size="sm" c="dark.5">
                        {t("dialogue.author", { name: hit.author.name })}
                      </Text>
                    </Stack>
                  </Paper>
                </List.Item>
              );
            })}
          </List>
          <ListPagination
            label={t("dialogue.search.pagination")}
            total={pages}
            page={page}
            onChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })}
          />
        </Stack>
      )}
    </>
  );
}
