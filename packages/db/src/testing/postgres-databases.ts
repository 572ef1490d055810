// PostgreSQL test databases from a template: one set-up database per test file, CREATE DATABASE … TEMPLATE per test.
// Copying a migrated database is far cheaper than migrating again, and every test gets its own database.
import { Effect, type Scope } from "effect";
import { Reactivity } from "effect/reactivity";
import type { SqlError } from "effect/sql";
import { layerPg } from "../database.ts";
import { makePostgres } from "../postgres/client.ts";
import type { DatabaseSetup } from "./pglite-template.ts";

let counter = 0;

/** A database name unique across the test workers sharing one server. */
const uniqueName = (prefix: string): string =>
  `${prefix}_${process.pid}_${counter++}_${Math.random().toString(36).slice(2, 8)}`;

/** The same server URL pointing at another database. */
export const databaseUrl = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/** Runs one statement on the server's own database (CREATE and DROP DATABASE cannot run elsewhere). */
const onServer = (serverUrl: string, statement: string): Effect.Effect<void, SqlError.SqlError> =>
  Effect.scoped(
    Effect.flatMap(makePostgres({ url: serverUrl, maxConnections: 1 }), ({ client }) =>
      Effect.asVoid(client.unsafe(statement)),
    ),
  ).pipe(Effect.provide(Reactivity.layer));

const runSetup = (url: string, setup: DatabaseSetup): Effect.Effect<void, SqlError.SqlError> =>
  Effect.asVoid(Effect.orDie(setup)).pipe(Effect.provide(layerPg({ url, maxConnections: 2 })));

/** Creates a database, runs `setup` on it and closes its connections; returns its name. */
export const createTemplateDatabase = (serverUrl: string, setup: DatabaseSetup): Promise<string> => {
  const name = uniqueName("gh_template");
  return Effect.runPromise(
    Effect.gen(function* () {
      yield* onServer(serverUrl, `CREATE DATABASE ${name}`);
      yield* Effect.onError(runSetup(databaseUrl(serverUrl, name), setup), () =>
        Effect.ignore(dropDatabase(serverUrl, name)),
      );
      return name;
    }),
  );
};

/** Drops a database, ending any session still on it. */
export const dropDatabase = (serverUrl: string, name: string): Effect.Effect<void, SqlError.SqlError> =>
  onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

/** Creates a copy of the template and succeeds with its name; the caller drops it. */
export const copyDatabase = (
  serverUrl: string,
  template: string,
): Effect.Effect<string, SqlError.SqlError> => {
  const name = uniqueName("gh_test");
  return Effect.as(onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`), name);
};

/** A fresh copy of the template for the current scope, dropped when it closes; succeeds with its URL. */
export const freshDatabase = (
  serverUrl: string,
  template: string,
): Effect.Effect<string, SqlError.SqlError, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(copyDatabase(serverUrl, template), (name) =>
      Effect.ignore(dropDatabase(serverUrl, name)),
    ),
    (name) => databaseUrl(serverUrl, name),
  );
