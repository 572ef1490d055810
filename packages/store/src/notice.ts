// Splits a mutation's changes into notifications that fit PostgreSQL's 8000-byte NOTIFY payload.
// A change too large for one payload on its own is announced as `resync`.
import type { Change, ChangeNotice } from "./changes.ts";
import { toJson } from "./json.ts";

/** Stay well under PostgreSQL's 8000-byte limit, leaving room for the envelope. */
const budget = 7000;

/** The JSON payloads announcing `changes` of audit row `audit`, in order (at least one). */
export const noticePayloads = (audit: string, changes: ReadonlyArray<Change>): ReadonlyArray<string> => {
  const chunks: Array<Array<Change>> = [];
  let current: Array<Change> = [];
  let size = 0;
  for (const change of changes) {
    const fitting: Change = Buffer.byteLength(toJson(change)) > budget ? { type: "resync" } : change;
    const length = Buffer.byteLength(toJson(fitting)) + 1;
    if (current.length > 0 && size + length > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(fitting);
    size += length;
  }
  chunks.push(current);
  return chunks.map((part, i) => {
    const notice: ChangeNotice = { audit, part: i + 1, parts: chunks.length, changes: part };
    return toJson(notice);
  });
};
