import { Button, Group, List, Stack, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { allows, type DocumentItem, type DocumentTypeId } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { documentKeys, documentsQuery, feedbackQuery } from "./api";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { notifySaved } from "../../components/notify";
import { useMe } from "../auth/useSession";
import { DocumentCard } from "./DocumentCard";
import { RegisterDocumentForm } from "./RegisterDocumentForm";
import { typeName } from "./labels";
import { useSelectedPeriod } from "./useSelectedPeriod";

/** The municipality page's Dokument tab: the five required documents of the chosen mandate period (R2.2). */
export function DocumentsTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const selected = useSelectedPeriod();
  const period = selected.period;
  const documents = useQuery({ ...documentsQuery(code, period?.id ?? 0), enabled: period !== null });
  const showFeedback = allows(me, "feedback.read");
  const feedback = useQuery({ ...feedbackQuery(code, period?.id ?? 0), enabled: period !== null && showFeedback });
  const mayRegister = allows(me, "documents.submit");
  const [registering, setRegistering] = useState<DocumentTypeId | null>(null);

  if (selected.isError) return <ErrorState error={selected.error} onRetry={selected.refetch} />;
  if (!period || documents.isPending) return <LoadingState />;
  if (documents.isError) return <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />;

  const items = documents.data.items;
  const defaultType = items.find((i) => i.versions.length === 0)?.type ?? items[0]?.type ?? "rsa";
  const registered = (item: DocumentItem) => {
    setRegistering(null);
    void queryClient.invalidateQueries({ queryKey: documentKeys.all });
    notifySaved(
      t("documents.form.saved", {
        name: typeName(t, item.type),
        no: item.versions[0]?.versionNo ?? 1,
        status: t(`documents.status.${item.status}`),
      }),
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Text maw={760}>{t("documents.intro", { first: period.firstYear, last: period.lastYear })}</Text>
        {mayRegister && (
          <Button leftSection={<IconUpload size={18} aria-hidden />} onClick={() => setRegistering(defaultType)}>
            {t("documents.register")}
          </Button>
        )}
      </Group>
      {feedback.isError && <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} />}
      {items.length === 0 ? (
        <EmptyState>{t("documents.noVersion")}</EmptyState>
      ) : (
        <List
          listStyleType="none"
          spacing="md"
          m={0}
          p={0}
          aria-label={t("documents.listLabel", { first: period.firstYear, last: period.lastYear })}
          aria-busy={documents.isFetching}
        >
          {items.map((item) => (
            <List.Item key={item.type} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
              <DocumentCard
                item={item}
                feedback={feedback.data?.items ?? []}
                showFeedback={showFeedback}
                onRegister={mayRegister ? setRegistering : undefined}
              />
            </List.Item>
          ))}
        </List>
      )}
      {mayRegister && (
        <AppModal opened={registering !== null} onClose={() => setRegistering(null)} title={t("documents.form.title")}>
          {registering && (
            <RegisterDocumentForm
              key={registering}
              code={code}
              period={period}
              byCounty={me.role === "county"}
              initialType={registering}
              onDone={registered}
              onCancel={() => setRegistering(null)}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}
