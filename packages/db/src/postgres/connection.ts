// effect/sql's Connection over one @effect/sql-pg session, as PgClient builds it, plus multi-statement scripts.
// sql-pg speaks only the extended protocol (one statement per query); scripts go through asDoBlock instead.
import type { PgConnection } from "@effect/sql-pg";
import { Effect, Stream } from "effect";
import type { SqlConnection, SqlError } from "effect/sql";
import { asDoBlock, splitStatements } from "../sql-script.ts";

type TransformRows = (<A extends object>(rows: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined;

export class PostgresConnection implements SqlConnection.Connection {
  readonly session: PgConnection.PgConnection;

  constructor(session: PgConnection.PgConnection) {
    this.session = session;
  }

  private rows(sql: string, params: ReadonlyArray<unknown>, prepare: boolean, transformRows: TransformRows) {
    return Effect.map(this.session.query(sql, params, prepare), (result) =>
      transformRows === undefined ? result.rows : transformRows(result.rows),
    );
  }

  execute(sql: string, params: ReadonlyArray<unknown>, transformRows: TransformRows) {
    return this.rows(sql, params, true, transformRows);
  }

  /** sql-pg's result (rows, fields, command tag). */
  executeRaw(
    sql: string,
    params: ReadonlyArray<unknown>,
  ): Effect.Effect<PgConnection.Result, SqlError.SqlError> {
    return this.session.query(sql, params);
  }

  executeValues(sql: string, params: ReadonlyArray<unknown>) {
    return this.session.queryValues(sql, params);
  }

  executeValuesUnprepared(sql: string, params: ReadonlyArray<unknown>) {
    return this.session.queryValues(sql, params, false);
  }

  /** A parameterless script of several statements runs as one atomic block and returns no rows, as on PGlite. */
  executeUnprepared(sql: string, params: ReadonlyArray<unknown>, transformRows: TransformRows) {
    const script = params.length === 0 && splitStatements(sql).length > 1;
    return this.rows(script ? asDoBlock(sql) : sql, params, false, transformRows);
  }

  executeStream(sql: string, params: ReadonlyArray<unknown>, transformRows: TransformRows) {
    const stream = this.session.stream(sql, params);
    return transformRows === undefined
      ? stream
      : Stream.mapArray(stream, (rows) => transformRows(rows) as typeof rows);
  }
}
