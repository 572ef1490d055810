// Everything the server holds, as one layer over a database layer: the store, and the engine kept current
// by EngineSync, built only after the migrations, the system roles and (outside production) the demo data.
import { type Database, runMigrations } from "@gatehouse/db";
import { EngineSync, Roles, StoreLive, seedDemo } from "@gatehouse/store";
import { Effect, Layer } from "effect";

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

/** The server's services over `database` (DatabaseLive in production, a test database in tests). */
export const serverLayer = <E>(database: Layer.Layer<Database, E>) => {
  const base = StoreLive.pipe(Layer.provideMerge(database));
  return EngineSync.layer.pipe(Layer.provide(Layer.effectDiscard(prepareDatabase)), Layer.provideMerge(base));
};
