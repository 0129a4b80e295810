import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ECONOMIC_REVIEW_FILE_KINDS, EconomicReviewFileKind, type EconomicReview } from "@uppsikt/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { type ChosenFile, FilePicker, SecurityNotice, fileProblem } from "../documents/FilePicker";
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
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const mutation = useMutation({
    mutationFn: ({ kind }: z.output<typeof AttachQuery>) => {
      const form = new FormData();
      for (const f of files) form.append("file", f.file, f.file.name);
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
    validate: () => {
      if (files.length === 0) return { files: t("economicReviews.reviews.attachForm.filesRequired") };
      const problem = fileProblem(files);
      return problem ? { files: t(`documentRequests.answerForm.${problem.kind}`, { name: problem.name }) } : {};
    },
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
          error={contract.error("files")}
          files={files}
          onAdd={(added) => {
            setFiles((prev) => [...prev, ...added]);
            contract.form.clearFieldError("files");
          }}
          onRemove={(key) => setFiles((prev) => prev.filter((x) => x.key !== key))}
          texts={{
            chosen: t("documentRequests.answerForm.filesChosen"),
            none: t("documentRequests.answerForm.filesNone"),
            remove: t("documentRequests.answerForm.remove"),
          }}
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
