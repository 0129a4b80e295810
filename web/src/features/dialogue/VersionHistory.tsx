import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { DialogueEntryVersion } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { dialogueEntryQuery } from "./api";
import { QueryView } from "../../components/QueryView";
import { formatDateTime } from "../../lib/datetime";
import { ConfidentialNotice } from "../documents/ConfidentialNotice";

/** The earlier versions of a dialogue entry, newest first, as they were written (R2.3-1). */
export function VersionHistory({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const detail = useQuery(dialogueEntryQuery(entryId));
  return (
    <QueryView query={detail}>
      {(entry) =>
        entry.versions.length === 0 ? (
          <Text>{t("dialogue.history.none")}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t("dialogue.history.intro", { version: entry.version })}</Text>
            <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={t("dialogue.history.title")}>
              {entry.versions.map((v) => (
                <List.Item
                  key={v.version}
                  styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}
                >
                  <VersionCard version={v} />
                </List.Item>
              ))}
            </List>
          </Stack>
        )
      }
    </QueryView>
  );
}

function VersionCard({ version: v }: { version: DialogueEntryVersion }) {
  const { t } = useTranslation();
  const hidden = v.confidential !== null && !v.confidential.canRead;
  return (
    <Paper withBorder p="sm" component="article">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t("dialogue.history.version", { version: v.version, date: v.date, form: t(`dialogue.forms.${v.form}`) })}
        </Title>
        <Text size="sm" c="dark.5">
          {t("dialogue.history.editedBy", { name: v.editedBy.name, at: formatDateTime(v.editedAt) })}
        </Text>
        <Text size="sm">
          {t("dialogue.subjectsLabel")} {v.subjects.map((s) => t(`dialogue.subjects.${s}`)).join(", ")}
        </Text>
        <Text size="sm">
          {t("dialogue.municipalitiesLabel")} {v.municipalities.map((m) => m.name).join(", ")} ·{" "}
          {t(v.visibility === "shared" ? "dialogue.form.visibilityShared" : "dialogue.form.visibilityInternal")}
        </Text>
        {v.confidential && <ConfidentialNotice mark={v.confidential} />}
        {!hidden && v.participants && (v.participants.municipality.length > 0 || v.participants.county.length > 0) && (
          <Text size="sm">
            {t("dialogue.history.participants", {
              names: [...v.participants.municipality, ...v.participants.county].join(", "),
            })}
          </Text>
        )}
        {!hidden && v.notes && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {v.notes}
          </Text>
        )}
        {v.followUps.length > 0 && (
          <List size="sm" spacing={2}>
            {v.followUps.map((f, i) => (
              <List.Item key={i}>
                {t("dialogue.followUpLine", {
                  text: f.text ?? t("dialogue.followUpHidden"),
                  due: f.due,
                  owner: f.owner.name,
                })}
                {f.done ? ` (${t("dialogue.done").toLowerCase()})` : ""}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
