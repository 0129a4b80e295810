import { Button, Checkbox, Fieldset, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { StatementUpdate, type Statement, type StatementOptions } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { BasisField } from "../documents/BasisField";
import { invalidateStatements, optionsQuery, statementKeys, updateStatement } from "./api";
import { communicationKey, draftFieldFor, draftInput, draftValues, hiddenSecretParts } from "./model";

const legendStyles = { legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-md)" } };

/** What the form offers: the options of the municipality, plus what the statement links already (older choices). */
function choices(s: Statement, options: StatementOptions | undefined) {
  const communications = new Map<string, { label: string; date: string | null }>();
  for (const c of options?.communications ?? []) communications.set(communicationKey(c), c);
  for (const g of s.grounds) for (const c of g.communicatedBy) communications.set(communicationKey(c), c);
  const actions = new Map<string, { text: string | null; due: string; status: string }>();
  for (const a of options?.actions ?? []) actions.set(a.id, a);
  for (const a of s.actions) actions.set(a.id, a);
  const opportunities = new Map<string, { description: string; state: "open" | "answered" | "lapsed" }>();
  for (const o of options?.correctionOpportunities ?? []) opportunities.set(o.id, o);
  for (const o of s.correctionOpportunities) opportunities.set(o.id, o);
  return { communications, actions, opportunities };
}

/** The draft's edit form (R3.1-1): text, grounds with the letters that communicated them, links and secret parts. */
export function DraftForm({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useQuery(optionsQuery(s.municipality.code));
  const hidden = hiddenSecretParts(s);
  const mutation = useMutation({
    mutationFn: (input: StatementUpdate) => updateStatement(s.id, input),
    onSuccess: (next) => {
      queryClient.setQueryData(statementKeys.one(next.id), next);
      invalidateStatements(queryClient);
      notifySaved(t("statements.form.saved"));
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: StatementUpdate,
    initialValues: draftValues(s),
    toInput: (v) => draftInput(v, s.version),
    fieldFor: draftFieldFor,
    validate: (v) => {
      const errors: Record<string, string> = {};
      v.grounds.forEach((g, i) => {
        if (g.chosen && g.ground === "other" && g.text.trim().length < 3)
          errors[`grounds.${i}.text`] = t("statements.create.otherRequired");
      });
      return errors;
    },
    onSubmit: (input) => mutation.mutate(input),
  });
  const { form, field } = contract;
  const { communications, actions, opportunities } = choices(s, options.data);
  const communicationOptions = [...communications.entries()].map(([value, c]) => ({
    value,
    label: c.date ? `${c.date}: ${c.label}` : c.label,
  }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="draft-form-heading">
      <form {...contract.formProps}>
        <Stack gap="lg">
          <Title order={2} size="h3" id="draft-form-heading">
            {t("statements.form.heading")}
          </Title>
          <FormMessages form={contract} />
          {options.isError && <ErrorState error={options.error} onRetry={() => void options.refetch()} />}

          <Fieldset legend={t("statements.form.groundsLegend")} styles={legendStyles}>
            <Stack gap="md">
              <Text size="sm">{t("statements.form.groundsHelp")}</Text>
              {form.values.grounds.map((g, i) => {
                const name = t(`statements.ground.${g.ground}`);
                return (
                  <Paper key={g.ground} withBorder p="sm">
                    <Stack gap="sm">
                      <Checkbox label={name} {...field(`grounds.${i}.chosen`, { type: "checkbox" })} />
                      {g.chosen && (
                        <>
                          <Textarea
                            label={`${t("statements.form.groundText")}: ${name}`}
                            description={
                              g.ground === "other"
                                ? t("statements.form.groundTextHelpOther")
                                : t("statements.form.groundTextHelp")
                            }
                            required={g.ground === "other"}
                            autosize
                            minRows={2}
                            maxRows={10}
                            {...field(`grounds.${i}.text`)}
                          />
                          {options.isPending ? (
                            <Text size="sm">{t("statements.form.communicationsLoading")}</Text>
                          ) : communicationOptions.length === 0 ? (
                            <Text size="sm">{t("statements.form.communicationsNone")}</Text>
                          ) : (
                            <Checkbox.Group
                              label={`${t("statements.form.communications")}: ${name}`}
                              {...field(`grounds.${i}.communicatedBy`)}
                            >
                              <Stack gap="xs" mt="xs">
                                {communicationOptions.map((o) => (
                                  <Checkbox key={o.value} value={o.value} label={o.label} />
                                ))}
                              </Stack>
                            </Checkbox.Group>
                          )}
                        </>
                      )}
                    </Stack>
                  </Paper>
                );
              })}
            </Stack>
          </Fieldset>

          <Textarea
            label={t("statements.form.text")}
            description={t("statements.form.textHelp")}
            autosize
            minRows={8}
            maxRows={30}
            {...field("text")}
          />

          <Fieldset legend={t("statements.form.actionsLegend")} styles={legendStyles}>
            <Stack gap="xs">
              <Text size="sm">{t("statements.form.actionsHelp")}</Text>
              {actions.size === 0 ? (
                <Text size="sm">
                  {options.isPending ? t("statements.form.communicationsLoading") : t("statements.form.actionsNone")}
                </Text>
              ) : (
                <Checkbox.Group aria-label={t("statements.form.actionsLegend")} {...field("actions")}>
                  <Stack gap="xs">
                    {[...actions.entries()].map(([id, a]) => (
                      <Checkbox
                        key={id}
                        value={id}
                        label={t("statements.form.actionLabel", {
                          text: a.text ?? t("statements.page.confidentialAction"),
                          date: a.due,
                          status: a.status,
                        })}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t("statements.form.opportunitiesLegend")} styles={legendStyles}>
            {opportunities.size === 0 ? (
              <Text size="sm">{t("statements.form.opportunitiesNone")}</Text>
            ) : (
              <Checkbox.Group
                aria-label={t("statements.form.opportunitiesLegend")}
                {...field("correctionOpportunities")}
              >
                <Stack gap="xs">
                  {[...opportunities.entries()].map(([id, o]) => (
                    <Checkbox
                      key={id}
                      value={id}
                      label={t("statements.form.opportunityLabel", {
                        description: o.description,
                        state: t(`statements.correctionState.${o.state}`),
                      })}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          </Fieldset>

          <Fieldset legend={t("statements.form.secretLegend")} styles={legendStyles}>
            <Stack gap="md">
              <Text size="sm">{t("statements.form.secretHelp")}</Text>
              {hidden > 0 && <Text size="sm">{t("statements.form.secretHiddenKept")}</Text>}
              {form.values.secretParts.map((p, i) => (
                <Paper key={i} withBorder p="sm">
                  <Stack gap="sm">
                    <Textarea
                      label={`${t("statements.form.secretText")} ${i + 1}`}
                      required
                      autosize
                      minRows={3}
                      maxRows={12}
                      {...field(`secretParts.${i}.text`)}
                    />
                    <BasisField
                      label={`${t("statements.form.secretBasis")} ${i + 1}`}
                      value={p.basis}
                      error={contract.error(`secretParts.${i}.basis`)}
                      onChange={(basis) => form.setFieldValue(`secretParts.${i}.basis`, basis)}
                    />
                    <div>
                      <Button
                        variant="subtle"
                        color="red"
                        size="sm"
                        leftSection={<IconTrash size={16} aria-hidden />}
                        onClick={() => form.removeListItem("secretParts", i)}
                      >
                        {t("statements.form.secretRemove")} {i + 1}
                      </Button>
                    </div>
                  </Stack>
                </Paper>
              ))}
              <div>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={18} aria-hidden />}
                  onClick={() => form.insertListItem("secretParts", { text: "", basis: "" })}
                >
                  {t("statements.form.secretAdd")}
                </Button>
              </div>
            </Stack>
          </Fieldset>

          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t("statements.form.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
