import { Alert, Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AgreementInput, AgreementKind, type Agreement } from "@uppsikt/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createAgreement, updateAgreement } from "../../api/endpoints";
import { keys } from "../../api/queries";
import { notifySaved } from "../../components/notify";
import { ErrorState } from "../../components/ErrorState";

type Field = "kind" | "title" | "firstYear" | "lastYear" | "registrationNumber" | "taskAreas" | "note" | "form";

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
  const [kind, setKind] = useState<AgreementKind>(agreement?.kind ?? "combined");
  const [title, setTitle] = useState(agreement?.title ?? "");
  const [firstYear, setFirstYear] = useState<number | string>(agreement?.firstYear ?? defaultYear);
  const [lastYear, setLastYear] = useState<number | string>(agreement?.lastYear ?? defaultYear);
  const [registrationNumber, setRegistrationNumber] = useState(agreement?.registrationNumber ?? "");
  const [taskAreas, setTaskAreas] = useState((agreement?.taskAreas ?? []).join("\n"));
  const [note, setNote] = useState(agreement?.note ?? "");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const input = () => ({
    kind,
    title,
    firstYear: typeof firstYear === "number" ? firstYear : Number.NaN,
    lastYear: typeof lastYear === "number" ? lastYear : Number.NaN,
    registrationNumber: registrationNumber.trim() || null,
    taskAreas: taskAreas
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    note: note.trim() || null,
  });

  const mutation = useMutation({
    mutationFn: (value: AgreementInput) => (agreement ? updateAgreement(agreement.id, value) : createAgreement(value)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.agreementsAll });
      notifySaved(agreement ? t("agreements.form.updated") : t("agreements.form.created"));
      onDone();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const parsed = AgreementInput.safeParse(input());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        const field = (
          ["kind", "title", "firstYear", "lastYear", "registrationNumber", "taskAreas", "note"].includes(key)
            ? key
            : "form"
        ) as Field;
        found[field] ??= issue.message;
      }
    } else if (parsed.data.lastYear < parsed.data.firstYear) {
      found.lastYear = t("agreements.form.yearOrder");
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      window.setTimeout(
        () => document.querySelector<HTMLElement>("[data-agreement-form] [aria-invalid='true']")?.focus(),
        0,
      );
      return;
    }
    mutation.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate data-agreement-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        {errors.form && (
          <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
            <Text>{errors.form}</Text>
          </Alert>
        )}
        {mutation.isError && <ErrorState error={mutation.error} title={t("common.errorNotificationTitle")} />}
        <NativeSelect
          label={t("agreements.form.kind")}
          required
          data={AgreementKind.options.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))}
          value={kind}
          error={errors.kind}
          onChange={(e) => setKind(e.currentTarget.value as AgreementKind)}
        />
        <TextInput
          label={t("agreements.form.title")}
          required
          value={title}
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t("agreements.form.firstYear")}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            value={firstYear}
            error={errors.firstYear}
            onChange={setFirstYear}
          />
          <NumberInput
            label={t("agreements.form.lastYear")}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            value={lastYear}
            error={errors.lastYear}
            onChange={setLastYear}
          />
        </Group>
        <TextInput
          label={t("agreements.form.registrationNumber")}
          description={t("agreements.form.registrationNumberHelp")}
          value={registrationNumber}
          error={errors.registrationNumber}
          onChange={(e) => setRegistrationNumber(e.currentTarget.value)}
        />
        <Textarea
          label={t("agreements.form.taskAreas")}
          description={t("agreements.form.taskAreasHelp")}
          autosize
          minRows={4}
          value={taskAreas}
          error={errors.taskAreas}
          onChange={(e) => setTaskAreas(e.currentTarget.value)}
        />
        <Textarea
          label={t("agreements.form.note")}
          autosize
          minRows={2}
          value={note}
          error={errors.note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
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
