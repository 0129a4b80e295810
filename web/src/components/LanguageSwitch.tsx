import { Button, Menu } from "@mantine/core";
import { IconCheck, IconChevronDown, IconLanguage } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, setLanguage } from "../i18n";

/** Svenska/English as a menu; the button's name is bilingual so that it can be found in either language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === "en" ? "en" : "sv";
  const name = t("app.languageSwitch");
  return (
    <Menu position="bottom-end" withinPortal transitionProps={{ duration: 0 }}>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          aria-label={name}
          leftSection={<IconLanguage size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          px="sm"
        >
          <span className="language-switch-text">{name}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((lang) => (
          <Menu.Item
            key={lang}
            lang={lang}
            fw={lang === current ? 700 : 400}
            leftSection={lang === current ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16 }} />}
            onClick={() => void setLanguage(lang)}
          >
            {t(`languages.${lang}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
