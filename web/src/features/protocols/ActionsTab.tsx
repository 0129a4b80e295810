import { Badge, Button, Group, List, Paper, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ActionCreate, ActionPatch, type ActionView } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AppModal } from "../../components/AppModal";
import { DateField } from "../../components/DateField";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { QueryView } from "../../components/QueryView";
import { notifyError, notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { formatDate } from "../../lib/formatDate";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { DownloadLink } from "../documents/DownloadLink";
import { useSelectedPeriod } from "../documents/useSelectedPeriod";
import { actionKeys, actionsQuery, createAction, patchAction } from "./api";
import { ReportForm } from "./ReportForm";

/**
 * The municipality page's Åtgärder tab (R2.7-8): the action plan of the chosen period, each action with its owner,
 * deadline, status (overdue in words, not colour alone) and history. The coordinator adds, starts and reports; the
 * county verifies or sends back with a comment.
 */
export function ActionsTab({ code }: { code: string }) {
  const selected = useSelectedPeriod();
  if (selected.isError) return <ErrorState error={selected.error} onRetry={selected.refetch} />;
  if (!selected.period) return <LoadingState />;
  return <Actions code={code} period={selected.period.id} />;
}

function Actions({ code, period }: { code: string; period: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const actions = useQuery(actionsQuery(code, period));
  const [adding, setAdding] = useState(false);
  const mayAdd = can(me, "actions.write") && (me.role !== "municipality" || me.municipality === code);
  return (
    <Stack gap="sm" component="section" aria-labelledby="actions-heading">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="actions-heading">
          {t("protocols.actions.title")}
        </Title>
        {mayAdd && (
          <Button variant="default" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t("protocols.actions.add")}
          </Button>
        )}
      </Group>
      <Text size="sm">{t("protocols.actions.intro")}</Text>
      <QueryView query={actions}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t("protocols.actions.empty")}</EmptyState>
          ) : (
            <Stack
              gap="sm"
              component="ul"
              aria-label={t("protocols.actions.caption")}
              style={{ listStyle: "none", margin: 0, padding: 0 }}
            >
              {data.items.map((a) => (
                <li key={a.id}>
                  <ActionCard action={a} code={code} period={period} />
                </li>
              ))}
            </Stack>
          )
        }
      </QueryView>
      <AppModal opened={adding} onClose={() => setAdding(false)} title={t("protocols.actions.addTitle")}>
        {adding && <AddActionForm code={code} period={period} onDone={() => setAdding(false)} />}
      </AppModal>
    </Stack>
  );
}

