import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Requests for further documents (begäran om underlag, R2.5-4) on the municipality's Dialog tab. */
export function RequestsSection({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="requests-heading" data-code={code}>
      <Title order={2} size="h3" id="requests-heading">
        {t("requests.heading")}
      </Title>
    </Stack>
  );
}
