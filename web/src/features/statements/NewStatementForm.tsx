import { Button, Checkbox, Fieldset, Group, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { StatementCreate, type GroundFinding, type Statement } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { createStatement, invalidateStatements } from "./api";
import { newStatementInput, type NewStatementValues } from "./model";

/**
 * A new draft statement from the grounds the system finds (checkboxes) and one in the officer's words (R3.2-2); or,
 * from a municipality's notice of savings, a statement initiated by the municipality (R3.3-3).
 */
export function NewStatementForm({
  code,
  findings,
  notice,
  onDone,
  onCancel,
}: {
  code: string;
  findings: readonly GroundFinding[];
  notice?: { id: string; createdOn: string } | null;
  onDone: (statement: Statement) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fromNotice = notice ?? null;
  const mutation = useMutation({
    mutationFn: (input: NewStatementValues) => createStatement(newStatementInput(code, input, fromNotice?.id ?? null)),
    onSuccess: (statement) => {
      invalidateStatements(queryClient);
      onDone(statement);
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: StatementCreate,
    initialValues: { grounds: [], other: false, otherText: "" } as NewStatementValues,
    toInput: (v) => newStatementInput(code, v, fromNotice?.id ?? null),
    fieldFor: (path) => (path.startsWith("grounds.") && path.endsWith(".text") ? "otherText" : undefined),
    validate: (v) => {
      if (v.other && v.otherText.trim().length < 3) return { otherText: t("statements.create.otherRequired") };
      if (!fromNotice && v.grounds.length === 0 && !v.other) return { grounds: t("statements.create.noneChosen") };
      return {};
    },
    onSubmit: (_data, values) => mutation.mutate(values),
  });
  const { form } = contract;

  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text>{fromNotice ? t("statements.notices.raiseIntro") : t("statements.create.intro")}</Text>
        {fromNotice && <Text size="sm">{t("statements.create.fromNotice", { date: fromNotice.createdOn })}</Text>}
        <FormMessages form={contract} />
        <Fieldset legend={t("statements.create.groundsLegend")}>
          <Stack gap="sm">
            {findings.length > 0 && (
              <Checkbox.Group
                label={t("statements.create.found")}
                value={form.values.grounds}
                error={contract.error("grounds")}
                onChange={(value) => {
                  form.setFieldValue("grounds", value as NewStatementValues["grounds"]);
                  form.clearFieldError("grounds");
                }}
              >
                <Stack gap="xs" mt="xs">
                  {findings.map((f) => (
                    <Checkbox
                      key={f.ground}
                      value={f.ground}
                      label={t(`statements.ground.${f.ground}`)}
                      description={f.rule}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            {findings.length === 0 && contract.error("grounds") && (
              <Text size="sm" c="red.9" role="alert">
                {contract.error("grounds")}
              </Text>
            )}
            <Checkbox
              label={t("statements.create.otherLabel")}
              checked={form.values.other}
              onChange={(e) => {
                form.setFieldValue("other", e.currentTarget.checked);
                form.clearFieldError("otherText");
                form.clearFieldError("grounds");
              }}
            />
            {form.values.other && (
              <Textarea
                label={t("statements.create.otherText")}
                description={t("statements.create.otherHelp")}
                required
                autosize
                minRows={3}
                maxRows={10}
                {...contract.field("otherText")}
              />
            )}
          </Stack>
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("statements.create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
