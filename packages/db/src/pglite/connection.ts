// effect/sql's Connection over one PGlite instance: prepared statements through `query`, scripts through `exec`.
// Callers serialize access (see client.ts); PGlite itself is a single in-process session.
import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";
import { Effect, Stream } from "effect";
import type { SqlConnection, SqlError } from "effect/sql";
import { inferParams } from "./params.ts";
import { toSqlError } from "./sql-error.ts";

type Rows = ReadonlyArray<Record<string, unknown>>;
type TransformRows = (<A extends object>(rows: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined;

const attempt = <A>(operation: string, run: () => Promise<A>): Effect.Effect<A, SqlError.SqlError> =>
  Effect.tryPromise({ try: run, catch: (cause) => toSqlError(cause, operation) });

/** Binds parameters with the types @effect/sql-pg would send; a value with no type fails before the query. */
const withTypes = <A>(
  operation: string,
  params: ReadonlyArray<unknown>,
  run: (values: Array<unknown>, options: QueryOptions) => Promise<A>,
): Effect.Effect<A, SqlError.SqlError> =>
  attempt(operation, () => {
    const typed = inferParams(params);
    return run(
      typed.map((param) => param.value),
      { paramTypes: typed.map((param) => param.oid) },
    );
  });

const transformed = (rows: Rows, transformRows: TransformRows): Rows =>
  transformRows === undefined ? rows : transformRows(rows);

export class PgliteConnection implements SqlConnection.Connection {
  readonly pglite: PGlite;

  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }

  private query(sql: string, params: ReadonlyArray<unknown>, operation: string) {
    return withTypes(operation, params, (values, options) =>
      this.pglite.query<Record<string, unknown>>(sql, values, options),
    );
  }

  private values(sql: string, params: ReadonlyArray<unknown>, operation: string) {
    return Effect.map(
      withTypes(operation, params, (values, options) =>
        this.pglite.query<Array<unknown>>(sql, values, { ...options, rowMode: "array" }),
      ),
      (result): ReadonlyArray<ReadonlyArray<unknown>> => result.rows,
    );
  }

  execute(sql: string, params: ReadonlyArray<unknown>, transformRows: TransformRows) {
    return Effect.map(this.query(sql, params, "execute"), (result) =>
      transformed(result.rows, transformRows),
    );
  }

  /** The PGlite result itself (rows, fields, command tag), for callers that need more than the rows. */
  executeRaw(sql: string, params: ReadonlyArray<unknown>): Effect.Effect<Results, SqlError.SqlError> {
    return this.query(sql, params, "executeRaw");
  }

  executeValues(sql: string, params: ReadonlyArray<unknown>) {
    return this.values(sql, params, "executeValues");
  }

  executeValuesUnprepared(sql: string, params: ReadonlyArray<unknown>) {
    return this.values(sql, params, "executeValuesUnprepared");
  }

  /**
   * Without parameters the text goes through PostgreSQL's simple protocol, so it may hold several
   * statements, run as one implicit transaction; a script of several statements returns no rows.
   */
  executeUnprepared(sql: string, params: ReadonlyArray<unknown>, transformRows: TransformRows) {
    if (params.length > 0) return this.execute(sql, params, transformRows);
    return Effect.map(
      attempt("executeUnprepared", () => this.pglite.exec(sql)),
      (results) => {
        const only = results.length === 1 ? results[0] : undefined;
        return transformed(only === undefined ? [] : only.rows, transformRows);
      },
    );
  }

  /** PGlite has no cursors over its in-process session: the rows are read at once and streamed. */
  executeStream(sql: string, params: ReadonlyArray<unknown>, transformRows: TransformRows) {
    return Stream.fromIterableEffect(this.execute(sql, params, transformRows));
  }
}
