// Reads a keyset-paged list to its end, bounded: the exports read the same pages the on-screen lists read,
// so they hold what the lists show, through the same filters.

/** Pages of `size` from `read(after)`, until a short page or `max` items (then `truncated`). */
export const allPages = async <A, C>(
  read: (after: C | undefined, limit: number) => Promise<ReadonlyArray<A>>,
  cursorOf: (last: A) => C,
  max: number,
  size = 500,
): Promise<{ readonly items: ReadonlyArray<A>; readonly truncated: boolean }> => {
  const items: A[] = [];
  let after: C | undefined;
  for (;;) {
    const page = await read(after, size);
    items.push(...page);
    const last = page.at(-1);
    if (items.length > max) return { items: items.slice(0, max), truncated: true };
    if (page.length < size || last === undefined) return { items, truncated: false };
    after = cursorOf(last);
  }
};
