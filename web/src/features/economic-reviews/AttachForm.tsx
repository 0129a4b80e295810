import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ECONOMIC_REVIEW_FILE_KINDS, EconomicReviewFileKind, type EconomicReview } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { useFileField } from "../../forms/useFileField";
import { FilePicker, SecurityNotice } from "../documents/FilePicker";
import { attachReviewFiles, invalidateEconomicReviews } from "./api";

const AttachQuery = z.object({ kind: EconomicReviewFileKind });

/**
 * Attachments of an economic review (R2.5-6): the municipality's own audit, an external audit or another file, sent
 * through the file intake as multipart (one part `file` per file, all of the kind chosen).
 */
export function AttachForm({
  review,
  title,
  onDone,
  onCancel,
}: {
  review: EconomicReview;
  title: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileField = useFileField({ requiredMessage: t("economicReviews.reviews.attachForm.filesRequired") });
  const mutation = useMutation({
    mutationFn: ({ kind }: z.output<typeof AttachQuery>) => {
      const form = new FormData();
      fileField.append(form);
      return attachReviewFiles(review.id, kind, form);
    },
    onSuccess: () => {
      invalidateEconomicReviews(queryClient);
      onDone();
    },
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: AttachQuery,
    initialValues: { kind: "ownAudit" as string },
    validate: fileField.validate,
    onSubmit: (query) => mutation.mutate(query),
  });
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <SecurityNotice autoFocus />
        <Text fw={600}>{title}</Text>
        <FormMessages form={contract} />
        <NativeSelect
          label={t("economicReviews.reviews.attachForm.kind")}
          required
          w={{ base: "100%", xs: 320 }}
          data={ECONOMIC_REVIEW_FILE_KINDS.map((k) => ({
            value: k,
            label: t(`economicReviews.reviews.fileKind.${k}`),
          }))}
          {...contract.field("kind")}
        />
        <FilePicker
          label={t("economicReviews.reviews.attachForm.files")}
          description={t("economicReviews.reviews.attachForm.filesHelp")}
          {...fileField.pickerProps(contract)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("economicReviews.reviews.form.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("economicReviews.reviews.attachForm.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
