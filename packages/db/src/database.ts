// The database layers: embedded PGlite or a PostgreSQL server, each giving a SqlClient and Notifications.
// DatabaseLive picks one from the environment (config.ts); tests build either directly.
import { type Config, Context, Effect, Layer } from "effect";
import { Reactivity } from "effect/reactivity";
import { SqlClient, type SqlError } from "effect/sql";
import { databaseConfig } from "./config.ts";
import { makeNotifications, Notifications } from "./listen.ts";
import { makePglite, PgliteDatabase, type PgliteOptions } from "./pglite/client.ts";
import { pgliteSubscribe } from "./pglite/listen.ts";
import { makePostgres, type PostgresOptions } from "./postgres/client.ts";

/** What every backend provides. */
export type Database = SqlClient.SqlClient | Notifications;

/** Embedded PGlite on `dataDir` (in memory by default), plus its instance for dumps. */
export const layerPglite = (
  options: PgliteOptions = {},
): Layer.Layer<Database | PgliteDatabase, SqlError.SqlError> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const { client, database } = yield* makePglite(options);
      const notifications = yield* Effect.provideService(
        makeNotifications(pgliteSubscribe(database)),
        SqlClient.SqlClient,
        client,
      );
      return Context.make(SqlClient.SqlClient, client).pipe(
        Context.add(PgliteDatabase, database),
        Context.add(Notifications, notifications),
      );
    }),
  ).pipe(Layer.provide(Reactivity.layer));

/** A PostgreSQL server at `url` (or with more options), through a connection pool. */
export const layerPg = (options: string | PostgresOptions): Layer.Layer<Database, SqlError.SqlError> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const { client, subscribe } = yield* makePostgres(
        typeof options === "string" ? { url: options } : options,
      );
      const notifications = yield* Effect.provideService(
        makeNotifications(subscribe),
        SqlClient.SqlClient,
        client,
      );
      return Context.make(SqlClient.SqlClient, client).pipe(Context.add(Notifications, notifications));
    }),
  ).pipe(Layer.provide(Reactivity.layer));

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite on GATEHOUSE_DATA_DIR. */
export const DatabaseLive: Layer.Layer<Database, SqlError.SqlError | Config.ConfigError> = Layer.unwrap(
  Effect.map(databaseConfig, (config) =>
    config.backend === "postgres" ? layerPg({ url: config.url }) : layerPglite({ dataDir: config.dataDir }),
  ),
);
