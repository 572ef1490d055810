// The two backends a repository suite runs on, each able to give every test a fresh, set-up database.
// PGlite copies a per-process template tarball; PostgreSQL copies a per-file template database.
import { Context, Effect, Layer } from "effect";
import { SqlClient, type SqlError } from "effect/sql";
import { type Database, layerPg } from "../database.ts";
import { Notifications } from "../listen.ts";
import { type DatabaseSetup, layerPgliteFromTemplate, pgliteTemplate } from "./pglite-template.ts";
import { copyDatabase, createTemplateDatabase, databaseUrl, dropDatabase } from "./postgres-databases.ts";

export type BackendName = "pglite" | "postgres";

export interface TestDatabaseShape {
  readonly backend: BackendName;
  /**
   * Another client on the same database, as a second API process would have. On PGlite it is the same
   * in-process instance (PGlite has one session); on PostgreSQL it is a separate connection pool.
   */
  readonly secondClient: Layer.Layer<Database, SqlError.SqlError>;
}

/** Facts about the current test's database, for the few tests that need to know. */
export class TestDatabase extends Context.Service<TestDatabase, TestDatabaseShape>()(
  "@gatehouse/db/testing/TestDatabase",
) {}

export interface TestBackend {
  readonly name: BackendName;
  /** Builds the template (once; later calls share the first). */
  readonly prepare: () => Promise<void>;
  /** A fresh database for one test, released after it; fails as `prepare` did if that failed. */
  readonly fresh: () => Layer.Layer<Database | TestDatabase, SqlError.SqlError>;
  /** Removes the template. */
  readonly cleanup: () => Promise<void>;
}

/** Memoizes a promise-returning step; the promise (and so its failure) is shared by every caller. */
const once = <A>(run: () => Promise<A>): (() => Promise<A>) => {
  let result: Promise<A> | undefined;
  return () => {
    result ??= run();
    return result;
  };
};

const awaited = <A>(promise: () => Promise<A>): Effect.Effect<A> =>
  Effect.orDie(Effect.tryPromise({ try: promise, catch: (cause) => cause }));

export const pgliteBackend = (setup: DatabaseSetup): TestBackend => {
  const template = once(() => pgliteTemplate(setup));
  const testDatabase = Layer.effect(
    TestDatabase,
    Effect.map(Effect.context<Database>(), (services) => ({
      backend: "pglite" as const,
      secondClient: Layer.succeedContext(Context.pick(SqlClient.SqlClient, Notifications)(services)),
    })),
  );
  return {
    name: "pglite",
    prepare: async () => {
      await template();
    },
    fresh: () =>
      Layer.unwrap(
        Effect.map(awaited(template), (blob) =>
          Layer.provideMerge(testDatabase, layerPgliteFromTemplate(blob)),
        ),
      ),
    cleanup: async () => {},
  };
};

/**
 * PostgreSQL copies databases in its own process, so the next test's copy is made while the current test
 * runs; CREATE DATABASE takes a few hundred milliseconds, most of a test's cost.
 */
export const postgresBackend = (setup: DatabaseSetup, serverUrl: () => string): TestBackend => {
  const template = once(async () => {
    const url = serverUrl();
    return { url, name: await createTemplateDatabase(url, setup) };
  });
  const copy = (): Promise<string> =>
    template().then(({ url, name }) => Effect.runPromise(copyDatabase(url, name)));
  let spare: Promise<string> | undefined;
  const take = (): Promise<string> => {
    const taken = spare ?? copy();
    spare = copy();
    // Observed here so an unused spare's failure is not an unhandled rejection; taking it still fails.
    spare.catch(() => undefined);
    return taken;
  };
  let prepared = false;
  return {
    name: "postgres",
    prepare: async () => {
      prepared = true;
      await template();
    },
    fresh: () =>
      Layer.unwrap(
        Effect.gen(function* () {
          const { url: serverUrl } = yield* awaited(template);
          const name = yield* Effect.acquireRelease(awaited(take), (name) =>
            Effect.ignore(dropDatabase(serverUrl, name)),
          );
          const url = databaseUrl(serverUrl, name);
          return Layer.merge(
            layerPg({ url, maxConnections: 4 }),
            Layer.succeed(TestDatabase, {
              backend: "postgres",
              secondClient: layerPg({ url, maxConnections: 2 }),
            }),
          );
        }),
      ),
    cleanup: async () => {
      if (!prepared) return;
      const made = await template().catch(() => undefined);
      if (made === undefined) return;
      const unused = await spare?.catch(() => undefined);
      spare = undefined;
      if (unused !== undefined) await Effect.runPromise(Effect.ignore(dropDatabase(made.url, unused)));
      await Effect.runPromise(Effect.ignore(dropDatabase(made.url, made.name)));
    },
  };
};
