import { Table } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

interface SortableHeaderProps<S extends string> {
  column: S;
  label: string;
  sort: S;
  order: "asc" | "desc";
  onSort: (column: S, order: "asc" | "desc") => void;
}

/** A `<th>` whose button sorts the table; `aria-sort` tells the current order. */
export function SortableHeader<S extends string>({ column, label, sort, order, onSort }: SortableHeaderProps<S>) {
  const { t } = useTranslation();
  const active = sort === column;
  const ariaSort = active ? (order === "asc" ? "ascending" : "descending") : undefined;
  const Icon = active ? (order === "asc" ? IconArrowUp : IconArrowDown) : IconArrowsSort;
  return (
    <Table.Th aria-sort={ariaSort} scope="col">
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column, active && order === "asc" ? "desc" : "asc")}
      >
        {label}
        <Icon size={16} aria-hidden />
        {active && (
          <span className="visually-hidden-text">
            {" "}
            ({order === "asc" ? t("county.sortedAsc") : t("county.sortedDesc")})
          </span>
        )}
      </button>
    </Table.Th>
  );
}
