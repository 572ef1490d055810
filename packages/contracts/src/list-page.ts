// The page a list procedure answers with: at most `limit` entries (1 to 1,000, default 1,000) after skipping
// `offset`, in the list's own order; a page holding `limit` entries may have a next one at `offset + limit`.
import { Schema } from "effect";
import { PageSize } from "./fields.ts";

/** The most entries a list procedure answers with at once. */
export const MAX_LIST_PAGE = 1000;

/** The paging fields list inputs spread into their own: `{ ...ListPage.fields, org: Id, … }`. */
export const ListPage = Schema.Struct({
  offset: Schema.optionalKey(
    Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000 }))),
  ),
  limit: Schema.optionalKey(PageSize(MAX_LIST_PAGE)),
});
