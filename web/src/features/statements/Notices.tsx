import { Button, Group, List, Paper, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { IconFilePlus, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { SavingsNoticeCreate, formatAmount, type SavingsNotice } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../components/AppModal";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { AnchorLink } from "../../components/links";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { can } from "../auth/permissions";
import { useMe } from "../auth/useSession";
import { parseKronor } from "../economy/model";
import { createNotice, groundsQuery, invalidateStatements, noticesQuery } from "./api";
import { StatementStatusBadge } from "./Badges";
import { NewStatementForm } from "./NewStatementForm";

/**
 * A municipality's notices of savings it cannot use (R3.3-3): a coordinator writes one; the county reads them and
 * raises one to the agency as a statement initiated by the municipality.
 */
export function NoticesSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const list = useQuery(noticesQuery(code));
  const mayWrite = can(me, "savingsNotices.write");
  const mayRaise = can(me, "statements.write") && can(me, "statementGrounds.read");
  const grounds = useQuery({ ...groundsQuery(code), enabled: mayRaise });
  const [writing, setWriting] = useState(false);
  const [raising, setRaising] = useState<SavingsNotice | null>(null);
  return (
    <Stack gap="xs" component="section" aria-labelledby="notices-heading">
      <Title order={2} size="h3" id="notices-heading">
        {t("statements.notices.heading")}
      </Title>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text size="sm" style={{ flex: "1 1 24rem" }}>
          {t("statements.notices.intro")}
        </Text>
        {mayWrite && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setWriting(true)}>
            {t("statements.notices.write")}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t("statements.notices.empty")}</EmptyState>
          ) : (
            <List listStyleType="none" spacing="sm" m={0} p={0} aria-label={t("statements.notices.listLabel")}>
              {[...data.items]
                .sort((a, b) => b.createdOn.localeCompare(a.createdOn))
                .map((n) => (
                  <List.Item key={n.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
                    <NoticeCard notice={n} onRaise={mayRaise && !n.statement ? () => setRaising(n) : undefined} />
                  </List.Item>
                ))}
            </List>
          )
        }
      </QueryView>
      {mayWrite && (
        <AppModal opened={writing} onClose={() => setWriting(false)} title={t("statements.notices.formTitle")}>
          {writing && (
            <NoticeForm
              code={code}
              onCancel={() => setWriting(false)}
              onDone={() => {
                setWriting(false);
                notifySaved(t("statements.notices.saved"));
              }}
            />
          )}
        </AppModal>
      )}
      {mayRaise && (
        <AppModal opened={raising !== null} onClose={() => setRaising(null)} title={t("statements.notices.raiseTitle")}>
          {raising && (
            <NewStatementForm
              code={code}
              findings={grounds.data?.items ?? []}
              notice={raising}
              onCancel={() => setRaising(null)}
              onDone={(statement) => {
                setRaising(null);
                notifySaved(t("statements.create.created"));
                void navigate({ to: "/yttranden/$id", params: { id: statement.id } });
              }}
            />
          )}
        </AppModal>
      )}
    </Stack>
  );
}

function NoticeCard({ notice: n, onRaise }: { notice: SavingsNotice; onRaise?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("statements.notices.createdOn", { date: n.createdOn, name: n.createdBy.name })}
        </Text>
        <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{n.text}</Text>
        {n.amount !== null && (
          <Text size="sm">{t("statements.notices.amountValue", { amount: formatAmount(n.amount) })}</Text>
        )}
        {n.statement && (
          <Group gap="sm">
            <StatementStatusBadge status={n.statement.status} />
            <AnchorLink to="/yttranden/$id" params={{ id: n.statement.id }}>
              {t("statements.notices.openStatement")}
            </AnchorLink>
          </Group>
        )}
        {onRaise && (
          <div>
            <Button
              size="sm"
              variant="light"
              leftSection={<IconFilePlus size={18} aria-hidden />}
              onClick={onRaise}
              aria-label={t("statements.notices.raiseLabel", { date: n.createdOn })}
            >
              {t("statements.notices.raise")}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function NoticeForm({ code, onDone, onCancel }: { code: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: SavingsNoticeCreate) => createNotice(code, input),
    onSuccess: () => {
      invalidateStatements(queryClient);
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: SavingsNoticeCreate,
    initialValues: { text: "", amount: "" },
    toInput: (v) => ({ text: v.text, amount: v.amount.trim() === "" ? null : (parseKronor(v.amount) ?? -1) }),
    validate: (v) =>
      v.amount.trim() !== "" && parseKronor(v.amount) === undefined
        ? { amount: t("statements.notices.amountInvalid") }
        : {},
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field } = contract;
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <Textarea
          label={t("statements.notices.text")}
          description={t("statements.notices.textHelp")}
          required
          autosize
          minRows={4}
          maxRows={14}
          {...field("text")}
        />
        <TextInput
          label={t("statements.notices.amount")}
          description={t("statements.notices.amountHelp")}
          inputMode="numeric"
          maw={260}
          {...field("amount")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("statements.notices.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
