import { Alert, Button, Group, List, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconSend } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { StatementSend, type PreconditionKey, type Statement } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { AppModal } from "../../components/AppModal";
import { DateField } from "../../components/DateField";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { approveStatement, invalidateStatements, sendStatement, statementKeys } from "./api";
import { missingFromError } from "./model";

/** After a step: the answer is the statement as it now is. */
function useStored() {
  const queryClient = useQueryClient();
  return (next: Statement) => {
    queryClient.setQueryData(statementKeys.one(next.id), next);
    invalidateStatements(queryClient);
  };
}

/** The county head who did not draft it approves the statement (R3.1-1). */
export function ApproveAction({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const store = useStored();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => approveStatement(statement.id, statement.version),
    onSuccess: (next) => {
      store(next);
      setOpen(false);
      notifySaved(t("statements.approve.done"));
    },
  });
  return (
    <>
      <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => setOpen(true)}>
        {t("statements.approve.button")}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={t("statements.approve.confirmTitle")}>
        <Stack gap="md">
          <Text>{t("statements.approve.intro")}</Text>
          <Text>{t("statements.approve.confirmText")}</Text>
          {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              leftSection={<IconCheck size={18} aria-hidden />}
              loading={mutation.isPending}
              onClick={() => mutation.mutate()}
            >
              {t("statements.approve.button")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

/** Sending to the agency with the county's registration number, and an override reason when preconditions are missing. */
export function SendAction({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setOpen(true)}>
        {t("statements.send.button")}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={t("statements.send.title")}>
        {open && <SendForm statement={statement} onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />}
      </AppModal>
    </>
  );
}

function SendForm({ statement, onDone, onCancel }: { statement: Statement; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const store = useStored();
  const { today } = useAppConfig();
  // The server's refusal names what is missing now; until then the statement's own list.
  const [refused, setRefused] = useState<PreconditionKey[] | null>(null);
  const missing = refused && refused.length > 0 ? refused : statement.missing;
  const needsReason = missing.length > 0;
  const mutation = useMutation({
    mutationFn: (input: StatementSend) => sendStatement(statement.id, input),
    onSuccess: (next) => {
      store(next);
      notifySaved(t("statements.send.done"));
      onDone();
    },
    onError: (error) => {
      const named = missingFromError(error);
      if (named !== null) {
        setRefused(named);
        return;
      }
      contract.onServerError(error);
    },
  });
  const contract = useContractForm({
    schema: StatementSend,
    initialValues: { registrationNumber: "", sentOn: today, reason: "" },
    toInput: (v) => ({
      version: statement.version,
      registrationNumber: v.registrationNumber,
      ...(v.sentOn ? { sentOn: v.sentOn } : {}),
      override: needsReason || v.reason.trim() ? { reason: v.reason } : null,
    }),
    aliases: { override: "reason" },
    validate: (v) => (needsReason && v.reason.trim() === "" ? { reason: t("statements.send.overrideRequired") } : {}),
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        {refused !== null && (
          <Alert
            role="alert"
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t("statements.send.refusedTitle")}
            styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: "var(--mantine-color-red-9)" } }}
          >
            <Stack gap={4}>
              {mutation.error instanceof Error && <Text>{mutation.error.message}</Text>}
              <Text>{t("statements.send.refusedText")}</Text>
            </Stack>
          </Alert>
        )}
        <FormMessages form={contract} />
        <TextInput
          label={t("statements.send.registrationNumber")}
          description={t("statements.send.registrationHelp")}
          required
          maxLength={60}
          maw={320}
          {...field("registrationNumber")}
        />
        <DateField
          label={t("statements.send.sentOn")}
          description={t("statements.send.sentOnHelp")}
          styles={{ wrapper: { maxWidth: 220 } }}
          {...field("sentOn")}
        />
        {needsReason && (
          <Stack gap="xs">
            <Text fw={600}>{t("statements.send.missingIntro")}</Text>
            <List size="sm">
              {missing.map((k) => (
                <List.Item key={k}>{t(`statements.precondition.${k}`)}</List.Item>
              ))}
            </List>
            <Textarea
              label={t("statements.send.overrideReason")}
              description={t("statements.send.overrideHelp")}
              required
              autosize
              minRows={3}
              maxRows={10}
              {...field("reason")}
            />
          </Stack>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" leftSection={<IconSend size={18} aria-hidden />} loading={mutation.isPending}>
            {t("statements.send.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
