import { Button, Checkbox, Group, List, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CaseLogEntryCreate, DIALOGUE_FORMS, stockholmDate, type ReductionCase } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useAppConfig } from "../../api/useAppConfig";
import { DateField } from "../../components/DateField";
import { EmptyState } from "../../components/EmptyState";
import { QueryView } from "../../components/QueryView";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { caseLogQuery, createCaseLogEntry, reductionCaseKeys } from "./api";
import { logFormValues, logInput, logNewestFirst, type LogValues } from "./model";

/** The case's own log (R3.3-1): its dialogue with the municipality and the county, newest first; the agency writes. */
export function CaseLogSection({ c, mayWrite }: { c: ReductionCase; mayWrite: boolean }) {
  const { t } = useTranslation();
  const log = useQuery(caseLogQuery(c.id));
  const [adding, setAdding] = useState(false);
  const partyNames = (parties: readonly ("municipality" | "county")[]) =>
    parties.map((p) => t(`reductionCases.with.${p}`)).join(", ");
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-log-heading">
      <Title order={2} size="h3" id="case-log-heading">
        {t("reductionCases.log.heading")}
      </Title>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text size="sm" style={{ flex: "1 1 24rem" }}>
          {t("reductionCases.log.intro")}
        </Text>
        {mayWrite && !adding && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t("reductionCases.log.newEntry")}
          </Button>
        )}
      </Group>
      {mayWrite && adding && <LogForm c={c} onDone={() => setAdding(false)} />}
      <QueryView query={log}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t("reductionCases.log.empty")}</EmptyState>
          ) : (
            <List
              listStyleType="none"
              spacing="sm"
              m={0}
              p={0}
              aria-label={t("reductionCases.log.listLabel")}
              data-testid="case-log"
            >
              {logNewestFirst(data.items).map((e) => (
                <List.Item key={e.id} styles={{ itemWrapper: { display: "block" }, itemLabel: { display: "block" } }}>
                  <Paper withBorder p="sm" component="article">
                    <Stack gap={4}>
                      <Group gap="sm" wrap="wrap">
                        <Text fw={600}>
                          <time dateTime={e.on}>{e.on}</time> · {t(`reductionCases.log.forms.${e.form}`)}
                        </Text>
                        <Text size="sm">{t("reductionCases.log.withLabel", { parties: partyNames(e.with) })}</Text>
                      </Group>
                      <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{e.text}</Text>
                      <Text size="xs" c="dark.5">
                        {t("reductionCases.log.by", { name: e.by.name })}
                      </Text>
                    </Stack>
                  </Paper>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>
    </Stack>
  );
}

function LogForm({ c, onDone }: { c: ReductionCase; onDone: () => void }) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof CaseLogEntryCreate>) => createCaseLogEntry(c.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reductionCaseKeys.log(c.id) });
      notifySaved(t("reductionCases.log.saved"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: CaseLogEntryCreate,
    initialValues: logFormValues(config.today || stockholmDate(new Date())),
    toInput: (v: LogValues) => logInput(v),
    fieldFor: (path) => (path.startsWith("with.") ? "with" : undefined),
    validate: (v) => (v.on ? {} : { on: t("reductionCases.log.dateRequired") }),
    onSubmit: (body) => mutation.mutate(body),
  });
  const { form, field } = contract;
  return (
    <Paper withBorder p="md">
      <form {...contract.formProps} data-testid="case-log-form">
        <Stack gap="md">
          <Title order={3} size="h4">
            {t("reductionCases.log.newEntry")}
          </Title>
          <Text size="sm">{t("common.requiredNote")}</Text>
          <FormMessages form={contract} />
          <Group gap="md" align="flex-start" wrap="wrap">
            <DateField label={t("reductionCases.log.on")} required w={220} {...field("on")} />
            <NativeSelect
              label={t("reductionCases.log.form")}
              required
              w={240}
              data={DIALOGUE_FORMS.map((f) => ({ value: f, label: t(`reductionCases.log.forms.${f}`) }))}
              {...field("form")}
            />
          </Group>
          <Checkbox.Group
            label={t("reductionCases.log.with")}
            required
            value={form.values.with}
            onChange={(v) => form.setFieldValue("with", v as LogValues["with"])}
            error={contract.error("with")}
          >
            <Group gap="md" mt="xs">
              <Checkbox value="municipality" label={t("reductionCases.with.municipality")} />
              <Checkbox value="county" label={t("reductionCases.with.county")} />
            </Group>
          </Checkbox.Group>
          <Textarea
            label={t("reductionCases.log.text")}
            required
            autosize
            minRows={4}
            maxRows={16}
            {...field("text")}
          />
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t("reductionCases.log.submit")}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t("reductionCases.log.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
