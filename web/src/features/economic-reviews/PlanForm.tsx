import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SavingsPlanCreate, yearOf, type SavingsPlan } from "@uppsikt/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useAppConfig } from "../../api/useAppConfig";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { createSavingsPlan, invalidateEconomicReviews } from "./api";
import { planInput, planRowsFrom } from "./model";

/**
 * A new version of the savings plan (R2.6-2): one row per coming year with the planned use of the savings and of the
 * year's compensation and the activities, and a comment. It starts from the newest version; earlier ones are kept.
 */
export function PlanForm({
  code,
  newest,
  onDone,
  onCancel,
}: {
  code: string;
  newest: SavingsPlan | undefined;
  onDone: (saved: SavingsPlan) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const queryClient = useQueryClient();
  const thisYear = config.today ? yearOf(config.today) : new Date().getFullYear();
  const mutation = useMutation({
    mutationFn: (input: z.output<typeof SavingsPlanCreate>) => createSavingsPlan(code, input),
    onSuccess: (saved) => {
      invalidateEconomicReviews(queryClient);
      onDone(saved);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: SavingsPlanCreate,
    initialValues: { years: planRowsFrom(newest, thisYear), note: newest?.note ?? "" },
    toInput: planInput,
    validate: (v) =>
      Object.fromEntries(
        v.years.flatMap((r, i) =>
          r.year.trim() ? [] : [[`years.${i}.year`, t("economicReviews.plans.form.yearRequired")]],
        ),
      ),
    onSubmit: (input) => mutation.mutate(input),
  });
  const { field, form } = contract;
  const addButton = useRef<HTMLButtonElement>(null);
  const rows = form.values.years;
  const lastYear = rows.reduce((max, r) => Math.max(max, Number(r.year) || 0), 0);
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text size="sm">{t("economicReviews.plans.form.intro")}</Text>
        <FormMessages form={contract} />
        <Fieldset legend={t("economicReviews.plans.form.yearsLegend")} variant="unstyled">
          <Stack gap="md">
            {contract.error("years") && (
              <Text c="red.9" size="sm" role="alert">
                {contract.error("years")}
              </Text>
            )}
            {rows.map((_, i) => (
              <Fieldset key={form.key(`years.${i}`)} legend={t("economicReviews.plans.form.rowLegend", { n: i + 1 })}>
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                    <TextInput
                      label={t("economicReviews.plans.form.year")}
                      inputMode="numeric"
                      required
                      {...field(`years.${i}.year`)}
                    />
                    <TextInput
                      label={t("economicReviews.plans.form.plannedSavings")}
                      inputMode="numeric"
                      {...field(`years.${i}.plannedSavingsUse`)}
                    />
                    <TextInput
                      label={t("economicReviews.plans.form.plannedCompensation")}
                      inputMode="numeric"
                      {...field(`years.${i}.plannedCompensationUse`)}
                    />
                  </SimpleGrid>
                  <Textarea
                    label={t("economicReviews.plans.form.activities")}
                    required
                    autosize
                    minRows={2}
                    {...field(`years.${i}.activities`)}
                  />
                  {rows.length > 1 && (
                    <div>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => {
                          form.removeListItem("years", i);
                          // The button is gone with its row: focus stays in the form.
                          window.setTimeout(() => addButton.current?.focus(), 0);
                        }}
                      >
                        {t("economicReviews.plans.form.removeYear", { n: i + 1 })}
                      </Button>
                    </div>
                  )}
                </Stack>
              </Fieldset>
            ))}
            {rows.length < 10 && (
              <div>
                <Button
                  ref={addButton}
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() =>
                    form.insertListItem("years", {
                      year: String(lastYear ? lastYear + 1 : thisYear),
                      plannedSavingsUse: "",
                      plannedCompensationUse: "",
                      activities: "",
                    })
                  }
                >
                  {t("economicReviews.plans.form.addYear")}
                </Button>
              </div>
            )}
          </Stack>
        </Fieldset>
        <Textarea label={t("economicReviews.plans.form.note")} autosize minRows={2} {...field("note")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("economicReviews.plans.form.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("economicReviews.plans.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
