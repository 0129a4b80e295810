import { Group, Text } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** "Uppsikt" in the header, linking to the start page. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" aria-label={t("app.home")} style={{ color: "inherit", textDecoration: "none" }}>
      <Group gap={8} wrap="nowrap">
        <IconShieldCheck size={28} aria-hidden color="var(--mantine-color-uppsikt-7)" />
        <Text component="span" fw={700} size="xl" c="uppsikt.8">
          {t("app.name")}
        </Text>
      </Group>
    </Link>
  );
}
