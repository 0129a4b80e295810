import { NativeSelect } from "@mantine/core";
import { stockholmDate, yearOf } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { useAppConfig } from "../../api/useAppConfig";
import { defaultEconomyYear, economyYears } from "./model";

/** The current year by the server's clock (the demo may run on a clock of its own), else the browser's. */
export function useThisYear(): number {
  const config = useAppConfig();
  return yearOf(config.today || stockholmDate(new Date()));
}

/**
 * The year a county or national economy page shows: the chosen one (`?ar=`), else the previous year by the server's
 * clock, since a year's costs come in with its annual follow-up after the year has ended. The page asks the server
 * for this year explicitly, so the select and the figures always agree.
 */
export function useEconomyYear(chosen: number | undefined): number {
  const current = useThisYear();
  return chosen ?? defaultEconomyYear(current);
}

/** The year select of the county and national economy pages; the current year stays selectable. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const current = useThisYear();
  // A chosen year outside the usual range (e.g. `?ar=2005`) is still shown as chosen.
  const years = [...new Set([...economyYears(Math.max(current, value)), value])].sort((a, b) => b - a);
  return (
    <NativeSelect
      label={t("economy.county.year")}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={years.map(String)}
      w={160}
    />
  );
}
