// Everything the server holds, as one layer over a database layer: the store, the engine kept current by
// EngineSync (built after the migrations, system roles and demo data), the Mailer and the operations sweeper.
import { type Database, runMigrations } from "@gatehouse/db";
import { EngineSync, NodePartition, type Partition, Roles, StoreLive, seedDemo } from "@gatehouse/store";
import { Effect, Layer } from "effect";
import { Mailer, mailSettingsFromEnv } from "./mail/mailer.ts";
import { operationsSweeper } from "./mission-control/sweeper.ts";

/** Migrations, system roles and demo data, before the engine is loaded from the database. */
export const prepareDatabase = Effect.gen(function* () {
  const applied = yield* runMigrations;
  const roles = yield* (yield* Roles).seedSystemRoles();
  const demo = process.env.NODE_ENV === "production" ? undefined : yield* seedDemo();
  yield* Effect.log(
    `database ready: ${applied.length} migration(s) applied, ${roles} system role(s) added, ` +
      (demo === undefined
        ? "no demo data (production)"
        : `demo data ${demo.created ? "loaded" : "already present"}`),
  );
});

/** Without settings: the environment's, links on the default HOST:PORT (main.ts passes the address it listens on). */
const mailFromEnv = () =>
  Mailer.layer(
    mailSettingsFromEnv(() => `http://${process.env.HOST ?? "127.0.0.1"}:${process.env.PORT ?? "4000"}`),
  );

export interface ServerLayerOptions {
  /** Prepare the database first (default); a worker whose primary prepared it (GATEHOUSE_WORKERS) does not. */
  readonly prepare?: boolean;
  /** The organizations this node holds (default every one): its engine loads and follows only them. */
  readonly partition?: Partition;
}

/** The server's services over `database` (DatabaseLive in production, a test database in tests), mail by `mail`. */
export const serverLayer = <E>(
  database: Layer.Layer<Database, E>,
  mail: Layer.Layer<Mailer> = mailFromEnv(),
  options: ServerLayerOptions = {},
) => {
  const base = Layer.merge(StoreLive, mail).pipe(Layer.provideMerge(database));
  const prepared = options.prepare === false ? Layer.empty : Layer.effectDiscard(prepareDatabase);
  const sync =
    options.partition === undefined
      ? EngineSync.layer
      : EngineSync.layer.pipe(Layer.provide(Layer.succeed(NodePartition, options.partition)));
  const ready = sync.pipe(Layer.provide(prepared), Layer.provideMerge(base));
  return operationsSweeper(options.partition).pipe(Layer.provideMerge(ready));
};

/** Only the preparation, once, before a primary forks its workers (GATEHOUSE_WORKERS). */
export const prepareOnce = <E>(
  database: Layer.Layer<Database, E>,
  mail: Layer.Layer<Mailer> = mailFromEnv(),
) => prepareDatabase.pipe(Effect.provide(Layer.merge(StoreLive, mail).pipe(Layer.provideMerge(database))));
