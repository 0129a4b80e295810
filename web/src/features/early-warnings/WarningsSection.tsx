import { Button, Group, List, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EarlyWarningResolve, type EarlyWarning } from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { dialogueKeys, resolveWarning, warningsQuery } from "../dialogue/api";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { notifySaved } from "../../components/notify";
import { formatDate } from "../../lib/formatDate";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { ConfidentialNotice } from "../documents/ConfidentialNotice";
import { DialogueBadge } from "../dialogue/DialogueBadge";

/** The municipality's open early warnings (R2.3-2), county-internal; an officer resolves one with a note. */
export function WarningsSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const warnings = useQuery(warningsQuery(code));
  const [resolving, setResolving] = useState<EarlyWarning | null>(null);
  const mayResolve = can(me, "warnings.write");

  let body;
  if (warnings.isPending) body = <LoadingState />;
  else if (warnings.isError) body = <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />;
  else {
    const open = warnings.data.items.filter((w) => w.open);
    body =
      open.length === 0 ? (
        <EmptyState>{t("warnings.none")}</EmptyState>
      ) : (
        <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={t("warnings.heading")}>
          {open.map((w) => (
            <List.Item key={w.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
              <Paper withBorder p="md">
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <DialogueBadge color="red" icon={IconAlertTriangle}>
                      {t(`dialogue.warningKinds.${w.kind}`)}
                    </DialogueBadge>
                    {mayResolve && (
                      <Button
                        variant="default"
                        leftSection={<IconCheck size={18} aria-hidden />}
                        aria-label={t("warnings.resolveLabel", { kind: t(`dialogue.warningKinds.${w.kind}`) })}
                        onClick={() => setResolving(w)}
                      >
                        {t("warnings.resolve")}
                      </Button>
                    )}
                  </Group>
                  {w.confidential && <ConfidentialNotice mark={w.confidential} />}
                  {w.description && <Text style={{ overflowWrap: "anywhere" }}>{w.description}</Text>}
                  <Text size="sm" c="dark.5">
                    {t("warnings.raised", { date: formatDate(w.raisedAt), name: w.raisedBy.name })}
                  </Text>
                </Stack>
              </Paper>
            </List.Item>
          ))}
        </List>
      );
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="warnings-heading">
      <Title order={2} size="h3" id="warnings-heading">
        {t("warnings.heading")}
      </Title>
      <Text size="sm">{t("warnings.intro")}</Text>
      {body}
      <AppModal opened={resolving !== null} onClose={() => setResolving(null)} title={t("warnings.resolveTitle")}>
        {resolving && <ResolveForm warning={resolving} onDone={() => setResolving(null)} />}
      </AppModal>
    </Stack>
  );
}

function ResolveForm({ warning, onDone }: { warning: EarlyWarning; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: (value: string) => resolveWarning(warning.id, value),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
      notifySaved(t("warnings.resolved"));
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = EarlyWarningResolve.safeParse({ note });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      window.setTimeout(() => document.querySelector<HTMLElement>("[data-resolve-form] textarea")?.focus(), 0);
      return;
    }
    setError(undefined);
    mutation.mutate(parsed.data.note);
  };
  return (
    <form onSubmit={submit} noValidate data-resolve-form>
      <Stack gap="md">
        <Text fw={600}>{t(`dialogue.warningKinds.${warning.kind}`)}</Text>
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <Textarea
          label={t("warnings.note")}
          description={t("warnings.noteHelp")}
          required
          autosize
          minRows={3}
          value={note}
          error={error}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("warnings.resolve")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
