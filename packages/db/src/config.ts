// Where the database is, from the environment: DATABASE_URL selects PostgreSQL, otherwise embedded PGlite.
// PGlite keeps its files in GATEHOUSE_DATA_DIR (default ./.gatehouse/data, relative to the working directory).
import { Config, Option, Redacted } from "effect";

export const defaultDataDir = "./.gatehouse/data";

export type DatabaseConfig =
  | { readonly backend: "postgres"; readonly url: Redacted.Redacted<string> }
  | { readonly backend: "pglite"; readonly dataDir: string };

/** An empty DATABASE_URL counts as unset, so `DATABASE_URL= pnpm start` still means PGlite. */
export const databaseConfig: Config.Config<DatabaseConfig> = Config.all({
  url: Config.option(Config.Redacted("DATABASE_URL")),
  dataDir: Config.withDefault(Config.String("GATEHOUSE_DATA_DIR"), defaultDataDir),
}).pipe(
  Config.map(({ url, dataDir }): DatabaseConfig => {
    const given = Option.filter(url, (value) => Redacted.value(value).trim() !== "");
    return Option.isSome(given)
      ? { backend: "postgres", url: given.value }
      : { backend: "pglite", dataDir: dataDir.trim() === "" ? defaultDataDir : dataDir };
  }),
);
