// A table header cell that sorts on the server: a button naming the column, an arrow for the current direction,
// and aria-sort on the cell; clicking the sorted column turns its direction, another column sorts ascending.
import { Group, Table, Text, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

export type SortDirection = "asc" | "desc";

/** A server-side sort: the column (the API's sort key) and the direction. */
export interface Sort<K extends string = string> {
  readonly by: K;
  readonly direction: SortDirection;
}

/** The sort after clicking column `by`: the sorted column turns around, any other starts ascending. */
export const nextSort = <K extends string>(current: Sort<K>, by: K): Sort<K> =>
  current.by === by
    ? { by, direction: current.direction === "asc" ? "desc" : "asc" }
    : { by, direction: "asc" };

const ariaSort = { asc: "ascending", desc: "descending" } as const;
const arrow = { asc: "▲", desc: "▼" } as const;

export interface SortableHeaderProps {
  readonly children: ReactNode;
  /** This column's direction when the table is sorted by it; undefined otherwise. */
  readonly sorted: SortDirection | undefined;
  readonly onSort: () => void;
}

export const SortableHeader = ({ children, sorted, onSort }: SortableHeaderProps) => (
  <Table.Th aria-sort={sorted === undefined ? "none" : ariaSort[sorted]}>
    <UnstyledButton onClick={onSort} fz="sm" fw={700}>
      <Group gap={6} wrap="nowrap">
        {children}
        <Text component="span" size="xs" c={sorted === undefined ? "dimmed" : "inherit"} aria-hidden>
          {sorted === undefined ? "↕" : arrow[sorted]}
        </Text>
      </Group>
    </UnstyledButton>
  </Table.Th>
);
