import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";

/** The server's own (Swedish) message and its request id, so that support can find the request. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title ?? t("common.errorTitle")}
      icon={<IconAlertTriangle aria-hidden />}
      my="md"
      styles={{ message: { color: "var(--mantine-color-text)" }, title: { color: "var(--mantine-color-red-9)" } }}
    >
      <Stack gap="xs">
        <Text>{message}</Text>
        {requestId && (
          <Text size="sm" c="dimmed">
            {t("common.requestId", { id: requestId })}
          </Text>
        )}
        {onRetry && (
          <div>
            <Button size="xs" variant="outline" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
