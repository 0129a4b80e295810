import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FollowUpInput, isValidIsoDate, type DocumentTypeId } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { oversightKeys, recordFollowUp, type FollowUpBody } from "./api";
import { notifySaved } from "../../../components/notify";
import { FormMessages } from "../../../forms/FormMessages";
import { useContractForm } from "../../../forms/useContractForm";
import { DateField } from "../../../components/DateField";

export interface MissingDocument {
  municipality: { code: string; name: string };
  type: DocumentTypeId;
  typeName: string;
  period: number;
  reason: string | null;
  agreedDate: string | null;
}

/** Why a document is missing and the date agreed with the municipality (R2.2-4); checked with core's schema. */
export function FollowUpForm({
  missing,
  onDone,
  onCancel,
}: {
  missing: MissingDocument;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: FollowUpBody) => recordFollowUp(missing.municipality.code, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: oversightKeys.documents });
      notifySaved(
        t("countyDocuments.yearTwo.form.saved", { type: missing.typeName, municipality: missing.municipality.name }),
      );
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: FollowUpInput,
    initialValues: { reason: missing.reason ?? "", agreedDate: missing.agreedDate ?? "" },
    toInput: (v) => ({ type: missing.type, period: missing.period, ...v }),
    validate: (v) =>
      isValidIsoDate(v.agreedDate) ? {} : { agreedDate: t("countyDocuments.yearTwo.form.dateInvalid") },
    onSubmit: (input) => mutation.mutate(input),
  });

  return (
    <form {...contract.formProps} data-follow-up-form>
      <Stack gap="md">
        <Text size="sm">{t("common.requiredNote")}</Text>
        <dl style={{ margin: 0 }}>
          <Text component="dt" size="sm" fw={600}>
            {t("countyDocuments.yearTwo.form.municipality")}
          </Text>
          <Text component="dd" m={0} mb="xs">
            {missing.municipality.name}
          </Text>
          <Text component="dt" size="sm" fw={600}>
            {t("countyDocuments.yearTwo.form.document")}
          </Text>
          <Text component="dd" m={0}>
            {missing.typeName}
          </Text>
        </dl>
        <FormMessages form={contract} />
        <Textarea
          label={t("countyDocuments.yearTwo.form.reason")}
          description={t("countyDocuments.yearTwo.form.reasonHelp")}
          required
          autosize
          minRows={3}
          {...contract.field("reason")}
        />
        <DateField
          label={t("countyDocuments.yearTwo.form.agreedDate")}
          description={t("countyDocuments.yearTwo.form.agreedDateHelp")}
          required
          w={220}
          {...contract.field("agreedDate")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
