import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";

/** The server's own (Swedish) message and its request id, so that support can find the request. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  const requestId = isApiError(error) ? error.requestId : null;
  const status = isApiError(error) ? error.status : 0;
  // Asking again helps with network and server errors, not with "not found" or "forbidden".
  const retryable = status === 0 || status >= 500 || status === 408 || status === 429;
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
        {status === 404 && <Text>{t("common.notFoundHint")}</Text>}
        {requestId && (
          <Text size="sm" c="dimmed">
            {t("common.requestId", { id: requestId })}
          </Text>
        )}
        {onRetry && retryable && (
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
