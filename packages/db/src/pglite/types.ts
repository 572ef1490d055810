// Result parsers that make PGlite return the same JavaScript values as @effect/sql-pg does.
// Without them PGlite turns int8 into number, a date into a local Date, a timestamp into local time.
import type { ParserOptions } from "@electric-sql/pglite";

const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;

/** A `timestamp` (no time zone) read as UTC fields, as @effect/sql-pg's binary codec does. */
const parseTimestamp = (text: string): Date => new Date(`${text.replace(" ", "T")}Z`);

/** int8 → bigint, date → its `YYYY-MM-DD` text, timestamp → Date with the value's fields in UTC. */
export const pgliteParsers: ParserOptions = {
  [INT8]: (text) => BigInt(text),
  [DATE]: (text) => text,
  [TIMESTAMP]: parseTimestamp,
};
