import { Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconClock } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DialogueFollowUp } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { dialogueKeys, markFollowUpDone } from "./api";
import { notifyError, notifySaved } from "../../components/notify";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { formatDate } from "../../lib/formatDate";
import { DialogueBadge } from "./DialogueBadge";

/** One follow-up item: what, by when, who; its state, and "Markera som klar" for whoever may close it. */
export function FollowUpLine({ item }: { item: DialogueFollowUp }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  // The county closes any item; a municipality's user only their own (the server says the same).
  const mayClose =
    !item.done &&
    can(me, "dialogue.followUpDone") &&
    (me.role === "county" || (item.owner.userId !== null && item.owner.userId === me.id));
  const done = useMutation({
    mutationFn: () => markFollowUpDone(item.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["watch"] });
      notifySaved(t("dialogue.followUpDoneSaved"));
    },
    onError: (error) => notifyError(error.message),
  });
  const label = item.text ?? t("dialogue.followUpHidden");
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text size="sm" style={{ overflowWrap: "anywhere" }} fs={item.text === null ? "italic" : undefined}>
        {t("dialogue.followUpLine", { text: label, due: item.due, owner: item.owner.name })}
      </Text>
      {item.done ? (
        <DialogueBadge color="green" icon={IconCircleCheck}>
          {item.doneAt
            ? t("dialogue.doneOn", { date: formatDate(item.doneAt), name: item.doneBy?.name ?? "" })
            : t("dialogue.done")}
        </DialogueBadge>
      ) : item.overdue ? (
        <DialogueBadge color="red" icon={IconAlertTriangle}>
          {t("dialogue.overdue")}
        </DialogueBadge>
      ) : (
        <DialogueBadge color="blue" icon={IconClock}>
          {t("dialogue.open")}
        </DialogueBadge>
      )}
      {mayClose && (
        <Button
          variant="default"
          size="compact-sm"
          leftSection={<IconCheck size={14} aria-hidden />}
          loading={done.isPending}
          aria-label={t("dialogue.markDoneLabel", { text: item.text ?? item.due })}
          onClick={() => done.mutate()}
        >
          {t("dialogue.markDone")}
        </Button>
      )}
    </Group>
  );
}
