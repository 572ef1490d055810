// Keyset paging over an API that answers `{ items, nextCursor }`: the hook keeps the cursors of the pages
// visited so "Previous" goes back without offsets; the pager renders the two buttons and the page number.
import { Button, Group, Text } from "@mantine/core";
import { useCallback, useState } from "react";

export const useCursorPages = () => {
  const [cursors, setCursors] = useState<ReadonlyArray<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  return {
    cursor,
    page: cursors.length,
    next: useCallback((nextCursor: string) => setCursors((c) => [...c, nextCursor]), []),
    previous: useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []),
    /** Back to the first page (after the filter or search changed). */
    reset: useCallback(() => setCursors([undefined]), []),
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
