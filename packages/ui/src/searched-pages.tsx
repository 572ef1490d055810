// A list searched and paged on the server: the search box (debounced), the keyset pages of what it asks for,
// and the table of one page with its pager; a new search (or `query`) starts again from the first page.
import { TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { RowData } from "@tanstack/react-table";
import { useState } from "react";
import { CursorPager, useCursorPages } from "./cursor-pager.tsx";
import { DataTable, type DataTableProps } from "./data-table.tsx";

/** `label` names what is searched ("Search users"); `query` is what else the pages depend on (a sort). */
export const useSearchedPages = (label: string, query?: unknown) => {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const pages = useCursorPages([debounced, query ?? null]);
  const searchBox = (
    <TextInput
      label={label}
      placeholder="Name or email"
      value={search}
      onChange={(event) => setSearch(event.currentTarget.value)}
      maw={360}
    />
  );
  return {
    /** The search box, to render above the table. */
    searchBox,
    /** The search as sent (trimmed, debounced); "" for none. */
    searched: debounced,
    pages,
    /** What the list procedure is asked for besides its own input: the search and the page's cursor. */
    pageInput: {
      ...(debounced === "" ? {} : { search: debounced }),
      ...(pages.cursor === undefined ? {} : { cursor: pages.cursor }),
    },
  };
};

export interface PagedTableProps<T extends RowData, K extends string>
  extends Omit<DataTableProps<T, K>, "rows" | "error" | "onRetry"> {
  readonly query: {
    readonly data: { readonly items: ReadonlyArray<T>; readonly nextCursor: string | null } | undefined;
    readonly error: unknown;
    readonly refetch: () => unknown;
  };
  readonly pages: ReturnType<typeof useCursorPages>;
}

/** One page of a keyset-paged query as a table, with Previous and Next under it. */
export const PagedTable = <T extends RowData, K extends string = string>({
  query,
  pages,
  ...table
}: PagedTableProps<T, K>) => (
  <>
    <DataTable {...table} rows={query.data?.items} error={query.error} onRetry={() => void query.refetch()} />
    <CursorPager
      page={pages.page}
      nextCursor={query.data?.nextCursor}
      onNext={pages.next}
      onPrevious={pages.previous}
    />
  </>
);
