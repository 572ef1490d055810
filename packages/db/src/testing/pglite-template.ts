// PGlite test databases from a template: set up one database per test process, then copy it per test.
// A new PGlite takes seconds to initialise; loading a dumped data directory takes a fraction of that.
import { Effect, type Layer } from "effect";
import type { SqlClient, SqlError } from "effect/sql";
import { type Database, layerPglite } from "../database.ts";
import type { Notifications } from "../listen.ts";
import { PgliteDatabase } from "../pglite/client.ts";

/** What a test database holds before each test: usually the migrator, `Effect.void` for an empty one. */
export type DatabaseSetup = Effect.Effect<unknown, unknown, SqlClient.SqlClient | Notifications>;

const templates = new Map<DatabaseSetup, Promise<Blob>>();

const buildTemplate = (setup: DatabaseSetup): Promise<Blob> =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* Effect.orDie(setup);
      const database = yield* PgliteDatabase;
      return yield* database.dumpDataDir;
    }).pipe(Effect.provide(layerPglite())),
  );

/**
 * The data directory of an in-memory PGlite after `setup` ran, as a tarball. Built once per process for
 * each setup value (pass the same constant, e.g. the migrator, to share it).
 */
export const pgliteTemplate = (setup: DatabaseSetup): Promise<Blob> => {
  const known = templates.get(setup);
  if (known !== undefined) return known;
  const template = buildTemplate(setup);
  templates.set(setup, template);
  template.catch(() => templates.delete(setup));
  return template;
};

/** A fresh in-memory PGlite loaded from a template tarball; it closes with the layer. */
export const layerPgliteFromTemplate = (
  template: Blob,
): Layer.Layer<Database | PgliteDatabase, SqlError.SqlError> => layerPglite({ loadDataDir: template });
