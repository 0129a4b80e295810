import { ActionIcon } from "@mantine/core";
import { DateInput, type DateInputProps } from "@mantine/dates";
import { IsoDate } from "@uppsikt/core";
import { IconCalendar } from "@tabler/icons-react";
import { type FocusEvent, type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";

/** Typed dates are read as the contracts read them (2026-12-01 only), so 01/12 can never mean two different days. */
const parseIsoDate = (input: string): string | null => {
  const parsed = IsoDate.safeParse(input.trim());
  return parsed.success ? parsed.data : null;
};

type Props = Omit<
  DateInputProps,
  "value" | "onChange" | "valueFormat" | "dateParser" | "minDate" | "maxDate" | "popoverProps"
> & {
  value?: string | null;
  onChange: (value: string) => void;
};

/**
 * Every date field of the app: Mantine's date input in the interface language (dayjs `sv`, from the
 * DatesProvider in main.tsx), shown and typed as 2026-12-01. The value is the ISO date string or "".
 * The calendar opens from its button or with Alt+↓ (not on focus or typing, so it never covers the form
 * while someone types a date); Escape closes it. Limits are the contract's and the server's to tell, in
 * Swedish: a typed date outside a min/max would otherwise be dropped without a word.
 */
export function DateField({ value, onChange, onBlur, onKeyDown, ...rest }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      dateParser={parseIsoDate}
      placeholder={t("common.datePlaceholder")}
      allowDeselect
      leftSection={
        <ActionIcon
          variant="subtle"
          color="dark"
          size="sm"
          aria-label={t("common.openCalendar")}
          data-calendar-toggle
          aria-expanded={open}
          // Not an "outside" click for the popover, which would close it just before this toggles it open again.
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => setOpen((o) => !o)}
        >
          <IconCalendar size={16} aria-hidden />
        </ActionIcon>
      }
      leftSectionPointerEvents="all"
      popoverProps={{ opened: open, onDismiss: () => setOpen(false), withinPortal: false }}
      {...rest}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === "ArrowDown" && e.altKey) setOpen(true);
        if (e.key === "Escape") setOpen(false);
        onKeyDown?.(e);
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        const to = e.relatedTarget instanceof Element ? e.relatedTarget : null;
        if (!to?.closest("[data-dates-dropdown]")) setOpen(false);
        onBlur?.(e);
      }}
      value={value || null}
      onChange={(next) => {
        setOpen(false);
        onChange(next ?? "");
      }}
    />
  );
}
