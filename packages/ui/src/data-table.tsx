// The kit's table: TanStack Table for columns and rows, Mantine for markup, and the loading, empty and error
// states in place of rows. Paging, filtering and sorting happen on the server; the table only shows a page and,
// when given `sorting`, offers a sort button in the headers of the columns the server sorts by.

import { Table } from "@mantine/core";
import { type ColumnDef, type RowData, tableFeatures, useTable } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { Loaded } from "./query-state.tsx";
import { nextSort, type Sort, SortableHeader } from "./sortable-header.tsx";

const features = tableFeatures({});

export type Column<T extends RowData> = ColumnDef<typeof features, T>;

/**
 * Server-side sorting, controlled by the page: the columns whose id is a sort key of the API get a sort button,
 * and a click reports the new sort (the page asks the server again, from its first page).
 */
export interface DataTableSorting<K extends string> {
  readonly columns: ReadonlyArray<K>;
  readonly sort: Sort<K>;
  readonly onSortChange: (sort: Sort<K>) => void;
}

export interface DataTableProps<T extends RowData, K extends string = string> {
  readonly columns: ReadonlyArray<Column<T>>;
  /** The page to show; undefined while it loads. */
  readonly rows: ReadonlyArray<T> | undefined;
  readonly rowKey: (row: T) => string;
  readonly error?: unknown;
  readonly onRetry?: () => void;
  /** What an empty page says (a title and what to do next). */
  readonly empty: { readonly title: string; readonly hint?: ReactNode };
  readonly label: string;
  readonly sorting?: DataTableSorting<K>;
}

const noRows: never[] = [];

export const DataTable = <T extends RowData, K extends string = string>({
  columns,
  rows,
  rowKey,
  error,
  onRetry,
  empty,
  label,
  sorting,
}: DataTableProps<T, K>) => {
  const table = useTable({
    features,
    columns: columns as Array<Column<T>>,
    data: (rows ?? noRows) as Array<T>,
    getRowId: (row) => rowKey(row),
  });
  return (
    <Loaded data={rows} error={error} onRetry={onRetry} empty={empty}>
      {() => (
        // Scrolls sideways on a small screen rather than squeezing its columns.
        <Table.ScrollContainer minWidth={560} type="native">
          <Table striped highlightOnHover aria-label={label} verticalSpacing="xs">
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => {
                    const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                    const sortKey = sorting?.columns.find((key) => key === header.column.id);
                    if (sorting === undefined || sortKey === undefined)
                      return <Table.Th key={header.id}>{content}</Table.Th>;
                    return (
                      <SortableHeader
                        key={header.id}
                        sorted={sorting.sort.by === sortKey ? sorting.sort.direction : undefined}
                        onSort={() => sorting.onSortChange(nextSort(sorting.sort, sortKey))}
                      >
                        {content}
                      </SortableHeader>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {table.getRowModel().rows.map((row) => (
                <Table.Tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <Table.Td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Loaded>
  );
};
