import { DatesProvider } from "@mantine/dates";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Calendars in the interface language: Swedish month and day names, weeks from Monday (wraps the app). A module of
 * its own, apart from `DateField`, so that the date inputs stay out of the first page's JavaScript.
 */
export function AppDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-gb" : "sv";
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>;
}
