import { Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { compareSwedish, type ConfidentialMark } from "@uppsikt/core";
import { useTranslation } from "react-i18next";

/** "Sekretess" in place of an amount the reader may not see: with its basis and who may read it, never a number. */
export function ConfidentialAmount({ mark, compact = false }: { mark: ConfidentialMark | null; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text
        size="sm"
        fw={600}
        span
        style={{ display: "inline-flex", alignItems: "center", gap: 4, whiteSpace: "nowrap" }}
      >
        <IconLock size={14} aria-hidden />
        {t("economy.secret")}
      </Text>
      {mark && !compact && <ConfidentialDetails mark={mark} />}
    </Stack>
  );
}

/** The legal basis of a confidential amount and who may read it. */
export function ConfidentialDetails({ mark }: { mark: ConfidentialMark }) {
  const { t } = useTranslation();
  const readers = mark.readableBy
    .map((p) => p.name)
    .sort(compareSwedish)
    .join(", ");
  return (
    <>
      <Text size="xs">{t("economy.municipality.secretBasis", { basis: mark.basis })}</Text>
      <Text size="xs">
        {t("economy.municipality.readableBy", { names: readers || t("economy.municipality.nobody") })}
      </Text>
    </>
  );
}

/**
 * No share for a year whose costs are not in yet: a dash to the eye, the reason in words to a screen reader and in a
 * tooltip for the mouse.
 */
export function NoShare() {
  const { t } = useTranslation();
  const reason = t("economy.municipality.shareNoCosts");
  return (
    <span title={reason}>
      <span aria-hidden>{t("economy.none")}</span>
      <span className="visually-hidden-text">{reason}</span>
    </span>
  );
}
