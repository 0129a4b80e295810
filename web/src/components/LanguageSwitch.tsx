import { NativeSelect } from "@mantine/core";
import { IconLanguage } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, currentLanguage, setLanguage, type Language } from "../i18n";

/** Svenska/English; the name is bilingual so that it can be found in either language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value = i18n.language === "en" ? "en" : currentLanguage();
  return (
    <NativeSelect
      aria-label={t("app.languageSwitch")}
      title={t("app.languageSwitch")}
      size="sm"
      w={130}
      leftSection={<IconLanguage size={18} aria-hidden />}
      value={value}
      onChange={(e) => void setLanguage(e.currentTarget.value as Language)}
    >
      {LANGUAGES.map((lang) => (
        <option key={lang} value={lang} lang={lang}>
          {t(`languages.${lang}`)}
        </option>
      ))}
    </NativeSelect>
  );
}
