import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { IconCircleOff } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FeedbackWaiverInput, type WatchItemView } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { invalidateAfterWaiver, waiveFeedback } from "./api";

/**
 * "Ingen återkoppling skickas" on a feedback-owed item (issue 10.10): the officer gives a reason, the item leaves
 * the list (audited). It is not feedback sent: a late single visit still wants feedback sent.
 */
export function WaiverButton({ item }: { item: WatchItemView & { feedbackVersionId: string } }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconCircleOff size={16} aria-hidden />}
        aria-label={t("watch.waiver.openLabel", { title: item.title })}
        onClick={() => setOpened(true)}
      >
        {t("watch.waiver.open")}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t("watch.waiver.title")}>
        {opened && <WaiverForm item={item} onClose={() => setOpened(false)} />}
      </AppModal>
    </>
  );
}

function WaiverForm({ item, onClose }: { item: WatchItemView & { feedbackVersionId: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string>();
  const mutation = useMutation({
    mutationFn: (input: FeedbackWaiverInput) => waiveFeedback(item.feedbackVersionId, input),
    onSuccess: async () => {
      onClose();
      notifySaved(t("watch.waiver.done", { title: item.title }));
      await invalidateAfterWaiver(queryClient);
    },
  });
  const submit = () => {
    const parsed = FeedbackWaiverInput.safeParse({ reason });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message);
    setProblem(undefined);
    mutation.mutate(parsed.data);
  };
  return (
    <Stack gap="md">
      <Text fw={600} style={{ overflowWrap: "anywhere" }}>
        {item.title}
      </Text>
      <Text size="sm">{t("watch.waiver.text")}</Text>
      <Textarea
        label={t("watch.waiver.reason")}
        autosize
        minRows={3}
        data-autofocus
        value={reason}
        error={problem}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button loading={mutation.isPending} onClick={submit}>
          {t("watch.waiver.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
