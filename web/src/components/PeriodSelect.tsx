import { NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { periodsQuery } from "../api/queries";
import { useAppConfig } from "../api/useAppConfig";

interface PeriodSelectProps {
  /** The chosen period (its first year); undefined: the current one, or every period with `allowAll`. */
  value: number | undefined;
  onChange: (period: number | undefined) => void;
  /** Offer "Alla mandatperioder" as the empty choice instead of defaulting to the current period. */
  allowAll?: boolean;
  w?: number;
}

/** The mandate period as a native select; the current period is the default and is left out of the URL. */
export function PeriodSelect({ value, onChange, allowAll = false, w = 240 }: PeriodSelectProps) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const periods = useQuery(periodsQuery);
  const items = periods.data?.items ?? [];
  const currentId = items.find((p) => p.current)?.id ?? config.currentPeriod;
  const options = items.map((p) => ({
    value: String(p.id),
    label: t(p.current ? "municipality.periodCurrent" : "municipality.periodOption", {
      first: p.firstYear,
      last: p.lastYear,
    }),
  }));
  const selected = allowAll ? (value === undefined ? "" : String(value)) : String(value ?? currentId);
  // Until the list has come, show the chosen period so that the control never jumps.
  if (!items.some((p) => String(p.id) === selected) && selected !== "")
    options.push({
      value: selected,
      label: t("countyDocuments.periodRange", { first: selected, last: Number(selected) + 3 }),
    });
  return (
    <NativeSelect
      label={t("countyDocuments.period")}
      data={allowAll ? [{ value: "", label: t("countyDocuments.allPeriods") }, ...options] : options}
      value={selected}
      w={w}
      error={periods.isError ? periods.error.message : undefined}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (!v) return onChange(undefined);
        const id = Number(v);
        onChange(!allowAll && id === currentId ? undefined : id);
      }}
    />
  );
}
