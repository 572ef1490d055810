// A table whose rows open to show more (an audit entry's snapshots, an operation's status changes): a Show/Hide
// button in the last column, with aria-expanded and a label naming the row, opens a full-width row beneath.
import { Button, Table } from "@mantine/core";
import { Fragment, type ReactNode, useState } from "react";
import { SortableHeader, type SortDirection } from "./sortable-header.tsx";
import { EmptyState } from "./states.tsx";

export interface ExpandableColumn<T> {
  readonly id: string;
  readonly header: ReactNode;
  readonly cell: (row: T) => ReactNode;
  /** A column the server sorts by: its direction when sorted by it, and what a click does. */
  readonly sort?: { readonly sorted: SortDirection | undefined; readonly onSort: () => void };
}

export interface ExpandableTableProps<T> {
  readonly label: string;
  readonly rows: ReadonlyArray<T>;
  readonly rowKey: (row: T) => string;
  readonly columns: ReadonlyArray<ExpandableColumn<T>>;
  /** The last column's header ("Details", "Changes"). */
  readonly detailsHeader: string;
  /** The Show/Hide button's accessible name, naming the row ("Show the changes of role.set at …"). */
  readonly toggleLabel: (row: T, expanded: boolean) => string;
  readonly details: (row: T) => ReactNode;
  readonly empty: { readonly title: string; readonly hint?: ReactNode };
}

/** The keys of the open rows, and what opens or closes one. */
const useOpenRows = () => {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return { isOpen: (key: string) => open.has(key), toggle };
};

export const ExpandableTable = <T,>({
  label,
  rows,
  rowKey,
  columns,
  detailsHeader,
  toggleLabel,
  details,
  empty,
}: ExpandableTableProps<T>) => {
  const { isOpen, toggle } = useOpenRows();
  if (rows.length === 0) return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table aria-label={label} verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              column.sort === undefined ? (
                <Table.Th key={column.id}>{column.header}</Table.Th>
              ) : (
                <SortableHeader key={column.id} sorted={column.sort.sorted} onSort={column.sort.onSort}>
                  {column.header}
                </SortableHeader>
              ),
            )}
            <Table.Th>{detailsHeader}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const expanded = isOpen(key);
            return (
              <Fragment key={key}>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Td key={column.id}>{column.cell(row)}</Table.Td>
                  ))}
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => toggle(key)}
                      aria-expanded={expanded}
                      aria-label={toggleLabel(row, expanded)}
                    >
                      {expanded ? "Hide" : "Show"}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr>
                    <Table.Td colSpan={columns.length + 1}>{details(row)}</Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
