// One repository suite, run against PGlite and against PostgreSQL (OpenFGA's RunAllTests pattern).
// Every test gets a fresh database copied from a template that `setup` (e.g. the migrator) built once.
import { it as effectIt } from "@effect/vitest";
import { Context, Effect, Exit, Layer, Scope } from "effect";
import { SqlClient } from "effect/sql";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import type { Database } from "../database.ts";
import type { DatabaseSetup } from "./pglite-template.ts";
import { postgresUnavailableMessage } from "./postgres-server.ts";
import "./provided.ts";
import {
  type BackendName,
  pgliteBackend,
  postgresBackend,
  type TestBackend,
  type TestDatabase,
} from "./test-backends.ts";

export type TestServices = Database | TestDatabase;

export interface BackendTests {
  readonly backend: BackendName;
  /**
   * An Effect test with the current test's database services provided. It runs with the live clock:
   * drivers time out on real time.
   */
  readonly effect: <A, E>(
    name: string,
    self: () => Effect.Effect<A, E, TestServices | Scope.Scope>,
    timeout?: number,
  ) => void;
  /** The current test's services, for tests that are not Effects. */
  readonly services: () => Context.Context<TestServices>;
}

export interface BothBackendsOptions {
  /** Runs once per backend into the template every test copies (the migrator); nothing by default. */
  readonly setup?: DatabaseSetup | undefined;
}

/** The server the global setup provided, or the reason there is none (which fails the suite's tests). */
const postgresServerUrl = (): string => {
  const provided = inject("gatehousePostgres");
  if (provided === undefined) {
    throw new Error(
      `No PostgreSQL server was provided: add "@gatehouse/db/testing/global-setup" to this package's Vitest globalSetup.\n${postgresUnavailableMessage}`,
    );
  }
  if ("error" in provided) throw new Error(provided.error);
  return provided.url;
};

const registerBackend = (
  backend: TestBackend,
  body: (getSql: () => SqlClient.SqlClient, it: BackendTests) => void,
) => {
  let current:
    | { readonly services: Context.Context<TestServices>; readonly scope: Scope.Closeable }
    | undefined;
  const services = (): Context.Context<TestServices> => {
    if (current === undefined) throw new Error("No test database: use it only inside a test");
    return current.services;
  };
  // A failed template is reported by every test (through beforeEach), never turned into skipped tests.
  beforeAll(() => backend.prepare().catch(() => undefined));
  afterAll(() => backend.cleanup());
  beforeEach(async () => {
    const scope = Effect.runSync(Scope.make());
    try {
      current = { services: await Effect.runPromise(Layer.buildWithScope(backend.fresh(), scope)), scope };
    } catch (cause) {
      await Effect.runPromise(Scope.close(scope, Exit.void));
      throw cause;
    }
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    if (closing !== undefined) await Effect.runPromise(Scope.close(closing.scope, Exit.void));
  });
  body(() => Context.get(services(), SqlClient.SqlClient), {
    backend: backend.name,
    effect: (name, self, timeout) =>
      effectIt.live(name, () => Effect.suspend(() => Effect.provide(self(), services())), timeout),
    services,
  });
};

/**
 * Registers the same tests twice, under "PGlite" and "PostgreSQL". `body` receives `getSql` (the current
 * test's SqlClient) and `it.effect`, which provides every database service to an Effect test.
 */
export const describeBothBackends = (
  name: string,
  body: (getSql: () => SqlClient.SqlClient, it: BackendTests) => void,
  options: BothBackendsOptions = {},
): void => {
  const setup = options.setup ?? Effect.void;
  describe(name, () => {
    describe("PGlite", () => registerBackend(pgliteBackend(setup), body));
    describe("PostgreSQL", () => registerBackend(postgresBackend(setup, postgresServerUrl), body));
  });
};
