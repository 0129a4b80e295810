import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CompensationPartCreate, CompensationPartUpdate, type CompensationPart } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isApiError } from "../../api/client";
import { agreementsQuery } from "../../api/queries";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { createCompensationPart, invalidateCompensation, updateCompensationPart } from "./api";
import { parseWhole } from "./model";

type Create = z.output<typeof CompensationPartCreate>;
type Update = z.output<typeof CompensationPartUpdate>;

/**
 * A compensation part (R1-5), new or changed (with the version it started from): names, agreement, years, whether it
 * counts toward savings, confidentiality, predecessor, order and source (or "ej verifierad").
 */
export function PartForm({
  part,
  parts,
  defaultYear,
  onDone,
  onCancel,
}: {
  part?: CompensationPart;
  parts: CompensationPart[];
  defaultYear: number;
  onDone: (saved: CompensationPart) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agreements = useQuery(agreementsQuery());
  const mutation = useMutation({
    mutationFn: (input: Create | Update) =>
      part ? updateCompensationPart(part.code, input as Update) : createCompensationPart(input as Create),
    onSuccess: (saved) => {
      invalidateCompensation(queryClient);
      onDone(saved);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409 && part) invalidateCompensation(queryClient);
      contract.onServerError(error);
    },
  });
  const nextPosition = Math.min(100, parts.reduce((max, p) => Math.max(max, p.position), 0) + 1);
  const contract = useContractForm({
    schema: part ? CompensationPartUpdate : CompensationPartCreate,
    initialValues: {
      code: part?.code ?? "",
      name: part?.name ?? "",
      nameEn: part?.nameEn ?? "",
      agreementId: part?.agreement?.id ?? "",
      firstYear: String(part?.firstYear ?? defaultYear),
      lastYear: part?.lastYear === null || part?.lastYear === undefined ? "" : String(part.lastYear),
      countsTowardSavings: part?.countsTowardSavings ?? true,
      confidential: (part?.confidentialBasis ?? null) !== null,
      confidentialBasis: part?.confidentialBasis ?? "",
      predecessor: part?.predecessor ?? "",
      position: String(part?.position ?? nextPosition),
      source: part?.source ?? "",
      unverified: part?.unverified ?? false,
    },
    toInput: (v) => ({
      ...(part ? { version: part.version } : { code: v.code }),
      name: v.name,
      nameEn: v.nameEn,
      agreementId: v.agreementId || null,
      firstYear: v.firstYear.trim(),
      lastYear: v.lastYear.trim() || null,
      countsTowardSavings: v.countsTowardSavings,
      confidentialBasis: v.confidential ? v.confidentialBasis : null,
      predecessor: v.predecessor || null,
      position: parseWhole(v.position),
      source: v.source.trim() || null,
      unverified: v.unverified,
    }),
    validate: (v) => ({
      firstYear: v.firstYear.trim() ? undefined : t("compensation.form.yearRequired"),
    }),
    onSubmit: (input) => mutation.mutate(input as Create | Update),
  });
  const { field, form } = contract;
  const stale = isApiError(mutation.error) && mutation.error.status === 409 && part !== undefined;

  const agreementOptions = (agreements.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }));
  if (part?.agreement && !agreementOptions.some((o) => o.value === part.agreement?.id))
    agreementOptions.push({ value: part.agreement.id, label: part.agreement.title });
  const predecessorOptions = parts
    .filter((p) => p.code !== part?.code)
    .map((p) => ({ value: p.code, label: `${p.code} – ${p.name}` }));

  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <Text size="sm">{t("compensation.form.requiredNote")}</Text>
        <FormMessages form={contract} />
        {stale && (
          <Text c="red.9" role="alert">
            {t("compensation.parts.stale")}
          </Text>
        )}
        {part ? (
          <Text>
            <Text span fw={600}>
              {t("compensation.form.code")}:
            </Text>{" "}
            {part.code}
          </Text>
        ) : (
          <TextInput
            label={t("compensation.form.code")}
            description={t("compensation.form.codeHelp")}
            required
            autoComplete="off"
            {...field("code")}
          />
        )}
        <TextInput label={t("compensation.form.name")} required {...field("name")} />
        <TextInput label={t("compensation.form.nameEn")} required {...field("nameEn")} lang="en" />
        <NativeSelect
          label={t("compensation.form.agreement")}
          description={t("compensation.form.agreementHelp")}
          data={[{ value: "", label: t("compensation.form.agreementNone") }, ...agreementOptions]}
          {...field("agreementId")}
          error={field("agreementId").error ?? (agreements.isError ? agreements.error.message : undefined)}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <TextInput label={t("compensation.form.firstYear")} inputMode="numeric" required {...field("firstYear")} />
          <TextInput
            label={t("compensation.form.lastYear")}
            description={t("compensation.form.lastYearHelp")}
            inputMode="numeric"
            {...field("lastYear")}
          />
          <TextInput
            label={t("compensation.form.position")}
            description={t("compensation.form.positionHelp")}
            inputMode="numeric"
            required
            {...field("position")}
          />
        </SimpleGrid>
        <Checkbox
          label={t("compensation.form.counts")}
          description={t("compensation.form.countsHelp")}
          {...field("countsTowardSavings", { type: "checkbox" })}
        />
        <NativeSelect
          label={t("compensation.form.predecessor")}
          description={t("compensation.form.predecessorHelp")}
          data={[{ value: "", label: t("compensation.form.predecessorNone") }, ...predecessorOptions]}
          {...field("predecessor")}
        />
        <Checkbox
          label={t("compensation.form.confidential")}
          description={t("compensation.form.confidentialHelp")}
          {...field("confidential", { type: "checkbox" })}
        />
        {form.values.confidential && (
          <TextInput
            label={t("compensation.form.basis")}
            description={t("compensation.form.basisHelp")}
            required
            {...field("confidentialBasis")}
          />
        )}
        <TextInput
          label={t("compensation.form.source")}
          description={t("compensation.form.sourceHelp")}
          {...field("source")}
        />
        <Checkbox
          label={t("compensation.form.unverified")}
          description={t("compensation.form.unverifiedHelp")}
          {...field("unverified", { type: "checkbox" })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("compensation.form.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t(part ? "compensation.form.submitEdit" : "compensation.form.submitCreate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
