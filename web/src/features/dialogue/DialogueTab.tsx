import { Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type DialogueEntry } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dialogueEntriesQuery } from "./api";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { DialogueEntryCard } from "./DialogueEntryCard";
import { RequestsSection } from "../document-requests/RequestsSection";
import { EntryForm } from "./EntryForm";
import { VersionHistory } from "./VersionHistory";
import { WarningsSection } from "../early-warnings/WarningsSection";
import { DownloadLink } from "../documents/DownloadLink";

const newestFirst = (a: DialogueEntry, b: DialogueEntry) =>
  b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

/** The municipality page's Dialog tab: the continuous dialogue (R2.3-1) and, for the county, open warnings (R2.3-2). */
export function DialogueTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const entries = useQuery(dialogueEntriesQuery(code));
  const [writing, setWriting] = useState(false);
  const [editing, setEditing] = useState<DialogueEntry | null>(null);
  const [history, setHistory] = useState<DialogueEntry | null>(null);
  const county = me.role === "county" && can(me, "dialogue.write") ? me.county : null;
  return (
    <Stack gap="lg">
      {can(me, "warnings.read") && <WarningsSection code={code} />}
      {can(me, "documentRequests.read") && <RequestsSection code={code} />}
      <Stack gap="xs" component="section" aria-labelledby="dialogue-heading">
        <Title order={2} size="h3" id="dialogue-heading">
          {t("dialogue.listLabel")}
        </Title>
        <Group justify="space-between" align="flex-start" gap="md">
          <Text size="sm">{t("dialogue.intro")}</Text>
          <Group gap="md">
            {(entries.data?.total ?? 0) > 0 && (
              <DownloadLink
                href={`/api/v1/municipalities/${encodeURIComponent(code)}/dialogue-entries.xlsx`}
                fileName={`Dialog ${code}.xlsx`}
                label={t("dialogue.exportLabel")}
              >
                {t("dialogue.export")}
              </DownloadLink>
            )}
            {county && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setWriting(true)}>
                {t("dialogue.newEntry")}
              </Button>
            )}
          </Group>
        </Group>
        <QueryView query={entries}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>{t("dialogue.empty")}</EmptyState>
            ) : (
              <List
                listStyleType="none"
                spacing="md"
                m={0}
                p={0}
                aria-label={t("dialogue.listLabel")}
                aria-busy={entries.isFetching}
              >
                {[...data.items].sort(newestFirst).map((entry) => (
                  <List.Item
                    key={entry.id}
                    styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}
                  >
                    <DialogueEntryCard entry={entry} code={code} onEdit={setEditing} onHistory={setHistory} />
                  </List.Item>
                ))}
              </List>
            )
          }
        </QueryView>
      </Stack>
      {county && (
        <AppModal opened={writing} onClose={() => setWriting(false)} title={t("dialogue.form.title")}>
          {writing && (
            <EntryForm
              code={code}
              county={county}
              onCancel={() => setWriting(false)}
              onDone={() => {
                setWriting(false);
                notifySaved(t("dialogue.form.saved"));
              }}
            />
          )}
        </AppModal>
      )}
      {county && (
        <AppModal opened={editing !== null} onClose={() => setEditing(null)} title={t("dialogue.edit.title")}>
          {editing && (
            <EntryForm
              key={editing.id}
              code={code}
              county={county}
              entry={editing}
              onCancel={() => setEditing(null)}
              onDone={(saved) => {
                setEditing(null);
                notifySaved(t("dialogue.edit.saved", { version: saved.version }));
              }}
            />
          )}
        </AppModal>
      )}
      <AppModal opened={history !== null} onClose={() => setHistory(null)} title={t("dialogue.history.title")}>
        {history && <VersionHistory entryId={history.id} />}
      </AppModal>
    </Stack>
  );
}