function ActionCard({ action, code, period }: { action: ActionView; code: string; period: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"report" | "sendBack" | "edit" | null>(null);
  const refresh = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: actionKeys.list(code, period) });
    void queryClient.invalidateQueries({ queryKey: ["watch"] });
    setDialog(null);
    notifySaved(message);
  };
  const change = useMutation({
    mutationFn: (status: "inProgress" | "verified") => patchAction(action.id, { version: action.version, status }),
    onSuccess: (_, status) =>
      refresh(t(status === "verified" ? "protocols.actions.verified" : "protocols.actions.started")),
    onError: (e) => notifyError(e.message),
  });
  const own = me.role === "municipality" && me.municipality === code && can(me, "actions.report");
  const county = me.role === "county" && can(me, "actions.verify") && me.county === code.slice(0, 2);
  const title = action.text ?? t("protocols.actions.hidden", { basis: action.confidential?.basis ?? "" });
  return (
    <Paper withBorder p="md" data-testid="action-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {title}
          </Text>
          <Group gap={6} wrap="nowrap">
            {action.overdue && (
              <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
                {t("protocols.actions.overdue")}
              </Badge>
            )}
            <Badge color="gray" variant="light" tt="none" data-testid="action-status">
              {t(`protocols.actions.status.${action.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {t("protocols.actions.due", { date: action.due })} ·{" "}
          {action.owner ? t("protocols.actions.owner", { name: action.owner.name }) : t("protocols.actions.noOwner")} ·{" "}
          {t(`protocols.actions.source.${action.source}`)}
        </Text>
        {action.followUp && <Text size="sm">{t("protocols.actions.followUp", { text: action.followUp })}</Text>}
        {action.steps && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            <Text span fw={600}>
              {t("protocols.actions.steps")}:
            </Text>{" "}
            {action.steps}
          </Text>
        )}
        {action.verificationDueOn && (
          <Text size="sm">{t("protocols.actions.verificationDue", { date: action.verificationDueOn })}</Text>
        )}
        {action.files.length > 0 && (
          <Group gap="md">
            {action.files.map((f) => (
              <DownloadLink key={f.id} href={f.downloadUrl} fileName={f.fileName}>
                {f.fileName}
              </DownloadLink>
            ))}
          </Group>
        )}
        <details>
          <summary style={{ cursor: "pointer" }}>{t("protocols.actions.history")}</summary>
          <List size="sm" spacing={2} mt={4}>
            {action.history.map((h, i) => (
              <List.Item key={i}>
                {t("protocols.actions.historyLine", {
                  date: formatDate(h.at),
                  name: h.by.name,
                  to: t(`protocols.actions.status.${h.to}`),
                })}
                {h.comment ? ` – ${h.comment}` : ""}
              </List.Item>
            ))}
          </List>
        </details>
        <Group gap="sm">
          {own && action.status === "planned" && (
            <Button size="sm" variant="default" loading={change.isPending} onClick={() => change.mutate("inProgress")}>
              {t("protocols.actions.start")}
            </Button>
          )}
          {own && (action.status === "planned" || action.status === "inProgress") && (
            <Button size="sm" onClick={() => setDialog("report")}>
              {t("protocols.actions.report")}
            </Button>
          )}
          {own && (action.status === "planned" || action.status === "inProgress") && action.text !== null && (
            <Button size="sm" variant="default" onClick={() => setDialog("edit")}>
              {t("protocols.actions.edit")}
            </Button>
          )}
          {county && action.status === "reportedDone" && (
            <>
              <Button size="sm" loading={change.isPending} onClick={() => change.mutate("verified")}>
                {t("protocols.actions.verify")}
              </Button>
              <Button size="sm" variant="default" onClick={() => setDialog("sendBack")}>
                {t("protocols.actions.sendBack")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <AppModal opened={dialog === "report"} onClose={() => setDialog(null)} title={t("protocols.actions.reportTitle")}>
        {dialog === "report" && (
          <ReportForm
            action={action}
            title={title}
            onDone={() => refresh(t("protocols.actions.reported"))}
            onCancel={() => setDialog(null)}
          />
        )}
      </AppModal>
      <AppModal opened={dialog === "edit"} onClose={() => setDialog(null)} title={t("protocols.actions.editTitle")}>
        {dialog === "edit" && (
          <EditForm
            action={action}
            onDone={() => refresh(t("protocols.actions.edited"))}
            onCancel={() => setDialog(null)}
          />
        )}
      </AppModal>
      <AppModal
        opened={dialog === "sendBack"}
        onClose={() => setDialog(null)}
        title={t("protocols.actions.sendBackTitle")}
      >
        {dialog === "sendBack" && (
          <SendBackForm
            action={action}
            onDone={() => refresh(t("protocols.actions.sentBack"))}
            onCancel={() => setDialog(null)}
          />
        )}
      </AppModal>
    </Paper>
  );
}

/** The municipality names the owner of an action (one from the protocol has none) and writes its steps. */
function EditForm({ action, onDone, onCancel }: { action: ActionView; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: (input: z.output<typeof ActionPatch>) => patchAction(action.id, input),
    onSuccess: onDone,
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ActionPatch,
    initialValues: { ownerName: action.owner?.name ?? "", steps: action.steps ?? "" },
    toInput: (v) => ({ version: action.version, owner: { name: v.ownerName.trim() || undefined }, steps: v.steps }),
    aliases: { owner: "ownerName" },
    onSubmit: (input) => mutation.mutate(input),
  });
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        <TextInput
          label={t("protocols.actions.ownerName")}
          description={t("protocols.actions.ownerHelp")}
          required
          {...contract.field("ownerName")}
        />
        <Textarea label={t("protocols.actions.stepsLabel")} autosize minRows={3} {...contract.field("steps")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("protocols.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("protocols.actions.editSave")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SendBackForm({ action, onDone, onCancel }: { action: ActionView; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: (input: z.output<typeof ActionPatch>) => patchAction(action.id, input),
    onSuccess: onDone,
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ActionPatch,
    initialValues: { comment: "" },
    toInput: (v) => ({ version: action.version, status: "inProgress" as const, comment: v.comment }),
    validate: (v) => (v.comment.trim() ? {} : { comment: t("protocols.actions.sendBackComment") }),
    onSubmit: (input) => mutation.mutate(input),
  });
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        <Textarea
          label={t("protocols.actions.sendBackComment")}
          required
          autosize
          minRows={3}
          {...contract.field("comment")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("protocols.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("protocols.actions.sendBackSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddActionForm({ code, period, onDone }: { code: string; period: number; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: z.output<typeof ActionCreate>) => createAction(code, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: actionKeys.list(code, period) });
      notifySaved(t("protocols.actions.added"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ActionCreate,
    initialValues: { text: "", ownerName: me.role === "municipality" ? me.name : "", due: "", steps: "" },
    toInput: (v) => ({
      text: v.text,
      owner: { name: v.ownerName.trim() || undefined },
      due: v.due.trim(),
      ...(v.steps.trim() ? { steps: v.steps } : {}),
    }),
    aliases: { owner: "ownerName" },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <FormMessages form={contract} />
        <Textarea label={t("protocols.actions.text")} required autosize minRows={2} {...field("text")} />
        <TextInput
          label={t("protocols.actions.ownerName")}
          description={t("protocols.actions.ownerHelp")}
          required
          {...field("ownerName")}
        />
        <DateField label={t("protocols.actions.dueLabel")} required w={260} {...field("due")} />
        <Textarea label={t("protocols.actions.stepsLabel")} autosize minRows={2} {...field("steps")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("protocols.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("protocols.actions.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
