import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { ActionReportFields, type ActionView } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { FormMessages } from "../../forms/FormMessages";
import { useContractForm } from "../../forms/useContractForm";
import { useFileField } from "../../forms/useFileField";
import { FilePicker, SecurityNotice } from "../documents/FilePicker";
import { reportAction } from "./api";

/**
 * The coordinator reports an action done (R2.7-8): what the municipality has done and files that show it, sent as
 * multipart. The form says first that security-classified information must never be uploaded (R2.10-2).
 */
export function ReportForm({
  action,
  title,
  onDone,
  onCancel,
}: {
  action: ActionView;
  title: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fileField = useFileField();
  const mutation = useMutation({
    mutationFn: (fields: { comment: string }) => {
      const form = new FormData();
      form.append("comment", fields.comment);
      fileField.append(form);
      return reportAction(action.id, form);
    },
    onSuccess: onDone,
    onError: (error) => contract.onServerError(error),
  });
  const contract = useContractForm({
    schema: ActionReportFields,
    initialValues: { comment: "" },
    validate: fileField.validate,
    onSubmit: (fields) => mutation.mutate(fields),
  });
  return (
    <form {...contract.formProps}>
      <Stack gap="md">
        <SecurityNotice autoFocus />
        <Text fw={600} style={{ overflowWrap: "anywhere" }}>
          {title}
        </Text>
        <FormMessages form={contract} />
        <Textarea
          label={t("protocols.actions.reportComment")}
          required
          autosize
          minRows={3}
          {...contract.field("comment")}
        />
        <FilePicker
          label={t("protocols.actions.reportFiles")}
          description={t("protocols.actions.reportFilesHelp")}
          {...fileField.pickerProps(contract)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("protocols.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("protocols.actions.reportSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
