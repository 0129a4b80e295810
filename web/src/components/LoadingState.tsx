import { Group, Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shown while a page's data is on its way; announced politely to screen readers. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="sm" py="md">
      <Loader size="sm" aria-hidden />
      <Text>{label ?? t("common.loading")}</Text>
    </Group>
  );
}
