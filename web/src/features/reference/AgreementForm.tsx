import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AgreementInput, AgreementKind, type Agreement } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { createAgreement, updateAgreement } from "../../api/endpoints";
import { keys } from "../../api/queries";
import { notifySaved } from "../../components/notify";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";

interface AgreementFormProps {
  agreement?: Agreement;
  defaultYear: number;
  onDone: () => void;
  onCancel: () => void;
}

/** All fields of an agreement; task areas are written one per line. */
export function AgreementForm({ agreement, defaultYear, onDone, onCancel }: AgreementFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (value: AgreementInput) => (agreement ? updateAgreement(agreement.id, value) : createAgreement(value)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.agreementsAll });
      notifySaved(agreement ? t("agreements.form.updated") : t("agreements.form.created"));
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: AgreementInput,
    initialValues: {
      kind: agreement?.kind ?? ("combined" as AgreementKind),
      title: agreement?.title ?? "",
      firstYear: (agreement?.firstYear ?? defaultYear) as number | string,
      lastYear: (agreement?.lastYear ?? defaultYear) as number | string,
      registrationNumber: agreement?.registrationNumber ?? "",
      taskAreas: (agreement?.taskAreas ?? []).join("\n"),
      note: agreement?.note ?? "",
    },
    toInput: (v) => ({
      kind: v.kind,
      title: v.title,
      firstYear: typeof v.firstYear === "number" ? v.firstYear : Number.NaN,
      lastYear: typeof v.lastYear === "number" ? v.lastYear : Number.NaN,
      registrationNumber: v.registrationNumber.trim() || null,
      taskAreas: v.taskAreas
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      note: v.note.trim() || null,
    }),
    validate: (v) =>
      typeof v.firstYear === "number" && typeof v.lastYear === "number" && v.lastYear < v.firstYear
        ? { lastYear: t("agreements.form.yearOrder") }
        : {},
    onSubmit: (value) => mutation.mutate(value),
  });
  const { field } = contract;

  return (
    <form {...contract.formProps} data-agreement-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <FormMessages form={contract} />
        <NativeSelect
          label={t("agreements.form.kind")}
          required
          data={AgreementKind.options.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))}
          {...field("kind")}
        />
        <TextInput label={t("agreements.form.title")} required {...field("title")} />
        <Group grow align="flex-start">
          <NumberInput
            label={t("agreements.form.firstYear")}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            {...field("firstYear")}
          />
          <NumberInput
            label={t("agreements.form.lastYear")}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            {...field("lastYear")}
          />
        </Group>
        <TextInput
          label={t("agreements.form.registrationNumber")}
          description={t("agreements.form.registrationNumberHelp")}
          {...field("registrationNumber")}
        />
        <Textarea
          label={t("agreements.form.taskAreas")}
          description={t("agreements.form.taskAreasHelp")}
          autosize
          minRows={4}
          {...field("taskAreas")}
        />
        <Textarea label={t("agreements.form.note")} autosize minRows={2} {...field("note")} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {agreement ? t("common.save") : t("agreements.form.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
