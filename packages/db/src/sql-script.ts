// Splits a SQL script into its statements, honouring quotes, comments and dollar quoting.
// PostgreSQL servers reached through @effect/sql-pg only take one statement per query; see postgres/connection.ts.

const isIdentStart = (c: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(c);
const isIdentChar = (c: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** Index just past a quoted run that opened at `start` (`quote` is ' or "); a doubled quote stays inside. */
const skipQuoted = (sql: string, start: number, quote: string, backslashEscapes: boolean): number => {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === "\\") {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return i;
};

/** Index just past a block comment opened at `start`; block comments nest in PostgreSQL. */
const skipBlockComment = (sql: string, start: number): number => {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return i;
};

/** The `$tag$` opening a dollar-quoted string at `start`, or undefined (`$1` is a parameter, not a quote). */
const dollarTag = (sql: string, start: number): string | undefined => {
  let i = start + 1;
  if (sql[i] === "$") return "$$";
  const first = sql[i];
  if (first === undefined || !isIdentStart(first)) return undefined;
  while (i < sql.length && sql[i] !== "$") {
    const c = sql[i];
    if (c === undefined || !isIdentChar(c)) return undefined;
    i += 1;
  }
  return i < sql.length ? sql.slice(start, i + 1) : undefined;
};

/** Splits `sql` at top-level semicolons; statements are trimmed, empty ones (and lone comments) dropped. */
export const splitStatements = (sql: string): ReadonlyArray<string> => {
  const statements: Array<string> = [];
  let begin = 0;
  let hasCode = false;
  let i = 0;
  const flush = (end: number) => {
    const text = sql.slice(begin, end).trim();
    if (hasCode && text !== "") statements.push(text);
    begin = end + 1;
    hasCode = false;
  };
  while (i < sql.length) {
    const c = sql[i] ?? "";
    const previous = i > 0 ? (sql[i - 1] ?? "") : "";
    if (c === ";") {
      flush(i);
      i += 1;
    } else if (sql.startsWith("--", i)) {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith("/*", i)) {
      i = skipBlockComment(sql, i);
    } else if (c === "'") {
      hasCode = true;
      i = skipQuoted(sql, i, "'", (previous === "E" || previous === "e") && !isIdentChar(sql[i - 2] ?? " "));
    } else if (c === '"') {
      hasCode = true;
      i = skipQuoted(sql, i, '"', false);
    } else if (c === "$" && !isIdentChar(previous)) {
      const tag = dollarTag(sql, i);
      hasCode = true;
      if (tag === undefined) {
        i += 1;
      } else {
        const close = sql.indexOf(tag, i + tag.length);
        i = close === -1 ? sql.length : close + tag.length;
      }
    } else {
      if (!/\s/.test(c)) hasCode = true;
      i += 1;
    }
  }
  flush(sql.length);
  return statements;
};

/** A dollar-quote tag that does not occur in `text`. */
const freshTag = (text: string, base: string): string => {
  let n = 0;
  while (text.includes(`$${base}${n}$`)) n += 1;
  return `$${base}${n}$`;
};

/**
 * Wraps a script of several statements in one anonymous PL/pgSQL block, so a server reached through the
 * extended protocol runs it in one round trip and atomically, as the simple protocol would. The block
 * returns no rows and cannot hold statements PostgreSQL refuses inside a function (VACUUM, CREATE
 * DATABASE, CREATE INDEX CONCURRENTLY, transaction control).
 */
export const asDoBlock = (script: string): string => {
  const inner = freshTag(script, "gh_script_");
  const outer = freshTag(`${script}${inner}`, "gh_block_");
  return `DO ${outer} BEGIN EXECUTE ${inner}${script}${inner}; END ${outer}`;
};
