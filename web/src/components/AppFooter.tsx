import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../api/useAppConfig";
import { AnchorLink } from "./links";

/** The page footer (contentinfo landmark) with the accessibility statement. */
export function AppFooter({ style }: { style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const config = useAppConfig();
  return (
    <footer
      style={{
        borderTop: "1px solid var(--mantine-color-gray-3)",
        background: "var(--mantine-color-gray-0)",
        ...style,
      }}
    >
      <Group justify="space-between" px="md" py="sm" gap="sm" className="app-footer-links">
        <Text size="sm">
          {t("app.footerText", { agency: config.agencyName })}
          {config.version && ` · ${t("app.version", { version: config.version })}`}
        </Text>
        <nav aria-label={t("app.footerNav")}>
          <AnchorLink to="/tillganglighet" size="sm">
            {t("nav.accessibility")}
          </AnchorLink>
        </nav>
      </Group>
    </footer>
  );
}
