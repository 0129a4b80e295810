import { Button, Stack, Table, Text, type MantineSpacing, type TableProps } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { Fragment, type ReactNode } from "react";
import { AppModal } from "./AppModal";
import { EmptyState } from "./EmptyState";
import { TableScroll } from "./TableScroll";

/**
 * The common parts of the reference list pages (agreements, OSL grounds, compensation parts): the "new" button, the
 * list as a table in `TableScroll` with an edit action per row (or its empty state) and the form in a modal. Each
 * page keeps its own columns, headings and form.
 */

/** What the modal shows: nothing, the form for a new item, or the form for one item. */
export type ReferenceEditing<T> = { mode: "new" } | { mode: "edit"; item: T } | null;

export function ReferenceNewButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}

interface ReferenceTableProps<T> {
  items: readonly T[];
  /** The message when there are no items. */
  empty: string;
  /** The count line above the table (read out when it changes), with `gap` between them. */
  total?: string;
  gap?: MantineSpacing;
  /** The table's (visually hidden) caption, also the scroll region's name. */
  caption: string;
  minWidth: number;
  /** Further props of the table (`verticalSpacing`, `aria-busy`, `data-testid` …). */
  tableProps?: Omit<TableProps, "children"> & { "data-testid"?: string };
  /** The column headers, without the action column. */
  headers: readonly string[];
  rowKey: (item: T) => string | number;
  /** A row's cells, without the action cell. */
  cells: (item: T) => ReactNode;
  /** The edit action of each row, when the user may write: the column's hidden header and the button's texts. */
  edit?: {
    header: string;
    text: string;
    label: (item: T) => string;
    onEdit: (item: T) => void;
  };
}

export function ReferenceTable<T>({
  items,
  empty,
  total,
  gap = "sm",
  caption,
  minWidth,
  tableProps,
  headers,
  rowKey,
  cells,
  edit,
}: ReferenceTableProps<T>) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  const table = (
    <TableScroll label={caption} minWidth={minWidth}>
      <Table striped withTableBorder {...tableProps}>
        <Table.Caption className="visually-hidden-text">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header} scope="col">
                {header}
              </Table.Th>
            ))}
            {edit && (
              <Table.Th scope="col">
                <span className="visually-hidden-text">{edit.header}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ verticalAlign: "top" }}>
          {items.map((item) => (
            <Table.Tr key={rowKey(item)}>
              {cells(item)}
              {edit && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="outline"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={edit.label(item)}
                    onClick={() => edit.onEdit(item)}
                  >
                    {edit.text}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
  if (total === undefined) return table;
  return (
    <Stack gap={gap}>
      <Text fw={600} aria-live="polite" aria-atomic>
        {total}
      </Text>
      {table}
    </Stack>
  );
}

/**
 * The form of `editing` in a modal, remounted per item (`itemKey`) so it starts from that item's values; `form`
 * gets the item, or undefined for a new one.
 */
export function ReferenceEditModal<T>({
  editing,
  onClose,
  titles,
  itemKey,
  form,
}: {
  editing: ReferenceEditing<T>;
  onClose: () => void;
  titles: { new: string; edit: string };
  itemKey: (item: T) => string | number;
  form: (item: T | undefined) => ReactNode;
}) {
  return (
    <AppModal opened={editing !== null} onClose={onClose} title={editing?.mode === "edit" ? titles.edit : titles.new}>
      {editing && (
        <Fragment key={editing.mode === "edit" ? itemKey(editing.item) : "new"}>
          {form(editing.mode === "edit" ? editing.item : undefined)}
        </Fragment>
      )}
    </AppModal>
  );
}
