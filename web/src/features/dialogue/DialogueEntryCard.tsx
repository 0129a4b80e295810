import { Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconBuildingCommunity, IconCircleCheck, IconClock } from "@tabler/icons-react";
import { compareSwedish, type DialogueEntry } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { ConfidentialNotice } from "../documents/ConfidentialNotice";
import { DialogueBadge } from "./DialogueBadge";

/** One dialogue entry: what was talked about, with whom, and what is to be followed up. */
export function DialogueEntryCard({ entry, code }: { entry: DialogueEntry; code: string }) {
  const { t } = useTranslation();
  const hidden = entry.confidential !== null && !entry.confidential.canRead;
  const others = entry.municipalities.filter((m) => m.code !== code);
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="xs">
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
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm">
                      {t("dialogue.followUpLine", {
                        text: f.text ?? "…",
                        due: f.due,
                        owner: f.owner.name,
                      })}
                    </Text>
                    {f.done ? (
                      <DialogueBadge color="green" icon={IconCircleCheck}>
                        {t("dialogue.done")}
                      </DialogueBadge>
                    ) : f.overdue ? (
                      <DialogueBadge color="red" icon={IconAlertTriangle}>
                        {t("dialogue.overdue")}
                      </DialogueBadge>
                    ) : (
                      <DialogueBadge color="blue" icon={IconClock}>
                        {t("dialogue.open")}
                      </DialogueBadge>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Text size="sm" c="dark.5">
          {t("dialogue.author", { name: entry.author.name })}
        </Text>
      </Stack>
    </Paper>
  );
}
