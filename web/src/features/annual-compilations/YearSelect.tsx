import { NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useThisYear } from "../economy/YearSelect";
import { annualFormsQuery } from "./api";
import { compilationYears, defaultCompilationYear } from "./model";

/** The year a compilation page shows: the chosen one (`?ar=`), else the latest year with a published form. */
export function useCompilationYear(chosen: number | undefined): { year: number; years: number[] } {
  const thisYear = useThisYear();
  const forms = useQuery(annualFormsQuery);
  const items = forms.data?.items ?? [];
  const year = chosen ?? defaultCompilationYear(items, thisYear);
  return { year, years: compilationYears(items, year) };
}

export function YearSelect({
  value,
  years,
  onChange,
}: {
  value: number;
  years: number[];
  onChange: (year: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t("annualCompilations.year")}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={years.map(String)}
      w={140}
    />
  );
}
