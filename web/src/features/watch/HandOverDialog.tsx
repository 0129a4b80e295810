import { Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { IconUserShare } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { HandOverInput, compareSwedish, type HandOverResult, type User } from "@uppsikt/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { municipalitiesQuery, usersQuery } from "../../api/queries";
import { handOver, invalidateAfterHandOver } from "./api";
import { AppModal } from "../../components/AppModal";
import { ErrorState } from "../../components/ErrorState";
import { LoadingState } from "../../components/LoadingState";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";

const NONE = "";

/** The county head's button and dialog for handing a leaving officer's items to another officer (R1-3). */
export function HandOverButton({ county }: { county: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconUserShare size={18} aria-hidden />} onClick={() => setOpened(true)}>
        {t("watchAdmin.handOver.open")}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t("watchAdmin.handOver.title")}>
        {opened && <HandOverForm county={county} onDone={() => setOpened(false)} />}
      </AppModal>
    </>
  );
}

function HandOverForm({ county, onDone }: { county: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery({ role: "county", county, limit: 500 }));
  const municipalities = useQuery(municipalitiesQuery(county, { limit: 500 }));
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const returnToChoice = useRef(false);

  const officers = useMemo(
    () => (users.data?.items ?? []).filter((u) => u.role === "county").sort((a, b) => compareSwedish(a.name, b.name)),
    [users.data],
  );

  const summary = (r: HandOverResult) =>
    r.municipalities.length === 0 && r.followUps === 0
      ? t("watchAdmin.handOver.nothing", { from: r.from.name, to: r.to.name })
      : t("watchAdmin.handOver.done", {
          municipalities: t("watchAdmin.handOver.municipalities", { count: r.municipalities.length }),
          followUps: t("watchAdmin.handOver.followUps", { count: r.followUps }),
          from: r.from.name,
          to: r.to.name,
        });

  const mutation = useMutation({
    mutationFn: (input: HandOverInput) => handOver(county, input),
    onSuccess: (result) => {
      void invalidateAfterHandOver(queryClient, result);
      notifySaved(summary(result));
      onDone();
    },
    // A refusal that names a choice (e.g. the officer is no longer active) goes back to that choice.
    onError: (error) => {
      if (contract.onServerError(error)) setConfirming(false);
    },
  });
  const contract = useContractForm({
    schema: HandOverInput,
    initialValues: { fromUserId: NONE, toUserId: NONE },
    validate: ({ fromUserId, toUserId }) => {
      const officer = (id: string) => officers.some((u) => u.id === id);
      return {
        fromUserId: officer(fromUserId) ? undefined : t("watchAdmin.handOver.fromRequired"),
        toUserId: !officer(toUserId)
          ? t("watchAdmin.handOver.toRequired")
          : fromUserId === toUserId
            ? t("watchAdmin.handOver.same")
            : undefined,
      };
    },
    onSubmit: () => {
      mutation.reset();
      setConfirming(true);
    },
  });
  const { form, field } = contract;
  const formRef = contract.formProps.ref;
  const { fromUserId: from, toUserId: to } = form.values;

  // Focus follows the step: the confirmation's heading, or back to the first choice.
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
    else if (returnToChoice.current) formRef.current?.querySelector<HTMLElement>("select")?.focus();
  }, [confirming, formRef]);

  if (users.isPending) return <LoadingState />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;

  const label = (u: User) => (u.active ? u.name : t("watchAdmin.handOver.inactive", { name: u.name }));
  const fromUser = officers.find((u) => u.id === from);
  const toUser = officers.find((u) => u.id === to);

  if (confirming && fromUser && toUser) {
    const moving = (municipalities.data?.items ?? [])
      .filter((m) => m.responsibleOfficer?.id === fromUser.id)
      .sort((a, b) => compareSwedish(a.name, b.name));
    const names = { from: fromUser.name, to: toUser.name };
    return (
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!mutation.isPending) mutation.mutate({ fromUserId: from, toUserId: to });
        }}
      >
        <Stack gap="md">
          <Title order={3} size="h4" ref={confirmHeading} tabIndex={-1}>
            {t("watchAdmin.handOver.confirmHeading")}
          </Title>
          {municipalities.isPending ? (
            <LoadingState />
          ) : municipalities.isError ? (
            <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />
          ) : moving.length === 0 ? (
            <Text>{t("watchAdmin.handOver.confirmNoMunicipalities", names)}</Text>
          ) : (
            <Stack gap={4}>
              <Text id="hand-over-municipalities">
                {t("watchAdmin.handOver.confirmMunicipalities", { count: moving.length, ...names })}
              </Text>
              <Text component="ul" m={0} pl="lg" aria-labelledby="hand-over-municipalities">
                {moving.map((m) => (
                  <li key={m.code}>{m.name}</li>
                ))}
              </Text>
            </Stack>
          )}
          <Text>{t("watchAdmin.handOver.confirmFollowUps", names)}</Text>
          <Text size="sm">{t("watchAdmin.handOver.confirmNote")}</Text>
          <FormMessages form={contract} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                returnToChoice.current = true;
                setConfirming(false);
              }}
              disabled={mutation.isPending}
            >
              {t("watchAdmin.handOver.back")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("watchAdmin.handOver.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  const options = (list: User[]) => [
    { value: NONE, label: t("watchAdmin.handOver.choose") },
    ...list.map((u) => ({ value: u.id, label: label(u) })),
  ];
  const tooFew = officers.filter((u) => u.active).length < 1 || officers.length < 2;

  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text>{t("watchAdmin.handOver.intro")}</Text>
        <Paper withBorder p="sm" component="section" aria-labelledby="hand-over-moves">
          <Title order={3} size="h5" id="hand-over-moves" mb={4}>
            {t("watchAdmin.handOver.movesHeading")}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t("watchAdmin.handOver.movesMunicipalities")}</List.Item>
            <List.Item>{t("watchAdmin.handOver.movesFollowUps")}</List.Item>
          </List>
          <Text size="sm" mt={4}>
            {t("watchAdmin.handOver.movesNot")}
          </Text>
        </Paper>
        {tooFew ? (
          <Text role="status">{t("watchAdmin.handOver.tooFew")}</Text>
        ) : (
          <>
            <Text size="sm">{t("common.requiredNote")}</Text>
            <NativeSelect
              label={t("watchAdmin.handOver.from")}
              description={t("watchAdmin.handOver.fromHelp")}
              required
              maw={420}
              data={options(officers)}
              {...field("fromUserId")}
            />
            <NativeSelect
              label={t("watchAdmin.handOver.to")}
              description={t("watchAdmin.handOver.toHelp")}
              required
              maw={420}
              data={options(officers.filter((u) => u.active))}
              {...field("toUserId")}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          {!tooFew && <Button type="submit">{t("watchAdmin.handOver.next")}</Button>}
        </Group>
      </Stack>
    </form>
  );
}
