import { Group, Stack, Text } from "@mantine/core";
import { compareSwedish, type ConfidentialMark } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { ConfidentialBadge } from "./Badges";
import { SERVER_LANG } from "./labels";

/**
 * A confidential part (R2.10-1/-2): always its legal basis and who may read it; and whether this reader
 * may (without clearance the server leaves the content out, and the interface offers no link).
 */
export function ConfidentialNotice({ mark, wholeVersion = false }: { mark: ConfidentialMark; wholeVersion?: boolean }) {
  const { t } = useTranslation();
  const readers = mark.readableBy
    .map((p) => p.name)
    .sort(compareSwedish)
    .join(", ");
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <ConfidentialBadge />
        <Text size="sm" fw={600}>
          {wholeVersion && `${t("documents.confidential.versionWhole")} `}
          {t("documents.confidential.basis")} <span lang={SERVER_LANG}>{mark.basis}</span>
        </Text>
      </Group>
      <Text size="sm">
        {t("documents.confidential.readableBy")} {readers || t("documents.confidential.nobody")}
      </Text>
      <Text size="sm" c="dark.5">
        {mark.canRead ? t("documents.confidential.youMayRead") : t("documents.confidential.noAccess")}
      </Text>
    </Stack>
  );
}
