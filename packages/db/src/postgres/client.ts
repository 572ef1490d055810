// Builds effect/sql's SqlClient over an @effect/sql-pg connection pool, as PgClient does, with scripts allowed.
// Owning the client lets parameterless multi-statement SQL behave as it does on PGlite (see connection.ts).
import { PgClient, PgPool } from "@effect/sql-pg";
import { Effect, Redacted, type Scope, Stream } from "effect";
import type { Reactivity } from "effect/reactivity";
import { SqlClient, type SqlError } from "effect/sql";
import { commitOrFail } from "../commit.ts";
import { PostgresConnection } from "./connection.ts";

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string | Redacted.Redacted<string>;
  /** Pool size; 10 by default. */
  readonly maxConnections?: number | undefined;
  /** Session settings sent when each connection opens, e.g. `{ search_path: "tenant_a" }`. */
  readonly startupParameters?: Readonly<Record<string, string>> | undefined;
}

export interface PostgresHandle {
  readonly client: SqlClient.SqlClient;
  /** LISTEN on a session reserved from the pool until the scope closes. */
  readonly subscribe: (
    channel: string,
  ) => Effect.Effect<Stream.Stream<string, SqlError.SqlError>, SqlError.SqlError, Scope.Scope>;
}

/** Opens the pool (connections are made on demand) and the SqlClient over it. */
export const makePostgres = (
  options: PostgresOptions,
): Effect.Effect<PostgresHandle, SqlError.SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const pool = yield* PgPool.make({
      url: typeof options.url === "string" ? Redacted.make(options.url) : options.url,
      applicationName: "gatehouse",
      maxConnections: options.maxConnections,
      startupParameters: options.startupParameters,
    });
    const client = yield* SqlClient.make({
      acquirer: Effect.map(pool.get, (session) => new PostgresConnection(session)),
      borrower: (f) => pool.use((session) => f(new PostgresConnection(session))),
      transactionAcquirer: Effect.map(pool.reserve, (session) => new PostgresConnection(session)),
      prepareTransactionControls: true,
      commit: commitOrFail,
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
      compiler: PgClient.makeCompiler(),
      driver: "pg",
      spanAttributes: [["db.system.name", "postgresql"]],
    });
    const subscribe = (channel: string) =>
      Effect.map(
        Effect.flatMap(pool.reserve, (session) => session.listen(channel)),
        (queue) => Stream.map(Stream.fromQueue(queue), (notification) => notification.payload),
      );
    return { client, subscribe };
  });
