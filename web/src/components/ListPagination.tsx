import { Pagination } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface ListPaginationProps {
  label: string;
  total: number;
  page: number;
  onChange: (page: number) => void;
}

/** Mantine's pagination in a labelled <nav>, with spoken names for the arrow buttons. */
export function ListPagination({ label, total, page, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  if (total <= 1) return null;
  return (
    <nav aria-label={label}>
      <Pagination
        total={total}
        value={page}
        onChange={onChange}
        withEdges
        getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
        getItemProps={(p) => ({ "aria-label": t("pagination.page", { page: p }) })}
      />
    </nav>
  );
}
