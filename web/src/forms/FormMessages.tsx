import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../components/ErrorState";

/**
 * A form's messages that belong to no field: its own check ("Kontrollera formuläret") and the server's refusal
 * when it names no field (with the request id).
 */
export function FormMessages({
  form,
  errorTitle,
}: {
  form: { formError: string | undefined; submitError: unknown };
  errorTitle?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {form.formError && (
        <Alert role="alert" color="red" variant="light" title={t("common.checkForm")}>
          <Text>{form.formError}</Text>
        </Alert>
      )}
      {!!form.submitError && (
        <ErrorState error={form.submitError} title={errorTitle ?? t("common.errorNotificationTitle")} />
      )}
    </>
  );
}
