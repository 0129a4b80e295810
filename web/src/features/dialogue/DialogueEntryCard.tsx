import { Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconBuildingCommunity, IconHistory, IconPencil } from "@tabler/icons-react";
import { compareSwedish, type DialogueEntry } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { ConfidentialNotice } from "../documents/ConfidentialNotice";
import { formatDate } from "../../lib/formatDate";
import { DialogueBadge } from "./DialogueBadge";
import { FollowUpLine } from "./FollowUpLine";

interface DialogueEntryCardProps {
  entry: DialogueEntry;
  code: string;
  onEdit: (entry: DialogueEntry) => void;
  onHistory: (entry: DialogueEntry) => void;
}

/** One dialogue entry: what was talked about, with whom, and what is to be followed up. */
export function DialogueEntryCard({ entry, code, onEdit, onHistory }: DialogueEntryCardProps) {
  const { t } = useTranslation();
  const me = useMe();
  const hidden = entry.confidential !== null && !entry.confidential.canRead;
  const others = entry.municipalities.filter((m) => m.code !== code);
  const title = `${entry.date} – ${t(`dialogue.forms.${entry.form}`)}`;
  // Only the author edits, and only what they can read in full (the server says the same).
  const mayEdit = can(me, "dialogue.write") && entry.author.id === me.id && !hidden;
  const edited = entry.version > 1;
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap" justify="space-between" align="flex-start">
          <Group gap="sm" wrap="wrap">
            <Title order={3} size="h4">
              <time dateTime={entry.date}>{entry.date}</time> – {t(`dialogue.forms.${entry.form}`)}
            </Title>
            {entry.visibility === "countyInternal" && (
              <DialogueBadge color="grape" icon={IconBuildingCommunity}>
                {t("dialogue.countyInternal")}
              </DialogueBadge>
            )}
          </Group>
          {mayEdit && (
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconPencil size={14} aria-hidden />}
              aria-label={t("dialogue.edit.buttonLabel", { title })}
              onClick={() => onEdit(entry)}
            >
              {t("dialogue.edit.button")}
            </Button>
          )}
        </Group>
        <Text size="sm">
          {t("dialogue.subjectsLabel")} {entry.subjects.map((s) => t(`dialogue.subjects.${s}`)).join(", ")}
        </Text>
        {others.length > 0 && (
          <Text size="sm">
            {t("dialogue.municipalitiesLabel")}{" "}
            {entry.municipalities
              .map((m) => m.name)
              .sort(compareSwedish)
              .join(", ")}
          </Text>
        )}
        {entry.confidential && <ConfidentialNotice mark={entry.confidential} />}
        {!hidden && entry.participants && (
          <>
            {entry.participants.municipality.length > 0 && (
              <Text size="sm">
                {t("dialogue.participantsMunicipality")} {entry.participants.municipality.join(", ")}
              </Text>
            )}
            {entry.participants.county.length > 0 && (
              <Text size="sm">
                {t("dialogue.participantsCounty")} {entry.participants.county.join(", ")}
              </Text>
            )}
          </>
        )}
        {!hidden && entry.notes && (
          <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{entry.notes}</Text>
        )}
        {entry.followUps.length > 0 && (
          <Stack gap={4}>
            <Text fw={600}>{t("dialogue.followUps")}</Text>
            <List spacing={4} size="sm">
              {entry.followUps.map((f) => (
                <List.Item key={f.id}>
                  <FollowUpLine item={f} />
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Text size="sm" c="dark.5">
            {edited
              ? t("dialogue.authorEdited", { name: entry.author.name, date: formatDate(entry.updatedAt) })
              : t("dialogue.author", { name: entry.author.name })}
          </Text>
          {edited && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconHistory size={14} aria-hidden />}
              aria-label={t("dialogue.history.buttonLabel", { title, count: entry.version - 1 })}
              onClick={() => onHistory(entry)}
            >
              {t("dialogue.history.button", { count: entry.version - 1 })}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
