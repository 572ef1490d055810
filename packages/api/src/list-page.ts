// One page of a list procedure's answer: by offset (skip the input's `offset`, keep at most its `limit`, MAX_LIST_PAGE
// when omitted) or by keyset (rows read past a cursor, one more than the page holds, tell whether another follows).
import { MAX_LIST_PAGE } from "@gatehouse/contracts";

export const pageOf = <A>(
  items: ReadonlyArray<A>,
  page: { readonly offset?: number; readonly limit?: number },
): ReadonlyArray<A> => {
  const start = page.offset ?? 0;
  return items.slice(start, start + (page.limit ?? MAX_LIST_PAGE));
};

/**
 * A keyset page from the rows read past the cursor with `limit + 1` as their limit: the first `limit` of them, and
 * the cursor of the last one when another page follows (null on the last page).
 */
export const keysetPage = <A>(rows: ReadonlyArray<A>, limit: number, cursorOf: (last: A) => string) => {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
};
