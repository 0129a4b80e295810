import { Button, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewQueueQuery } from "./api";
import { useAppConfig } from "../../../api/useAppConfig";
import { EmptyState } from "../../../components/EmptyState";
import { QueryView } from "../../../components/QueryView";
import { AnchorLink } from "../../../components/links";
import { useMe } from "../../auth/useSession";
import { StatusMark, useStatusText } from "../../../components/StatusMark";
import { periodRange, useDocumentTypeName } from "./labels";

const FIRST = 8;

interface ReviewQueueProps {
  /** The county head's choice to see the whole county's queue. */
  wholeCounty: boolean;
  onWholeCountyChange: (wholeCounty: boolean) => void;
}

/**
 * "Att granska" on the county officer's landing page: newly received documents of their municipalities
 * (a county head can switch to the whole county), oldest first, each linking to its municipality (R2.2-3).
 * A list rather than a table, so that the page's one table stays the municipality list.
 */
export function ReviewQueue({ wholeCounty, onWholeCountyChange }: ReviewQueueProps) {
  const { t } = useTranslation();
  const me = useMe();
  const config = useAppConfig();
  const typeName = useDocumentTypeName();
  const statusText = useStatusText();
  const scope = me.countyHead && wholeCounty ? "county" : "mine";
  const queue = useQuery(reviewQueueQuery(scope));
  const [showAll, setShowAll] = useState(false);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-queue-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} size="h3" id="review-queue-heading">
              {t("countyDocuments.reviewQueue.title")}
            </Title>
            <Text size="sm">
              {scope === "county"
                ? t("countyDocuments.reviewQueue.introCounty")
                : t("countyDocuments.reviewQueue.intro")}
            </Text>
          </div>
          {me.countyHead && (
            <Switch
              label={t("countyDocuments.reviewQueue.wholeCounty")}
              description={t("countyDocuments.reviewQueue.wholeCountyHelp")}
              checked={wholeCounty}
              onChange={(e) => onWholeCountyChange(e.currentTarget.checked)}
              maw={300}
            />
          )}
        </Group>
        <QueryView query={queue}>
          {({ items, total }) =>
            items.length === 0 ? (
              <EmptyState>
                {scope === "county"
                  ? t("countyDocuments.reviewQueue.emptyCounty")
                  : t("countyDocuments.reviewQueue.empty")}
              </EmptyState>
            ) : (
              <>
                <Text fw={600} aria-live="polite" aria-atomic>
                  {t("countyDocuments.reviewQueue.total", { count: total })}
                </Text>
                <ol
                  aria-label={t("countyDocuments.reviewQueue.listLabel")}
                  style={{ margin: 0, paddingInlineStart: "1.5rem" }}
                >
                  {(showAll ? items : items.slice(0, FIRST)).map((item) => (
                    <li key={item.versionId} style={{ marginBottom: "0.5rem" }}>
                      <Group gap="md" wrap="wrap" align="flex-start">
                        <Stack gap={0} miw={260} style={{ flex: "1 1 320px" }}>
                          <Text fw={600}>{item.municipality.name}</Text>
                          <AnchorLink
                            to="/kommun/$code"
                            params={{ code: item.municipality.code }}
                            search={{ period: item.period === config.currentPeriod ? undefined : item.period }}
                          >
                            <span className="visually-hidden-text">{item.municipality.name}: </span>
                            {t("countyDocuments.reviewQueue.item", {
                              type: typeName(item.type, item.typeName),
                              version: item.versionNo,
                            })}
                          </AnchorLink>
                        </Stack>
                        <Stack gap={0} miw={180}>
                          <Text size="sm">{t("countyDocuments.reviewQueue.received", { date: item.receivedOn })}</Text>
                          <Text size="sm">
                            {t("countyDocuments.reviewQueue.periodLabel", periodRange(item.period))}
                          </Text>
                        </Stack>
                        <StatusMark
                          status={item.status}
                          flags={item.flags}
                          fullText={statusText(item.status, item.flags)}
                        />
                      </Group>
                    </li>
                  ))}
                </ol>
                {items.length > FIRST && (
                  <div>
                    <Button variant="subtle" px={0} onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                      {showAll
                        ? t("countyDocuments.reviewQueue.showFewer")
                        : t("countyDocuments.reviewQueue.showAll", { count: items.length })}
                    </Button>
                  </div>
                )}
              </>
            )
          }
        </QueryView>
      </Stack>
    </Paper>
  );
}
