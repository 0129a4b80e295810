import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { VISIT_KINDS, VisitUpdate, type VisitKind, type VisitView } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { updateVisit, visitKeys } from "./api";

/**
 * Planeringen (R2.7-3): the officer moves a planned visit to another month or day, changes its kind, or cancels it;
 * each change is a revision of the plan with its reason.
 */
export function PlanningSection({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const done = (next: VisitView, message: string) => {
    queryClient.setQueryData(visitKeys.visit(next.id), next);
    void queryClient.invalidateQueries({ queryKey: ["visits", "plan"] });
    void queryClient.invalidateQueries({ queryKey: ["visits", "municipality"] });
    notifySaved(message);
  };
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof updateVisit>[1]) => updateVisit(visit.id, input),
    onSuccess: (next) => done(next, t("visits.visit.planning.saved")),
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: VisitUpdate,
    initialValues: { planned: visit.planned, kind: visit.kind as VisitKind, reason: "" },
    toInput: (v) => ({ version: visit.version, planned: v.planned.trim(), kind: v.kind, reason: v.reason }),
    validate: (v) => ({
      ...(v.planned.trim() === visit.planned && v.kind === visit.kind
        ? { planned: t("visits.visit.planning.noChange") }
        : {}),
      ...(v.reason.trim() ? {} : { reason: t("visits.visit.planning.reasonRequired") }),
    }),
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="visit-planning-heading">
      <form {...contract.formProps}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="visit-planning-heading">
            {t("visits.visit.planning.title")}
          </Title>
          <Text size="sm">{t("visits.visit.planning.intro")}</Text>
          <FormMessages form={contract} />
          <Group align="flex-start" gap="md">
            <TextInput
              label={t("visits.plan.planned")}
              description={t("visits.plan.plannedHelp")}
              w={240}
              {...field("planned")}
            />
            <NativeSelect
              label={t("visits.plan.kindLabel")}
              data={VISIT_KINDS.map((k) => ({ value: k, label: t(`visits.kind.${k}`) }))}
              w={240}
              {...field("kind")}
            />
          </Group>
          <Textarea label={t("visits.visit.planning.reason")} required autosize minRows={2} {...field("reason")} />
          <Group justify="space-between">
            <Button variant="default" color="red" onClick={() => setCancelling(true)}>
              {t("visits.visit.planning.cancelVisit")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("visits.visit.planning.save")}
            </Button>
          </Group>
        </Stack>
      </form>
      <AppModal opened={cancelling} onClose={() => setCancelling(false)} title={t("visits.visit.planning.cancelTitle")}>
        {cancelling && (
          <CancelForm
            visit={visit}
            onDone={(next) => {
              setCancelling(false);
              done(next, t("visits.visit.planning.cancelled"));
            }}
            onClose={() => setCancelling(false)}
          />
        )}
      </AppModal>
    </Paper>
  );
}

function CancelForm({
  visit,
  onDone,
  onClose,
}: {
  visit: VisitView;
  onDone: (next: VisitView) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof updateVisit>[1]) => updateVisit(visit.id, input),
    onSuccess: onDone,
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: VisitUpdate,
    initialValues: { reason: "" },
    toInput: (v) => ({ version: visit.version, status: "cancelled" as const, reason: v.reason }),
    validate: (v) => (v.reason.trim() ? {} : { reason: t("visits.visit.planning.reasonRequired") }),
    onSubmit: (input) => mutation.mutate(input),
  });
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text>{t("visits.visit.planning.cancelText")}</Text>
        <FormMessages form={contract} />
        <Textarea
          label={t("visits.visit.planning.reason")}
          required
          autosize
          minRows={2}
          {...contract.field("reason")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("visits.plan.cancel")}
          </Button>
          <Button type="submit" color="red" loading={mutation.isPending}>
            {t("visits.visit.planning.cancelConfirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
