// CSV for exports, through papaparse: RFC 4180 quoting, and a cell that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) is prefixed with ' so that it stays text.
import Papa from "papaparse";

/** At most this many rows in one export: a bigger one is cut there and says so (`truncated`). */
export const MAX_EXPORT_ROWS = 10_000;

/** The CSV of `header` and `rows`, CRLF line ends, formulas defused. */
export const toCsv = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { escapeFormulae: true, newline: "\r\n", quotes: false },
  );
