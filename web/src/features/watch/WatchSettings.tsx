import { Button, Checkbox, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCalendarPlus, IconCheck, IconCopy, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EVENT_MAIL_KIND_LABELS, isEventMailKind } from "@uppsikt/core";
import {
  calendarFeedQuery,
  createCalendarFeed,
  dialogueKeys,
  reminderPreferencesQuery,
  revokeCalendarFeed,
  saveReminderPreferences,
} from "../dialogue/api";
import { ErrorState } from "../../components/ErrorState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { formatDate } from "../../lib/formatDate";

/**
 * Reminder e-mail per kind of watched date, and e-mail about events (issue 10.11: a new document request, an answer,
 * feedback sent), saved as soon as a box is ticked. Both are the same per-user choices on the server.
 */
export function ReminderSettings() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const prefs = useQuery(reminderPreferencesQuery);
  const mutation = useMutation({
    mutationFn: saveReminderPreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(dialogueKeys.reminders, saved);
      notifySaved(t("watch.remindersSaved"));
    },
  });
  const language = i18n.language === "en" ? "en" : "sv";
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reminders-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="reminders-heading">
          {t("watch.remindersHeading")}
        </Title>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <QueryView query={prefs}>
          {(data) => {
            const enabled = data.kinds.filter((k) => k.enabled).map((k) => k.kind);
            const save = (kinds: string[], on: string[]) =>
              mutation.mutate({
                kinds: data.kinds.map((k) => ({
                  kind: k.kind,
                  enabled: kinds.includes(k.kind) ? on.includes(k.kind) : k.enabled,
                })),
              });
            const reminders = data.kinds.filter((k) => !isEventMailKind(k.kind));
            const events = data.kinds.filter((k) => isEventMailKind(k.kind));
            return (
              <Stack gap="md">
                <Checkbox.Group
                  label={t("watch.remindersGroup")}
                  description={t("watch.remindersHelp")}
                  value={enabled.filter((k) => !isEventMailKind(k))}
                  onChange={(on) =>
                    save(
                      reminders.map((k) => k.kind),
                      on,
                    )
                  }
                >
                  <Stack gap="xs" mt="xs">
                    {reminders.map((k) => (
                      <Checkbox key={k.kind} value={k.kind} label={k.label} disabled={mutation.isPending} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                {events.length > 0 && (
                  <Checkbox.Group
                    label={t("watch.eventMailsGroup")}
                    description={t("watch.eventMailsHelp")}
                    value={enabled.filter(isEventMailKind)}
                    onChange={(on) =>
                      save(
                        events.map((k) => k.kind),
                        on,
                      )
                    }
                  >
                    <Stack gap="xs" mt="xs">
                      {events.map((k) => (
                        <Checkbox
                          key={k.kind}
                          value={k.kind}
                          label={isEventMailKind(k.kind) ? EVENT_MAIL_KIND_LABELS[k.kind][language] : k.label}
                          disabled={mutation.isPending}
                        />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                )}
              </Stack>
            );
          }}
        </QueryView>
      </Stack>
    </Paper>
  );
}

/** The private iCalendar feed: created (the address is shown once, with a copy button) and revoked. */
export function CalendarSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery(calendarFeedQuery);
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (created) => {
      setUrl(new URL(created.url, window.location.origin).toString());
      void queryClient.invalidateQueries({ queryKey: dialogueKeys.calendar });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      setUrl(null);
      void queryClient.invalidateQueries({ queryKey: dialogueKeys.calendar });
      notifySaved(t("watch.calendarRevoked"));
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="calendar-heading">
          {t("watch.calendarHeading")}
        </Title>
        <Text size="sm">{t("watch.calendarHelp")}</Text>
        {create.isError && <ErrorState error={create.error} title={t("common.errorNotificationTitle")} />}
        {revoke.isError && <ErrorState error={revoke.error} title={t("common.errorNotificationTitle")} />}
        <QueryView query={status}>
          {(data) => (
            <Stack gap="sm">
              {url ? (
                <Group align="flex-end" gap="sm">
                  <TextInput label={t("watch.calendarUrl")} value={url} readOnly style={{ flex: 1 }} />
                  <CopyButton value={url}>
                    {({ copied, copy }) => (
                      <Button
                        variant="default"
                        onClick={copy}
                        leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                      >
                        <span aria-live="polite">{copied ? t("watch.copied") : t("watch.copy")}</span>
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              ) : (
                <Text size="sm">
                  {data.active && data.createdAt
                    ? t("watch.calendarActive", { date: formatDate(data.createdAt) })
                    : t("watch.calendarNone")}
                </Text>
              )}
              <Group gap="sm">
                <Button
                  leftSection={<IconCalendarPlus size={18} aria-hidden />}
                  loading={create.isPending}
                  onClick={() => create.mutate()}
                >
                  {data.active ? t("watch.calendarRenew") : t("watch.calendarCreate")}
                </Button>
                {data.active && (
                  <Button
                    variant="default"
                    color="red"
                    leftSection={<IconTrash size={18} aria-hidden />}
                    loading={revoke.isPending}
                    onClick={() => revoke.mutate()}
                  >
                    {t("watch.calendarRevoke")}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </QueryView>
      </Stack>
    </Paper>
  );
}
