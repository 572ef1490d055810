// Opens PGlite (in memory, on a data directory, or from a dumped tarball) and builds effect/sql's SqlClient on it.
// PGlite is one session, so a one-permit semaphore lets a single statement or transaction use it at a time.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Context, Effect, Option, type Scope, Semaphore } from "effect";
import type { Reactivity } from "effect/reactivity";
import { SqlClient, type SqlError } from "effect/sql";
import { commitOrFail } from "../commit.ts";
import { makePgliteCompiler } from "./compiler.ts";
import { PgliteConnection } from "./connection.ts";
import { toSqlError } from "./sql-error.ts";
import { pgliteParsers } from "./types.ts";

export interface PgliteOptions {
  /** A directory (created if missing), or `memory://` (the default) for a database that ends with its layer. */
  readonly dataDir?: string | undefined;
  /** A tarball from `dumpDataDir` to start from instead of an empty database (test templates). */
  readonly loadDataDir?: Blob | undefined;
}

export interface PgliteDatabaseShape {
  readonly pglite: PGlite;
  /**
   * Runs `f` on the instance while no other statement or transaction of the client does; inside one of the
   * client's transactions it runs on that transaction.
   */
  readonly exclusive: <A>(
    operation: string,
    f: (pglite: PGlite) => Promise<A>,
  ) => Effect.Effect<A, SqlError.SqlError>;
  /** The whole data directory as an uncompressed tarball, loadable with `loadDataDir`. */
  readonly dumpDataDir: Effect.Effect<Blob, SqlError.SqlError>;
}

/** The PGlite instance behind the layer's SqlClient, for what SQL cannot do (LISTEN callbacks, dumps). */
export class PgliteDatabase extends Context.Service<PgliteDatabase, PgliteDatabaseShape>()(
  "@gatehouse/db/PgliteDatabase",
) {}

const isMemory = (dataDir: string): boolean => dataDir.startsWith("memory://");

const open = (options: PgliteOptions): Effect.Effect<PGlite, SqlError.SqlError, Scope.Scope> => {
  const dataDir = options.dataDir ?? "memory://";
  return Effect.acquireRelease(
    Effect.tryPromise({
      try: () => {
        if (!isMemory(dataDir)) mkdirSync(dataDir, { recursive: true });
        return PGlite.create({
          dataDir,
          parsers: pgliteParsers,
          ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
        });
      },
      catch: (cause) => toSqlError(cause, "connect"),
    }),
    (pglite) => Effect.ignore(Effect.tryPromise(() => pglite.close())),
  );
};

/** Opens PGlite and returns the SqlClient over it with the instance's own service. */
export const makePglite = (
  options: PgliteOptions,
): Effect.Effect<
  { readonly client: SqlClient.SqlClient; readonly database: PgliteDatabaseShape },
  SqlError.SqlError,
  Scope.Scope | Reactivity.Reactivity
> =>
  Effect.gen(function* () {
    const pglite = yield* open(options);
    const connection = new PgliteConnection(pglite);
    const semaphore = Semaphore.makeUnsafe(1);
    // Despite its name, this is effect's helper for any driver sharing one connection through a semaphore.
    const acquirers = SqlClient.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore,
      isTransaction: () => pglite.isInTransaction(),
    });
    const client = yield* SqlClient.make({
      ...acquirers,
      compiler: makePgliteCompiler(),
      driver: "pglite",
      spanAttributes: [["db.system.name", "postgresql"]],
      commit: commitOrFail,
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
    });

    const exclusive = <A>(operation: string, f: (pglite: PGlite) => Promise<A>) => {
      const run = Effect.tryPromise({ try: () => f(pglite), catch: (cause) => toSqlError(cause, operation) });
      return Effect.flatMap(Effect.serviceOption(client.transactionService), (transaction) =>
        Option.isSome(transaction) ? run : semaphore.withPermit(run),
      );
    };
    const database: PgliteDatabaseShape = {
      pglite,
      exclusive,
      dumpDataDir: exclusive("dumpDataDir", (pg) => pg.dumpDataDir("none")),
    };
    return { client, database };
  });
