// One page of a list procedure's answer: skip the input's `offset`, keep at most its `limit` (MAX_LIST_PAGE when
// omitted), so no list answers with more than MAX_LIST_PAGE entries however many there are.
import { MAX_LIST_PAGE } from "@gatehouse/contracts";

export const pageOf = <A>(
  items: ReadonlyArray<A>,
  page: { readonly offset?: number; readonly limit?: number },
): ReadonlyArray<A> => {
  const start = page.offset ?? 0;
  return items.slice(start, start + (page.limit ?? MAX_LIST_PAGE));
};
