// Inputs of the audit log (`audit.list`, `audit.actors`): the filters the Admin Center's audit page validates with, and the
// whole query the API decodes (the filters plus organization, order, cursor and page size).
import { Schema } from "effect";
import { Id, Instant, PageSize, SequenceCursor } from "./fields.ts";

const Text = Id;

/** What an audit page can be narrowed to: who acted, on what, which action, and when (`from` inclusive, `to` exclusive). */
export const AuditFilters = Schema.Struct({
  actor: Schema.optionalKey(Text),
  targetKind: Schema.optionalKey(Text),
  targetId: Schema.optionalKey(Text),
  action: Schema.optionalKey(Text),
  from: Schema.optionalKey(Instant),
  to: Schema.optionalKey(Instant),
});

/** Which end of the log a page starts from: the newest entries (default) or the oldest. */
export const AuditOrder = Schema.Literals(["newest", "oldest"]);

export const AuditListInput = Schema.Struct({
  org: Text,
  ...AuditFilters.fields,
  order: Schema.optionalKey(AuditOrder),
  /** `nextCursor` of the previous page, in the same order. */
  cursor: Schema.optionalKey(SequenceCursor),
  limit: Schema.optionalKey(PageSize(200)),
});

/** `audit.actors`: the people who acted in `org`'s log (as the reader may read it) by their name or email. */
export const AuditActorsInput = Schema.Struct({ org: Text, text: Text });

/** `exports.audit`: the same entries as `audit.list` with these filters and order, every page, as CSV. */
export const AuditExportInput = Schema.Struct({
  org: Text,
  ...AuditFilters.fields,
  order: Schema.optionalKey(AuditOrder),
});
