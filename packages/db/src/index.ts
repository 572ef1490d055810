// @gatehouse/db: the storage drivers, embedded PGlite or a PostgreSQL server behind one effect/sql SqlClient.
// Also LISTEN/NOTIFY (Notifications) and the configuration that picks the backend.
export { type DatabaseConfig, databaseConfig, defaultDataDir } from "./config.ts";
export { type Database, DatabaseLive, layerPg, layerPglite } from "./database.ts";
export { Notifications, type NotificationsShape } from "./listen.ts";
export { migrations, migrationsTable, runMigrations } from "./migrations/index.ts";
export { PgliteDatabase, type PgliteDatabaseShape, type PgliteOptions } from "./pglite/client.ts";
export type { PostgresOptions } from "./postgres/client.ts";
export { splitStatements } from "./sql-script.ts";
