// Keyset paging over an API that answers `{ items, nextCursor }`: the hook keeps the cursors of the pages
// visited so "Previous" goes back without offsets; the pager renders the two buttons and the page number.
import { Button, Group, Text } from "@mantine/core";
import { useCallback, useState } from "react";

const firstPage: ReadonlyArray<string | undefined> = [undefined];

/**
 * The cursors of the pages visited for `query` (what the pages ask for besides the cursor: search, sort...).
 * When `query` changes the pager is back on the first page in the same render, so a cursor made for the old
 * query (a sort's cursor is refused under another sort) is never sent with the new one.
 */
export const useCursorPages = (query?: unknown) => {
  const key = JSON.stringify(query ?? null);
  const [visited, setVisited] = useState({ key, cursors: firstPage });
  const cursors = visited.key === key ? visited.cursors : firstPage;
  const cursor = cursors[cursors.length - 1];
  return {
    cursor,
    page: cursors.length,
    next: useCallback(
      (nextCursor: string) =>
        setVisited((v) => ({ key, cursors: [...(v.key === key ? v.cursors : firstPage), nextCursor] })),
      [key],
    ),
    previous: useCallback(
      () =>
        setVisited((v) => ({
          key,
          cursors: v.key === key && v.cursors.length > 1 ? v.cursors.slice(0, -1) : firstPage,
        })),
      [key],
    ),
    /** Back to the first page (after a filter changed that is not part of `query`). */
    reset: useCallback(() => setVisited({ key, cursors: firstPage }), [key]),
  };
};

export interface CursorPagerProps {
  readonly page: number;
  readonly nextCursor: string | null | undefined;
  readonly onNext: (cursor: string) => void;
  readonly onPrevious: () => void;
}

export const CursorPager = ({ page, nextCursor, onNext, onPrevious }: CursorPagerProps) => (
  <Group justify="flex-end" gap="xs" mt="sm">
    <Text size="sm" c="dimmed">
      Page {page}
    </Text>
    <Button size="xs" variant="default" disabled={page <= 1} onClick={onPrevious}>
      Previous
    </Button>
    <Button
      size="xs"
      variant="default"
      disabled={nextCursor === null || nextCursor === undefined}
      onClick={() => {
        if (nextCursor !== null && nextCursor !== undefined) onNext(nextCursor);
      }}
    >
      Next
    </Button>
  </Group>
);
