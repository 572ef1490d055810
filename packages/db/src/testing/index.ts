// @gatehouse/db/testing: fresh PGlite and PostgreSQL databases for tests, and the suite that runs on both.
// The Vitest global setup that starts PostgreSQL is a separate entry: @gatehouse/db/testing/global-setup.
export {
  type BackendTests,
  type BothBackendsOptions,
  describeBothBackends,
  type TestServices,
} from "./both-backends.ts";
export { type DatabaseSetup, layerPgliteFromTemplate, pgliteTemplate } from "./pglite-template.ts";
export {
  copyDatabase,
  createTemplateDatabase,
  databaseUrl,
  dropDatabase,
  freshDatabase,
} from "./postgres-databases.ts";
export {
  findPostgresBin,
  postgresUnavailableMessage,
  type RunningPostgres,
  startPostgres,
} from "./postgres-server.ts";
export type { ProvidedPostgres } from "./provided.ts";
export { type BackendName, TestDatabase, type TestDatabaseShape } from "./test-backends.ts";
